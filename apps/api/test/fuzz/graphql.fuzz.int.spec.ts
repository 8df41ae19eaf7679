import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../src/catalog/catalog.service.js';
import { FIELD_COST } from '../../src/common/graphql/field-costs.js';
import { MAX_COST, MAX_DEPTH, MAX_ROOT_FIELDS, MAX_SAME_ROOT_FIELD } from '../../src/common/graphql/operation-limits.js';
import { useTestApi, type GraphQLResult } from '../harness.js';
import { expectAlive, expectRefusal, headerText, messageOf, oddJson, oddText, rowCounts, RUNS, send, UNLIMITED, type Answer } from './fuzz.js';

/** Pieces of GraphQL, real names among them, for documents that are nearly right. */
const TOKEN = fc.constantFrom(
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '!',
  '$x',
  '$input',
  '...',
  '@skip(if: true)',
  '@include(if: $x)',
  '@deprecated',
  '@nope',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'Query',
  'Mutation',
  'automations',
  'automation',
  'slug',
  'edges',
  'node',
  'first: 5',
  'first: -1',
  'first: 99999999999',
  'slug: "x"',
  'viewer',
  'id',
  '__typename',
  '__schema',
  'createRuntimeToken',
  'input: {}',
  'revokeRuntimeToken',
  'String',
  'Int',
  'ID!',
  '"\\u0000"',
  '"""',
  '#',
  '1e999',
  'null',
  'true',
  '=',
  ',',
  '|',
  '&',
);

const DOCUMENT = fc.oneof(
  fc.string(),
  oddText,
  fc.array(TOKEN, { maxLength: 30 }).map((tokens) => tokens.join(' ')),
  fc.array(TOKEN, { maxLength: 30 }).map((tokens) => `{ ${tokens.join(' ')} }`),
);

/** A valid (introspective) query nesting fields `2 + levels` deep. */
const deep = (levels: number) => `{ __type(name: "Query") { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } }`;

type Result = GraphQLResult<unknown>;

