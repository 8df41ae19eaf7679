import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, isEnumType, isInputObjectType, isNonNullType, Kind, parse, type GraphQLInputType, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_COST, MAX_DEPTH, operationCost, operationDepth } from './operation-limits.js';

const root = path.resolve(import.meta.dirname, '../../../../..');
const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));

/** Every `graphql(\`…\`)` document the console sends, read from its sources. */
function consoleDocuments(): string[] {
  const documents: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'gql') {
          walk(file);
        }
      } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(file, 'utf8').matchAll(/graphql\(`([^`]*)`\)/g)) {
          documents.push(match[1] ?? '');
        }
      }
    }
  };
  walk(path.join(root, 'apps/console/src'));
  return documents;
}

/** A value of a named input type: an enum's first value, an input object with its required fields. */
function sampleOf(type: GraphQLInputType, name: string): unknown {
  const named = isNonNullType(type) ? type.ofType : type;
  if (isEnumType(named)) {
    return named.getValues()[0]?.value;
  }
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, sampleOf(f.type, f.name)]));
  }
  switch (named.toString()) {
    case 'Int':
      return name === 'first' ? 100 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    default:
      return named.toString().startsWith('[') ? [] : 'x';
  }
}

/** A value for a variable the console would send: the largest page for `first`, something of the right type otherwise. */
function sampleValue(name: string, type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) {
    return sampleValue(name, type.type);
  }
  if (type.kind === Kind.LIST_TYPE) {
    return [];
  }
  const named = schema.getType(type.name.value);
  return named === undefined ? 'x' : sampleOf(named as GraphQLInputType, name);
}

describe('GraphQL operation limits', () => {
  it('let every query the console sends through, at its largest page', () => {
    const documents = consoleDocuments();
    const fragments = documents.filter((text) => /^\s*fragment /.test(text)).join('\n');
    const queries = documents.filter((text) => /^\s*query /.test(text));
    expect(queries.length).toBeGreaterThan(20);
    const measured = queries.map((text) => {
      const document = parse(`${text}\n${fragments}`);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const variables = Object.fromEntries((operation?.variableDefinitions ?? []).filter((v) => v.defaultValue === undefined).map((v) => [v.variable.name.value, sampleValue(v.variable.name.value, v.type)]));
      return { name: operation?.name?.value, depth: operationDepth(document), cost: operationCost(schema, document, variables, operation?.name?.value) };
    });
    const over = measured.filter((m) => m.depth > MAX_DEPTH || m.cost > MAX_COST);
    expect(over).toEqual([]);
  });

  it('counts a page’s fields once per item it may return, and every alias', () => {
    const page = `automations(first: 100) { edges { node { slug title } } }`;
    // 1 (automations) + 100 × (edges 1 + node 1 + slug 1 + title 1).
    expect(operationCost(schema, parse(`{ ${page} }`), {})).toBe(401);
    expect(operationCost(schema, parse(`query Q($n: Int!) { automations(first: $n) { edges { node { slug } } } }`), { n: 10 })).toBe(31);
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: ${page}`).join(' ');
    expect(operationCost(schema, parse(`{ ${aliases} }`), {})).toBeGreaterThan(MAX_COST);
  });

  it('measures depth through fragments and inline fragments', () => {
    const deep = buildSchema(`type Node { child: Node, name: String } type Query { root: Node }`);
    const nested = (levels: number) => `${'child { '.repeat(levels)}name${' }'.repeat(levels)}`;
    expect(operationDepth(parse(`{ root { ${nested(3)} } }`))).toBe(5);
    expect(operationDepth(parse(`{ root { ...F } } fragment F on Node { ... on Node { ${nested(2)} } }`))).toBe(4);
    expect(operationCost(deep, parse(`{ root { ${nested(3)} } }`), {})).toBe(5);
  });
});
