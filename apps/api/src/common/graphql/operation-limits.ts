import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { getVariableValues, GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Deepest nesting of fields an operation may ask for (the console's deepest asks 6). */
export const MAX_DEPTH = 12;
/** Most tokens (names, punctuation) a document may hold; the console's largest has a few hundred. */
export const MAX_TOKENS = 20_000;
/**
 * Deepest bracket nesting a document's text may have. The parser would exhaust its stack on a few
 * thousand levels long before the depth limit could be checked, so this is counted on the text.
 */
export const MAX_NESTING = 64;
/**
 * Most an operation may cost: one per field, plus the field's own database work (FIELD_COST:
 * a dashboard 5,000, a health chart 1,000…), times `first` for a paginated list. The console's
 * costliest query stays far below (console-operations.spec.ts checks them all); three dashboards
 * or a few dozen aliased copies of a page do not pass.
 */
export const MAX_COST = 20_000;
/** Most root fields one operation may ask for, each alias counted: every one is a resolver run at once. */
export const MAX_ROOT_FIELDS = 10;
/** Most times one operation may ask for the same root field under different aliases. */
export const MAX_SAME_ROOT_FIELD = 3;

/**
 * A field costs one, plus its own database work (`complexity` on its resolver, see FIELD_COST),
 * plus its selection: once per item it may return (`first`) for a page, once otherwise.
 */
const fieldEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own: unknown = field.extensions.complexity;
  const first: unknown = args.first;
  const items = typeof first === 'number' && Number.isFinite(first) && first > 0 ? first : 1;
  return 1 + (typeof own === 'number' ? own : 0) + childComplexity * items;
};

/** What an operation costs, by the estimator above; variables as sent (defaults applied). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, ...(operationName === undefined ? {} : { operationName }), estimators: [fieldEstimator] });
}

/**
 * How many times the operation runs each root field: its distinct response keys (aliases) by field
 * name, through fragments and inline fragments (each read once). Directives are not evaluated: a
 * field under `@skip` still counts.
 */
export function rootFieldCounts(document: DocumentNode, operationName?: string): Map<string, number> {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const keys = new Map<string, Set<string>>();
  const read = new Set<string>();
  const collect = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        keys.set(name, (keys.get(name) ?? new Set()).add(selection.alias?.value ?? name));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        collect(selection.selectionSet);
      } else if (!read.has(selection.name.value)) {
        read.add(selection.name.value);
        collect(fragments.get(selection.name.value)?.selectionSet);
      }
    }
  };
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName));
  if (operation?.kind === Kind.OPERATION_DEFINITION) {
    collect(operation.selectionSet);
  }
  return new Map([...keys].filter(([name]) => !name.startsWith('__')).map(([name, aliases]) => [name, aliases.size]));
}

/** Why an operation asks for too many root fields, or the same one too often; undefined when it does not. */
export function rootFieldsProblem(document: DocumentNode, operationName?: string): string | undefined {
  const counts = rootFieldCounts(document, operationName);
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const [field, times] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (times > MAX_SAME_ROOT_FIELD) {
    return `This operation asks for "${field}" ${times} times (each alias counts); at most ${MAX_SAME_ROOT_FIELD} are allowed in one operation. Send separate requests, or ask a list field for several at once.`;
  }
  if (total > MAX_ROOT_FIELDS) {
    return `This operation asks for ${total} root fields (each alias counts); at most ${MAX_ROOT_FIELDS} are allowed in one operation. Send separate requests.`;
  }
  return undefined;
}

/**
 * How deep the operation's fields nest, following fragments (a fragment cycle counts once: GraphQL
 * validation refuses it anyway). Each fragment is measured once, so fragments spreading each other
 * many times over cost no more than their text.
 */
export function operationDepth(document: DocumentNode, operationName?: string): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const measured = new Map<string, number>();
  const fragmentDepth = (name: string, visiting: ReadonlySet<string>): number => {
    let depth = measured.get(name);
    if (depth === undefined) {
      depth = depthOf(fragments.get(name)?.selectionSet, new Set([...visiting, name]));
      measured.set(name, depth);
    }
    return depth;
  };
  const depthOf = (selectionSet: SelectionSetNode | undefined, visiting: ReadonlySet<string>): number => {
    let deepest = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, selection.selectionSet === undefined ? 1 : 1 + depthOf(selection.selectionSet, visiting));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, visiting));
      } else if (!visiting.has(selection.name.value)) {
        deepest = Math.max(deepest, fragmentDepth(selection.name.value, visiting));
      }
    }
    return deepest;
  };
  let deepest = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || definition.name?.value === operationName)) {
      deepest = Math.max(deepest, depthOf(definition.selectionSet, new Set()));
    }
  }
  return deepest;
}

