import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, SessionCodec } from '../src/auth/session.js';
import { SessionsRepository } from '../src/auth/sessions.repository.js';
import { DEV_PERSONAS } from '../src/auth/personas.js';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { DashboardsService } from '../src/dashboards/dashboards.service.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';

/** What an answer must never show: PostgreSQL's own words, SQL, internals. */
const INTERNALS = /canceling statement|statement timeout|QueryFailedError|SELECT|node_modules|\n\s+at /;
const SENTENCE = 'This request used its 0.001 s of database time and was stopped. Ask for less (a shorter range, fewer items or fields), or try again later.';
const ISSUER = 'https://id.example.test/realms/ops';

/**
 * A request's database budget set to 1 ms, in production: any real query runs out of it, so each
 * answer shows what a request cut by its budget answers. Start-up work (migrations, the catalog
 * and dashboards applied) is background work and is not cut. People come in with a single sign-on
 * bearer token, which needs no database, so the first statement a request sends is its own.
 */
describe('a request cut by its database budget, in production', () => {
  let db: TestDatabase;
  let api: TestApi;
  let jwks: Server;
  let sign: (role: string) => Promise<string>;

  beforeAll(async () => {
    const provider = await generateKeyPair('ES256');
    const published = JSON.stringify({ keys: [{ ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] });
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(published);
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    sign = (role) =>
      new SignJWT({ sub: `${role}@example.test`, roundhouse_role: role, roundhouse_teams: ['finance-ops'], name: role })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(ISSUER)
        .setAudience('roundhouse')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(provider.privateKey);
    db = await createTestDatabase();
    api = await startTestApi(db.url, {
      NODE_ENV: 'production',
      ROUNDHOUSE_DEV_SIGN_IN: 'false',
      ROUNDHOUSE_SESSION_SECRET: 'request-budget-test-secret-0123456789abcdefghij',
      ROUNDHOUSE_OIDC_ISSUER: ISSUER,
      ROUNDHOUSE_OIDC_AUDIENCE: 'roundhouse',
      ROUNDHOUSE_OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
      ROUNDHOUSE_REQUEST_STATEMENT_TIMEOUT_MS: '1',
      ROUNDHOUSE_MUTATION_STATEMENT_TIMEOUT_MS: '60000',
    });
    const root = api.config.repositoryRoot;
    await api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);
    await api.app.get(DashboardsService).apply(path.join(root, 'dashboards'), root);
  });

  afterAll(async () => {
    await api?.close();
    await new Promise((resolve) => jwks?.close(resolve));
    await db?.drop();
  });

  const graphql = async (role: string, query: string) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await sign(role)}` },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, text: await response.text() };
  };

  it('answers a viewer’s dashboard over a year with a sentence naming the budget, never PostgreSQL’s error', async () => {
    const answer = await graphql('viewer', '{ dashboard(name: "finance-automation-program", range: { last: "365d" }) { title panels { title } } }');
    expect(answer.text).not.toMatch(INTERNALS);
    expect(JSON.parse(answer.text)).toMatchObject({ data: { dashboard: null }, errors: [{ message: SENTENCE, extensions: { code: 'REQUEST_TIMEOUT' } }] });
  });

  it('answers an HTTP route cut by it with a 503 and the same sentence', async () => {
    const { description: _description, ...olga } = DEV_PERSONAS.find((p) => p.id === 'olga') ?? DEV_PERSONAS[0]!;
    const session = api.app.get(SessionCodec).encode(olga);
    await api.app.get(SessionsRepository).open(session.id, olga.id, session.expiresAt);
    const answer = await fetch(`${api.url}/audit/export.csv`, { headers: { cookie: `${SESSION_COOKIE}=${session.token}` } });
    const text = await answer.text();
    expect(answer.status).toBe(503);
    expect(JSON.parse(text)).toEqual({ error: { code: 'REQUEST_TIMEOUT', message: SENTENCE } });
  });

  it('gives a mutation its own, longer budget', async () => {
    const answer = await graphql('owner', 'mutation { archiveAutomation(slug: "no-such-automation") { slug } }');
    expect(answer.text).not.toMatch(INTERNALS);
    expect(JSON.parse(answer.text)).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });
});
