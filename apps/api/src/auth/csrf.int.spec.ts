import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, ingest } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { CsrfMiddleware } from './csrf.middleware.js';

const CREATE_TOKEN = `mutation Create($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { secret } }`;
const REFUSAL = "This request lacks the session's CSRF token (the x-csrf-token header the console sends), so it was not carried out. Reload the page and try again.";

describe(CsrfMiddleware.name, () => {
  const t = useTestApi();
  let owner: string;

  const post = (route: string, headers: Record<string, string>, body: unknown) =>
    fetch(`${t.api.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const tokensNamed = async (name: string) => (await t.db.query(`SELECT 1 FROM runtime_token WHERE name = $1`, [name])).length;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
  });

  it('gives each session its own token on GET /auth/session', async () => {
    const first = await t.api.csrfToken(owner);
    const other = await t.api.csrfToken(await t.api.signIn('omar'));
    expect(first).toMatch(/^[\w-]{32}$/);
    expect(other).not.toBe(first);
  });

  it('refuses a cookie POST without the token with a 403 and a sentence, and does nothing', async () => {
    const response = await post('/graphql', { cookie: owner }, { query: CREATE_TOKEN, variables: { input: { name: 'forged-1', team: 'finance-ops' } } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: 'FORBIDDEN', message: REFUSAL } });
    expect(await tokensNamed('forged-1')).toBe(0);
  });

  it('refuses a wrong token, for queries too', async () => {
    const mutation = await post(
      '/graphql',
      { cookie: owner, 'x-csrf-token': 'x'.repeat(32) },
      { query: CREATE_TOKEN, variables: { input: { name: 'forged-2', team: 'finance-ops' } } },
    );
    expect(mutation.status).toBe(403);
    expect(await tokensNamed('forged-2')).toBe(0);
    const anotherSessions = await t.api.csrfToken(await t.api.signIn('ada'));
    const query = await post('/graphql', { cookie: owner, 'x-csrf-token': anotherSessions }, { query: '{ viewer { name } }' });
    expect(query.status).toBe(403);
  });

  it('carries out a cookie POST with the session’s token', async () => {
    const response = await post(
      '/graphql',
      { cookie: owner, 'x-csrf-token': await t.api.csrfToken(owner) },
      { query: CREATE_TOKEN, variables: { input: { name: 'honest', team: 'finance-ops' } } },
    );
    expect(response.status).toBe(200);
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    expect(await tokensNamed('honest')).toBe(1);
  });

  it('guards sign-out too, and leaves requests without a session alone', async () => {
    const refused = await fetch(`${t.api.url}/auth/sign-out`, { method: 'POST', headers: { cookie: owner } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const anonymous = await post('/graphql', {}, { query: '{ viewer { name } }' });
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('does not apply to runtime tokens: ingest works without a CSRF token', async () => {
    const token = await createToken(t.api, owner, { team: 'finance-ops' });
    const response = await ingest(t.api, token.secret, attempt('invoice-generation'));
    expect(response.status).toBe(200);
  });
});
