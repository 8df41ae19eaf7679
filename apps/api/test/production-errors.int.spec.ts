import path from 'node:path';
import { INGEST_PATH } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SessionCodec } from '../src/auth/session.js';
import { SessionsRepository } from '../src/auth/sessions.repository.js';
import { DEV_PERSONAS } from '../src/auth/personas.js';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { useTestApi } from './harness.js';
import { attempt, createToken } from './telemetry.js';

/** What an error answer must never show in production. */
const INTERNALS = /QueryFailedError|relation "|node_modules|\.ts:\d+|\n\s+at |stacktrace|SELECT|INSERT/;

describe('errors in production', () => {
  const t = useTestApi({ NODE_ENV: 'production', ROUNDHOUSE_DEV_SIGN_IN: 'false', ROUNDHOUSE_SESSION_SECRET: 'production-errors-test-secret-0123456789abcdef' });
  let cookie: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    // No dev sign-in in production: a session as the api itself would sign it.
    const { description: _description, ...ada } = DEV_PERSONAS.find((p) => p.id === 'ada') ?? DEV_PERSONAS[0]!;
    const session = t.api.app.get(SessionCodec).encode(ada);
    await t.api.app.get(SessionsRepository).open(session.id, ada.id, session.expiresAt);
    cookie = `${SESSION_COOKIE}=${session.token}`;
  });

  const graphql = async (query: string) => {
    const response = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': await t.api.csrfToken(cookie) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, requestId: response.headers.get('x-request-id'), hsts: response.headers.get('strict-transport-security'), text: await response.text() };
  };

  it('refuses introspection and the dev sign-in', async () => {
    const introspection = await graphql('{ __schema { types { name } } }');
    expect(introspection.status).toBe(400);
    expect(JSON.parse(introspection.text)).toMatchObject({ errors: [{ message: expect.stringMatching(/introspection is not allowed/) as string }] });
    expect(introspection.text).not.toContain('"types"');
    expect(introspection.hsts).toMatch(/max-age=\d+/);
    const devSignIn = await fetch(`${t.api.url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });
    expect(devSignIn.status).toBe(403);
    expect(devSignIn.headers.get('set-cookie')).toBeNull();
  });

  /** Typos a caller could make, each of which graphql-js answers with a suggestion from the schema. */
  const TYPOS: { query: string; variables?: Record<string, unknown> }[] = [
    { query: '{ automatons { totalCount } }' },
    { query: '{ automations(frist: 5) { totalCount } }' },
    { query: '{ deadLetterGroups(status: pendin) { pending } }' },
    { query: 'query Q($f: AutomationFilter) { automations(filter: $f) { totalCount } }', variables: { f: { serch: 'x' } } },
    { query: 'query Q($s: DeadLetterStatus) { deadLetterGroups(status: $s) { pending } }', variables: { s: 'pendin' } },
  ];
  const ask = async (typo: (typeof TYPOS)[number], headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(typo) });
    return (await response.json()) as { errors?: { message: string }[] };
  };

  it('suggests no names from the schema ("Did you mean …") to anyone, signed in or not', async () => {
    const signedIn = { cookie, 'x-csrf-token': await t.api.csrfToken(cookie) };
    for (const typo of TYPOS) {
      for (const answer of [await ask(typo), await ask(typo, signedIn)]) {
        expect(answer.errors?.[0]?.message, typo.query).toMatch(/\S{8,}/);
        const messages = (answer.errors ?? []).map((error) => error.message).join('\n');
        expect(messages, typo.query).not.toMatch(/Did you mean|"(automations|first|pending|search)"/);
      }
    }
  });

  it('answers an unexpected error with a sentence and the request id, never its internals, on GraphQL and HTTP routes', async () => {
    const { secret } = await createToken(t.api, cookie, { team: 'finance-ops' });
    await t.db.query('ALTER TABLE dead_letter RENAME TO dead_letter_away');
    await t.db.query('ALTER TABLE run_rollup_minute RENAME TO run_rollup_minute_away');
    try {
      const query = await graphql('{ deadLetters(first: 5) { edges { node { id } } } }');
      expect(JSON.parse(query.text)).toEqual({
        data: null,
        errors: [{ message: `Something went wrong on our side (request id ${query.requestId}).`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });

      const ingest = await fetch(`${t.api.url}${INGEST_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify(attempt('payout-reconciliation')),
      });
      const text = await ingest.text();
      expect(ingest.status).toBe(500);
      expect(JSON.parse(text)).toEqual({
        error: { code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side (request id ${ingest.headers.get('x-request-id')}).` },
      });
      expect(`${query.text}${text}`).not.toMatch(INTERNALS);
    } finally {
      await t.db.query('ALTER TABLE dead_letter_away RENAME TO dead_letter');
      await t.db.query('ALTER TABLE run_rollup_minute_away RENAME TO run_rollup_minute');
    }
  });

  it('answers an unknown route and a malformed body with a sentence, without internals', async () => {
    const missing = await fetch(`${t.api.url}/nothing-here`, { method: 'POST' });
    expect(missing.status).toBe(404);
    const malformed = await fetch(`${t.api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ viewer' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: 'The body is not JSON: send a JSON object with Content-Type: application/json.' } });
    expect(await missing.text()).not.toMatch(INTERNALS);
  });
});