function refused(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** What the limits found of one operation of a document: its depth, its root fields' problem, its cost by the variables sent. */
interface Judged {
  depth: number;
  tooMany: string | undefined;
  costs: Map<string, number>;
}

/** Sets of variables whose cost is kept per operation; past that it starts over. */
const MOST_COSTS_KEPT = 64;
/** Variables longer than this (as JSON) are costed every time, never kept. */
const MOST_KEPT_VARIABLES_LENGTH = 2_000;

/**
 * Refuses, before anything runs, an operation nested deeper than `maxDepth`, asking for too many
 * root fields or the same one too often (MAX_ROOT_FIELDS, MAX_SAME_ROOT_FIELD), or costing more
 * than `maxCost`: a 400 with a sentence saying by how much.
 *
 * Apollo keeps a document it has parsed and validated and hands the same one to every request that
 * sends the same text, so what depends on the document alone (depth, root fields) is found once per
 * document, and the cost once per document and set of variables (`first` and `@skip`/`@include` may
 * come from them); each request is still judged, on its own variables, against the same limits.
 */
export function operationLimitsPlugin(limits: { maxDepth: number; maxCost: number } = { maxDepth: MAX_DEPTH, maxCost: MAX_COST }): ApolloServerPlugin {
  const judged = new WeakMap<DocumentNode, Map<string, Judged>>();
  const judge = (document: DocumentNode, operationName: string | undefined): Judged => {
    let operations = judged.get(document);
    if (operations === undefined) {
      operations = new Map();
      judged.set(document, operations);
    }
    let found = operations.get(operationName ?? '');
    if (found === undefined) {
      found = { depth: operationDepth(document, operationName), tooMany: rootFieldsProblem(document, operationName), costs: new Map() };
      operations.set(operationName ?? '', found);
    }
    return found;
  };
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, schema, operationName, operation }) {
          const found = judge(document, operationName ?? undefined);
          if (found.depth > limits.maxDepth) {
            throw refused(`This operation nests fields ${found.depth} deep; at most ${limits.maxDepth} are allowed.`, 'QUERY_TOO_DEEP');
          }
          if (found.tooMany !== undefined) {
            throw refused(found.tooMany, 'QUERY_TOO_COSTLY');
          }
          const variables = JSON.stringify(request.variables ?? {});
          const key = variables.length <= MOST_KEPT_VARIABLES_LENGTH ? variables : undefined;
          let cost = key === undefined ? undefined : found.costs.get(key);
          if (cost === undefined) {
            // Variables that do not fit their types: nothing will run, and execution says which and why.
            if ((getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}).errors?.length ?? 0) > 0) {
              return Promise.resolve();
            }
            try {
              cost = operationCost(schema, document, request.variables, operationName ?? undefined);
            } catch {
              // graphql-query-complexity gives up on operations with too many fields (fragments included).
              throw refused('This operation asks for too many fields (fragments included) to be worth running. Ask for fewer.', 'QUERY_TOO_COSTLY');
            }
            if (key !== undefined) {
              if (found.costs.size >= MOST_COSTS_KEPT) {
                found.costs.clear();
              }
              found.costs.set(key, cost);
            }
          }
          if (cost > limits.maxCost) {
            throw refused(
              `This operation would cost ${cost} (one per field, more for fields that read much from the database, times "first" for each page); at most ${limits.maxCost} is allowed. Ask for fewer items or fields.`,
              'QUERY_TOO_COSTLY',
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

const OPENING = new Set(['{', '(', '[']);
const CLOSING = new Set(['}', ')', ']']);

/** Where the string opening at `start` ends (just past its closing quotes), read as graphql-js's lexer reads it. */
function stringEnd(document: string, start: number): number {
  if (document.startsWith('"""', start)) {
    // A block string ends at the first `"""` not escaped as `\"""`; it may span lines.
    let i = start + 3;
    while (i < document.length && !document.startsWith('"""', i)) {
      i += document.startsWith('\\"""', i) ? 4 : 1;
    }
    return i + 3;
  }
  // A string ends at a quote that no backslash escapes (`"\\"` holds one backslash and ends there), or
  // unterminated at the end of its line: the lexer refuses the document there, and counting on can
  // only count more.
  let i = start + 1;
  while (i < document.length) {
    const char = document[i];
    if (char === '"') {
      return i + 1;
    }
    if (char === '\n' || char === '\r') {
      return i;
    }
    i += char === '\\' ? 2 : 1;
  }
  return i;
}

/**
 * How deep `{`, `(` and `[` nest in a document's text, outside strings, block strings and comments,
 * read as graphql-js's lexer reads them (so brackets in a real string never count, and a fake end
 * of a string cannot hide brackets from this count).
 */
export function textNesting(document: string): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < document.length) {
    const char = document[i] ?? '';
    if (char === '#') {
      while (i < document.length && document[i] !== '\n' && document[i] !== '\r') {
        i += 1;
      }
    } else if (char === '"') {
      i = stringEnd(document, i);
    } else {
      if (OPENING.has(char)) {
        depth += 1;
        deepest = Math.max(deepest, depth);
      } else if (CLOSING.has(char)) {
        depth -= 1;
      }
      i += 1;
    }
  }
  return deepest;
}

/** Express middleware for the GraphQL path: refuses a document nested deeper than MAX_NESTING before it is parsed. */
export function refuseDeeplyNestedDocuments(request: Request, response: Response, next: NextFunction): void {
  const body = request.body as { query?: unknown } | undefined;
  const document = typeof body?.query === 'string' ? body.query : typeof request.query.query === 'string' ? request.query.query : undefined;
  const nesting = document === undefined ? 0 : textNesting(document);
  if (nesting <= MAX_NESTING) {
    next();
    return;
  }
  response.status(400).json({
    errors: [
      { message: `This document nests brackets ${nesting} deep; at most ${MAX_NESTING} are read (and fields at most ${MAX_DEPTH} deep).`, extensions: { code: 'QUERY_TOO_DEEP' } },
    ],
  });
}
