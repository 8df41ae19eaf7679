import path from 'node:path';
import { Writable } from 'node:stream';
import { INGEST_PATH } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { createLogger } from '../src/logging/logger.js';
import { useTestApi } from './harness.js';
import { createToken, deadLetter, ingest } from './telemetry.js';

describe('what the api logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n'));
      done();
    },
  });
  const t = useTestApi({}, () => createLogger('trace', sink));

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
  });

  /** A dead letter of invoice-generation, whose catalog entry marks billingContact.email and .phone sensitive. */
  const sensitive = () => deadLetter('invoice-generation', { payload: { invoice: 'INV-1', billingContact: { email: 'ceo.private.4711@example.com', phone: '+49 170 5550815' } } });

  it('never writes a session cookie, a token, a password, a secret or a sensitive payload field, even at trace level and in errors', async () => {
    const cookie = await t.api.signIn('omar');
    const { secret } = await createToken(t.api, cookie, { team: 'finance-ops' });
    const signIn = await fetch(`${t.api.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'omar', password: 'hunter2-correct-horse' }),
    });
    expect(signIn.status).toBeGreaterThanOrEqual(400);
    expect((await ingest(t.api, secret, [sensitive()])).body.accepted).toBe(1);
    const quarantined = await ingest(t.api, secret, [{ ...sensitive(), attempts: 'many' }]);
    expect(quarantined.body.quarantined).toBe(1);

    // An unexpected error while storing the dead letter: logged whole, with none of its values.
    await t.db.query('ALTER TABLE dead_letter RENAME TO dead_letter_away');
    try {
      const failed = await fetch(`${t.api.url}${INGEST_PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify([sensitive()]),
      });
      expect(failed.status).toBe(500);
      // The caller gets a sentence and the request id; the log line of the error carries the same id.
      const requestId = failed.headers.get('x-request-id') ?? 'none';
      expect(await failed.json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: `Something went wrong on our side (request id ${requestId}).` } });
      expect(lines.some((line) => line.includes('"level":50') && line.includes(`"requestId":"${requestId}"`))).toBe(true);
      const failedQuery = await t.api.graphql<unknown>('{ deadLetters(first: 5) { edges { node { id } } } }', {}, cookie);
      expect(failedQuery.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await t.db.query('ALTER TABLE dead_letter_away RENAME TO dead_letter');
    }

    const log = lines.join('\n');
    expect(log).toMatch(/unexpected error/);
    expect(log).toContain('dead_letter');
    const cookieValue = cookie.slice(cookie.indexOf('=') + 1);
    const csrf = await t.api.csrfToken(cookie);
    for (const value of [cookieValue, secret, secret.slice(-20), csrf, 'hunter2-correct-horse', 'ceo.private.4711@example.com', '+49 170 5550815'].filter((v) => v.length > 0)) {
      expect(log, `the log holds ${value}`).not.toContain(value);
    }
  });

  it('logs the path of a request, never its query string: GraphQL GET variables and export filters stay out', async () => {
    const cookie = await t.api.signIn('vera');
    const secretValue = 'url-secret-7f3a9c-in-a-variable';
    const query = encodeURIComponent('query Q($slug: String!) { automation(slug: $slug) { slug } }');
    const variables = encodeURIComponent(JSON.stringify({ slug: secretValue }));
    const get = await fetch(`${t.api.url}/graphql?query=${query}&variables=${variables}`, { headers: { cookie, 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    const exported = await fetch(`${t.api.url}/audit/export.csv?targetId=${secretValue}-export`, { headers: { cookie } });
    expect(exported.status).toBeGreaterThanOrEqual(200);

    const requests = lines.filter((line) => line.includes('"url":"/graphql"') || line.includes('"url":"/audit/export.csv"'));
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line, 'a log line holds the query string').not.toContain(secretValue);
      expect(line).not.toContain('variables=');
    }
  });
});
