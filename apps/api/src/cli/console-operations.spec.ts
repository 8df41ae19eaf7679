import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELD_COST } from '../common/graphql/field-costs.js';
import { MAX_COST, MAX_DEPTH, operationCost, operationDepth, rootFieldsProblem } from '../common/graphql/operation-limits.js';
import { buildCodeSchema } from './print-schema.js';

const root = path.resolve(import.meta.dirname, '../../../..');

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
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleOf(f.type, f.name)]),
    );
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
function sampleValue(schema: GraphQLSchema, name: string, type: TypeNode): unknown {
  if (type.kind === Kind.NON_NULL_TYPE) {
    return sampleValue(schema, name, type.type);
  }
  if (type.kind === Kind.LIST_TYPE) {
    return [];
  }
  const named = schema.getType(type.name.value);
  return named === undefined ? 'x' : sampleOf(named as GraphQLInputType, name);
}

describe('the console’s GraphQL operations', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildCodeSchema();
  });

  it('stay within every operation limit at their largest page, with the fields’ real costs', () => {
    const documents = consoleDocuments();
    const fragments = documents.filter((text) => /^\s*fragment /.test(text)).join('\n');
    const operations = documents.filter((text) => /^\s*(query|mutation) /.test(text));
    expect(operations.length).toBeGreaterThan(40);
    const measured = operations.map((text) => {
      const document = parse(`${text}\n${fragments}`);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const variables = Object.fromEntries(
        (operation?.variableDefinitions ?? []).filter((v) => v.defaultValue === undefined).map((v) => [v.variable.name.value, sampleValue(schema, v.variable.name.value, v.type)]),
      );
      const name = operation?.name?.value;
      return { name, depth: operationDepth(document), cost: operationCost(schema, document, variables, name), problem: rootFieldsProblem(document, name) };
    });
    expect(measured.filter((m) => m.depth > MAX_DEPTH || m.cost > MAX_COST || m.problem !== undefined)).toEqual([]);
    // The dashboard page asks for the costliest field there is, and still fits.
    expect(measured.find((m) => m.name === 'Dashboard')?.cost).toBeGreaterThan(FIELD_COST.dashboard);
  });

  it('find the cost of each expensive field on the schema the api serves', () => {
    const query = schema.getQueryType()?.getFields() ?? {};
    const nested: Record<string, [string, string]> = {
      pendingChange: ['Automation', 'pendingChange'],
      automationStatus: ['Automation', 'status'],
      deadLetterActions: ['DeadLetter', 'actions'],
      openAlerts: ['DashboardSloRow', 'openAlerts'],
      reprocessFailedAgain: ['ReprocessRequest', 'failedAgain'],
    };
    for (const [key, cost] of Object.entries(FIELD_COST)) {
      const [typeName, fieldName] = nested[key] ?? ['Query', key];
      const type = typeName === 'Query' ? undefined : schema.getType(typeName);
      const field = type === undefined ? query[fieldName] : isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect(field?.extensions.complexity, `${typeName}.${fieldName}`).toBe(cost);
    }
  });
});
