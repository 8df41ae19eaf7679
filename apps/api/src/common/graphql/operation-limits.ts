import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { getVariableValues, GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

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
 * Most an operation may cost: one per field, times `first` for a paginated list. The console's
 * costliest query costs 2,901 at its largest page (operation-limits.spec.ts checks them all); a few
 * dozen aliased copies of a page do not pass.
 */
export const MAX_COST = 20_000;

/** A paginated field costs its selection once per item it may return (`first`). */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first: unknown = args.first;
  return typeof first === 'number' && Number.isFinite(first) && first > 0 ? 1 + childComplexity * first : undefined;
};

/** What an operation costs, by the estimators above; variables as sent (defaults applied). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName?: string): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, ...(operationName === undefined ? {} : { operationName }), estimators: [pageEstimator, simpleEstimator({ defaultComplexity: 1 })] });
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

/**
 * Refuses, before anything runs, an operation nested deeper than `maxDepth` or costing more than
 * `maxCost`: a 400 with a sentence saying by how much.
 */
export function operationLimitsPlugin(limits: { maxDepth: number; maxCost: number } = { maxDepth: MAX_DEPTH, maxCost: MAX_COST }): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, request, schema, operationName, operation }) {
          const depth = operationDepth(document, operationName ?? undefined);
          if (depth > limits.maxDepth) {
            throw refused(`This operation nests fields ${depth} deep; at most ${limits.maxDepth} are allowed.`, 'QUERY_TOO_DEEP');
          }
          // Variables that do not fit their types: nothing will run, and execution says which and why.
          if ((getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors?.length ?? 0) > 0) {
            return Promise.resolve();
          }
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined);
          } catch {
            // graphql-query-complexity gives up on operations with too many fields (fragments included).
            throw refused('This operation asks for too many fields (fragments included) to be worth running. Ask for fewer.', 'QUERY_TOO_COSTLY');
          }
          if (cost > limits.maxCost) {
            throw refused(`This operation would cost ${cost} (one per field, times "first" for each page); at most ${limits.maxCost} is allowed. Ask for fewer items or fields.`, 'QUERY_TOO_COSTLY');
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
    errors: [{ message: `This document nests brackets ${nesting} deep; at most ${MAX_NESTING} are read (and fields at most ${MAX_DEPTH} deep).`, extensions: { code: 'QUERY_TOO_DEEP' } }],
  });
}
