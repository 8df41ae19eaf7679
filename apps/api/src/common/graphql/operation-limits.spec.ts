import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildSchema, isEnumType, isInputObjectType, isNonNullType, Kind, Lexer, parse, Source, TokenKind, type GraphQLInputType, type OperationDefinitionNode, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_COST, MAX_DEPTH, operationCost, operationDepth, textNesting } from './operation-limits.js';

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

/** How deep graphql-js's own lexer finds brackets nesting, up to where it refuses the text (if it does). */
function lexerNesting(document: string): { deepest: number; complete: boolean } {
  const lexer = new Lexer(new Source(document));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.PAREN_L || token.kind === TokenKind.BRACKET_L) {
        depth += 1;
        deepest = Math.max(deepest, depth);
      } else if (token.kind === TokenKind.BRACE_R || token.kind === TokenKind.PAREN_R || token.kind === TokenKind.BRACKET_R) {
        depth -= 1;
      }
    }
    return { deepest, complete: true };
  } catch {
    return { deepest, complete: false };
  }
}

describe(textNesting.name, () => {
  it('sees brackets after a string that ends in an escaped backslash, and none inside strings, block strings or comments', () => {
    // "\\" holds one backslash and ends at its second quote: what follows is nesting, not string.
    expect(textNesting(`{ viewer(x: "\\\\") ${'{ '.repeat(100)} "`)).toBe(101);
    expect(textNesting(`{ a(x: "\\" ${'{'.repeat(100)}") }`)).toBe(2);
    expect(textNesting(`{ a(x: """${'{'.repeat(100)} \\""" ${'['.repeat(100)}""") }`)).toBe(2);
    // A block string has one escape, \""": it does not end there, only at the next three quotes.
    expect(textNesting(`{ a(x: """\\\\""" """ ${'{'.repeat(100)}`)).toBe(102);
    expect(textNesting(`# ${'{'.repeat(100)}\r{ a }`)).toBe(1);
  });

  it('counts brackets as graphql-js’s lexer reads them, on any text', () => {
    const piece = fc.oneof(
      fc.constantFrom('{', '}', '(', ')', '[', ']', '"', '""', '"""', '\\', '\\"', '\\"""', '\\\\', '#', '\n', '\r', ' ', ',', 'a', 'x:', '$v', '...', '\u0001', '\\u0041', '\t'),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const document = pieces.join('');
        const lexed = lexerNesting(document);
        if (lexed.complete) {
          expect(textNesting(document)).toBe(lexed.deepest);
        } else {
          // Where the lexer refuses the text the parser stops: the guard must have counted at least as deep.
          expect(textNesting(document)).toBeGreaterThanOrEqual(lexed.deepest);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
