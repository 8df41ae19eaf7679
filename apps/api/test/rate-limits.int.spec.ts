import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { useTestApi } from './harness.js';
import { attempt, createToken, ingest } from './telemetry.js';

describe('sign-in rate limits', () => {
  const t = useTestApi({ ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '3' });

  const devSignIn = () => fetch(`${t.api.url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"omar"}' });

  it('slows sign-in attempts from one address down with a 429 and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await devSignIn()).status);
    }
    expect(statuses).toEqual([204, 204, 204]);
    const refused = await devSignIn();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { message: string };
    expect(body.message).toMatch(/^Too many sign-in attempts from this address: at most 3 a minute\. Try again in \d+ s\.$/);
  });

});

describe('ingest rate limits', () => {
  const t = useTestApi({ ROUNDHOUSE_INGEST_RATE_LIMIT: '2' });

  it('limits each runtime token on its own, and stores nothing from a refused request', async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    const cookie = await t.api.signIn('ada');
    const busy = (await createToken(t.api, cookie, { team: 'finance-ops' })).secret;
    const quiet = (await createToken(t.api, cookie, { team: 'finance-ops' })).secret;
    expect((await ingest(t.api, busy, attempt('invoice-generation'))).status).toBe(200);
    expect((await ingest(t.api, busy, attempt('invoice-generation'))).status).toBe(200);
    const refused = await ingest(t.api, busy, attempt('invoice-generation', { runId: 'refused-run' }));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/^Too many ingest requests with this token: at most 2 a minute/) as string });
    expect(await t.db.query(`SELECT run_id FROM run WHERE run_id = 'refused-run'`)).toEqual([]);
    // Another runtime is not held back by the busy one.
    expect((await ingest(t.api, quiet, attempt('invoice-generation'))).status).toBe(200);
  });
});