describe('GraphQL under fuzzing', () => {
  const t = useTestApi(UNLIMITED);
  let cookie: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    cookie = await t.api.signIn('ada');
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    send(t.api, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  /** Never a 5xx; an error is a GraphQL error (or the api's) with a message, never internals. */
  function expectAnswered(answer: Answer): void {
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBeLessThan(500);
    if (answer.status >= 400) {
      expectRefusal(answer);
    }
    expectNoInternalError(answer.body as Result);
  }

  function expectNoInternalError(result: Result): void {
    for (const error of result.errors ?? []) {
      expect(error.message).toMatch(/\S{2,}/);
      expect(error.extensions?.code, error.message).not.toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(error)).not.toMatch(/stacktrace|node_modules|\n\s+at /);
    }
  }

  it('refuses bodies that are not one GraphQL request with a 400 and a sentence', async () => {
    const body = fc.oneof(
      fc.string(),
      fc.json().chain((json) => fc.nat({ max: json.length }).map((cut) => json.slice(0, cut))),
      fc
        .jsonValue()
        .filter((v) => v === null || typeof v !== 'object' || Array.isArray(v))
        .map((v) => JSON.stringify(v)),
      fc.record({ query: oddJson, variables: oddJson, operationName: oddJson }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => expectAnswered(await post(text))),
      { numRuns: RUNS },
    );
    await expectAlive(t.api);
  });

  it('refuses batched operations with a 400 and a sentence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('{ __typename }', '{ viewer { id } }', 'mutation { revokeRuntimeToken(id: "x") { id } }'), { maxLength: 5 }), async (queries) => {
        const answer = await post(JSON.stringify(queries.map((query) => ({ query }))), { cookie, 'x-csrf-token': await t.api.csrfToken(cookie) });
        expectRefusal(answer);
        expect(answer.status).toBe(400);
        expect(messageOf(answer.body)).toBe('Operation batching disabled.');
      }),
      { numRuns: 30 },
    );
  });

  it('answers random documents with GraphQL errors, signed in or not, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(DOCUMENT, fc.option(oddJson, { nil: undefined }), fc.boolean(), async (query, x, signedIn) => {
        const variables = x === undefined ? {} : { x, input: x };
        if (signedIn) {
          expectNoInternalError(await t.api.graphql(query, variables, cookie));
        } else {
          expectAnswered(await post(JSON.stringify({ query, variables })));
        }
      }),
      { numRuns: RUNS },
    );
    await expectAlive(t.api);
  });

  it('refuses operations nested too deep, fragment cycles and fragment fan-outs with a sentence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 60 }), async (levels) => {
        const result = await t.api.graphql<unknown>(deep(levels), {}, cookie);
        expectNoInternalError(result);
        if (2 + levels > MAX_DEPTH) {
          expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
          expect(result.errors?.[0]?.message).toBe(`This operation nests fields ${2 + levels} deep; at most ${MAX_DEPTH} are allowed.`);
        } else {
          expect(result.errors).toBeUndefined();
        }
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 1, max: 10 }), fc.boolean(), async (chain, fan, cycle) => {
        const fragments = Array.from(
          { length: chain },
          (_, i) => `fragment F${i} on Query { ${i === chain - 1 ? (cycle ? '...F0' : 'viewer { id }') : `...F${i + 1} `.repeat(fan)} }`,
        );
        const result = await t.api.graphql<unknown>(`{ ...F0 } ${fragments.join(' ')}`, {}, cookie);
        expectNoInternalError(result);
        if (cycle) {
          expect(result.errors?.[0]?.message).toMatch(/^Cannot spread fragment "F\d+" within itself/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('answers aliases of every expensive field, spread through fragments, within the caps or with a 400 sentence', async () => {
    /** Root fields that read much from the database, with arguments that resolve, and what one alias of each costs. */
    const expensive: { name: keyof typeof FIELD_COST; call: string; selection: string; items?: number }[] = [
      { name: 'dashboard', call: 'dashboard(name: "finance-automation-program")', selection: '{ __typename }' },
      { name: 'automationHealth', call: 'automationHealth(slug: "invoice-generation", window: "7d")', selection: '{ __typename }' },
      { name: 'automationKpis', call: 'automationKpis(slug: "invoice-generation")', selection: '{ __typename }' },
      { name: 'kpiTrend', call: 'kpiTrend(slug: "invoice-generation", kpi: "close-to-invoice-time")', selection: '{ __typename }' },
      { name: 'automationSlos', call: 'automationSlos(slug: "invoice-generation")', selection: '{ __typename }' },
      { name: 'trail', call: 'trail(correlationId: "fuzz")', selection: '{ __typename }' },
      { name: 'exportAutomation', call: 'exportAutomation(slug: "invoice-generation")', selection: '' },
      { name: 'deadLetterGroups', call: 'deadLetterGroups', selection: '{ __typename }' },
      { name: 'reprocessPreview', call: 'reprocessPreview(action: reprocess, selection: { filter: { automation: "invoice-generation" } })', selection: '{ __typename }' },
      { name: 'auditEntries', call: 'auditEntries(first: 5)', selection: '{ __typename }', items: 5 },
      { name: 'quarantine', call: 'quarantine(first: 5)', selection: '{ __typename }', items: 5 },
      { name: 'approvals', call: 'approvals', selection: '{ __typename }' },
      { name: 'auditActions', call: 'auditActions', selection: '' },
    ];
    const costOf = (field: (typeof expensive)[number]) => 1 + FIELD_COST[field.name] + (field.selection === '' ? 0 : (field.items ?? 1));
    const part = fc.record({
      field: fc.nat({ max: expensive.length - 1 }),
      aliases: fc.integer({ min: 1, max: 6 }),
      placement: fc.constantFrom('root', 'fragment', 'inline', 'nested fragment'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 5 }), async (parts) => {
        let next = 0;
        const root: string[] = [];
        const fragments: string[] = [];
        const counts = new Map<string, number>();
        let cost = 0;
        for (const { field: index, aliases, placement } of parts) {
          const field = expensive[index]!;
          const text = Array.from({ length: aliases }, () => `f${(next += 1)}: ${field.call} ${field.selection}`).join(' ');
          counts.set(field.name, (counts.get(field.name) ?? 0) + aliases);
          cost += aliases * costOf(field);
          if (placement === 'root') {
            root.push(text);
          } else if (placement === 'inline') {
            root.push(`... on Query { ${text} }`);
          } else {
            const name = `F${next}`;
            fragments.push(placement === 'fragment' ? `fragment ${name} on Query { ${text} }` : `fragment ${name} on Query { ...${name}x } fragment ${name}x on Query { ${text} }`);
            root.push(`...${name}`);
          }
        }
        const result = await t.api.graphql<unknown>(`{ ${root.join(' ')} } ${fragments.join(' ')}`, {}, cookie);
        expectNoInternalError(result);
        const most = Math.max(...counts.values());
        const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
        const refusal = result.errors?.find((error) => error.extensions?.code === 'QUERY_TOO_COSTLY');
        if (most > MAX_SAME_ROOT_FIELD) {
          const named = [...counts].filter(([, n]) => n === most).map(([name]) => name);
          expect(refusal?.message).toMatch(
            new RegExp(`^This operation asks for "(${named.join('|')})" ${most} times \\(each alias counts\\); at most ${MAX_SAME_ROOT_FIELD} are allowed`),
          );
        } else if (total > MAX_ROOT_FIELDS) {
          expect(refusal?.message).toMatch(new RegExp(`^This operation asks for ${total} root fields \\(each alias counts\\); at most ${MAX_ROOT_FIELDS} are allowed`));
        } else if (cost > MAX_COST) {
          expect(refusal?.message).toMatch(new RegExp(`^This operation would cost ${cost} .*; at most ${MAX_COST} is allowed\\.`));
        } else {
          expect(refusal, JSON.stringify(result.errors)).toBeUndefined();
          expect(result.data).toBeTruthy();
        }
        if (refusal !== undefined) {
          expect(result.data ?? undefined).toBeUndefined();
        }
      }),
      { numRuns: 60 },
    );
    await expectAlive(t.api);
  });

  it('refuses aliases of a per-item field inside a page by their cost with a sentence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100 }), async (aliases, first) => {
        const changes = Array.from({ length: aliases }, (_, i) => `p${i}: pendingChange { __typename }`).join(' ');
        const result = await t.api.graphql<unknown>(`{ automations(first: ${first}) { edges { node { ${changes} } } } }`, {}, cookie);
        expectNoInternalError(result);
        // 1 + first × (edges 1 + node 1 + aliases × (1 + its own 20 + __typename 1)).
        const cost = 1 + first * (2 + aliases * (2 + FIELD_COST.pendingChange));
        if (cost > MAX_COST) {
          expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
          expect(result.errors?.[0]?.message).toMatch(new RegExp(`^This operation would cost ${cost} .*; at most 20000 is allowed\\.`));
        } else {
          expect(result.errors).toBeUndefined();
        }
      }),
      { numRuns: 30 },
    );
  });

  it('refuses mutations with wrong variables, huge strings and garbage directives, changing nothing', async () => {
    const mutation = fc.constantFrom(
      'mutation M($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { secret } }',
      'mutation M($input: AutomationInput!) { registerAutomation(input: $input) { slug } }',
      'mutation M($input: AutomationInput!, $slug: String!) { updateAutomation(input: $input, slug: $slug) { slug } }',
      'mutation M($slug: String!) { archiveAutomation(slug: $slug) { slug } }',
      'mutation M($id: ID!) { revokeRuntimeToken(id: $id) { id } }',
      'mutation M($input: StartReprocessInput!) { startReprocess(input: $input) { id } }',
      'mutation M($id: ID!, $reason: String) { cancelReprocess(id: $id, reason: $reason) { id } }',
    );
    // Four of them stay under the 1 MiB body limit (body-limits.int.spec.ts checks the limit itself).
    const value = fc.oneof(
      oddJson,
      fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
    );
    const directive = fc.oneof(fc.constant(''), fc.constantFrom('@skip(if: "yes")', '@include', '@nope(x: 1)', '@skip(if: $slug)', '@include(if: true) @include(if: false)'));
    const before = await rowCounts(t.db);
    await fc.assert(
      fc.asyncProperty(mutation, value, value, directive, async (document, input, other, garbage) => {
        const query = document.replace(') {', `) ${garbage} {`);
        const result: Result & { error?: { message: string } } = await t.api.graphql<unknown>(query, { input, slug: other, id: other, reason: other }, cookie);
        expectNoInternalError(result);
        // Refused as a whole (413 over the body limit), or as GraphQL errors.
        expect(result.error?.message ?? result.errors?.[0]?.message, JSON.stringify(result).slice(0, 300)).toMatch(/\S{2,}/);
        expect(result.data ?? null).toBeNull();
      }),
      { numRuns: RUNS },
    );
    expect(await rowCounts(t.db)).toEqual(before);
    await expectAlive(t.api);
  });

  it('refuses well-typed mutations with odd values by a sentence, changing nothing it refuses', async () => {
    const text = fc.oneof(oddText, fc.constantFrom('finance-ops', 'payout-reconciliation', '', ' ', '00000000-0000-0000-0000-000000000000'));
    const input = fc.oneof(
      fc.record({ name: text, team: text, automations: fc.array(text, { maxLength: 3 }), expiresInDays: fc.integer({ min: -5, max: 400 }) }).map((value) => ({
        query: 'mutation M($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { secret } }',
        variables: { input: value },
      })),
      text.map((id) => ({ query: 'mutation M($id: ID!) { revokeRuntimeToken(id: $id) { id } }', variables: { id } })),
      text.map((id) => ({ query: 'mutation M($id: ID!) { cancelReprocess(id: $id, reason: "fuzz") { id } }', variables: { id } })),
      text.map((slug) => ({ query: 'mutation M($slug: String!) { archiveAutomation(slug: $slug) { slug } }', variables: { slug } })),
      text.map((id) => ({ query: 'query Q($id: ID!) { deadLetter(id: $id) { id } }', variables: { id } })),
      text.map((slug) => ({ query: 'query Q($slug: String!) { automation(slug: $slug) { slug } }', variables: { slug } })),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ query, variables }) => {
        const before = await rowCounts(t.db);
        const result = await t.api.graphql<unknown>(query, variables, cookie);
        expectNoInternalError(result);
        if (result.errors !== undefined) {
          expect(await rowCounts(t.db)).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any cookie and content type without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(headerText, fc.option(headerText, { nil: undefined }), async (garbageCookie, contentType) => {
        const answer = await send(t.api, '/graphql', {
          method: 'POST',
          headers: { cookie: garbageCookie, 'content-type': contentType ?? 'application/json' },
          body: JSON.stringify({ query: '{ viewer { id } }' }),
        });
        expect(answer.status).toBeLessThan(500);
        expectNoInternalError(answer.body as Result);
        expect(messageOf(answer.body) ?? (answer.body as Result).data).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });
});
