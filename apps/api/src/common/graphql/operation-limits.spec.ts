import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { buildSchema, GraphQLInt, GraphQLList, GraphQLObjectType, GraphQLSchema, GraphQLString, Lexer, parse, Source, TokenKind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_COST, MAX_ROOT_FIELDS, MAX_SAME_ROOT_FIELD, operationCost, operationDepth, rootFieldCounts, rootFieldsProblem, textNesting } from './operation-limits.js';

const root = path.resolve(import.meta.dirname, '../../../../..');
const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));

describe('GraphQL operation limits', () => {
  it('counts a page’s fields once per item it may return, and every alias', () => {
    const page = `automations(first: 100) { edges { node { slug title } } }`;
    // 1 (automations) + 100 × (edges 1 + node 1 + slug 1 + title 1).
    expect(operationCost(schema, parse(`{ ${page} }`), {})).toBe(401);
    expect(operationCost(schema, parse(`query Q($n: Int!) { automations(first: $n) { edges { node { slug } } } }`), { n: 10 })).toBe(31);
    const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: ${page}`).join(' ');
    expect(operationCost(schema, parse(`{ ${aliases} }`), {})).toBeGreaterThan(MAX_COST);
  });

  it('adds a field’s own database work to its cost, once per item of the page it is in', () => {
    const Item = new GraphQLObjectType({ name: 'Item', fields: { name: { type: GraphQLString }, history: { type: GraphQLString, extensions: { complexity: 20 } } } });
    const costly = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          report: { type: GraphQLString, extensions: { complexity: 1_000 } },
          items: { type: new GraphQLList(Item), args: { first: { type: GraphQLInt } }, extensions: { complexity: 50 } },
        },
      }),
    });
    expect(operationCost(costly, parse('{ report }'), {})).toBe(1_001);
    expect(operationCost(costly, parse('{ a: report b: report }'), {})).toBe(2_002);
    // 1 + 50 (items) + 10 × (name 1 + history 1 + 20).
    expect(operationCost(costly, parse('{ items(first: 10) { name history } }'), {})).toBe(271);
  });

  it('counts each root field once per alias, through fragments, and names the one asked for too often', () => {
    const document = parse(
      '{ a: viewer { id } b: viewer { id } viewer { id } ...F ... on Query { c: viewer { id } teams { name } } } fragment F on Query { a: viewer { id } d: viewer { id } __typename }',
    );
    expect(rootFieldCounts(document)).toEqual(
      new Map([
        ['viewer', 5],
        ['teams', 1],
      ]),
    );
    expect(rootFieldsProblem(document)).toBe(
      `This operation asks for "viewer" 5 times (each alias counts); at most ${MAX_SAME_ROOT_FIELD} are allowed in one operation. Send separate requests, or ask a list field for several at once.`,
    );
    const names = ['viewer', 'teams', 'dashboards', 'auditActions', 'automationFacets', 'approvals'];
    const many = parse(`{ ${names.flatMap((name) => [`${name}A: ${name} { __typename }`, `${name}B: ${name} { __typename }`]).join(' ')} }`);
    expect(rootFieldsProblem(many)).toBe(
      `This operation asks for 12 root fields (each alias counts); at most ${MAX_ROOT_FIELDS} are allowed in one operation. Send separate requests.`,
    );
    expect(rootFieldsProblem(parse('{ a: viewer { id } b: viewer { id } c: viewer { id } teams { name } }'))).toBeUndefined();
    expect(rootFieldsProblem(parse('query A { a: viewer { id } b: viewer { id } } query B { teams { name } }'), 'B')).toBeUndefined();
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
