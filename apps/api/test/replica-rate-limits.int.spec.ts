import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { RunRetentionJob } from '../src/runs/run-retention.job.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';
import { attempt, createToken, ingest } from './telemetry.js';

/** Two api processes' worth of the real api (each its own Nest application and memory) on one database, as two replicas behind a balancer. */
describe('rate limits across api replicas', () => {
  const settings = { ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '3', ROUNDHOUSE_INGEST_RATE_LIMIT: '4' };
  let db: TestDatabase;
  let first: TestApi;
  let second: TestApi;
  /** The session of the first sign-in that went through, for the tests after. */
  let cookie = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await startTestApi(db.url, settings);
    second = await startTestApi(db.url, settings);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  const devSignIn = (api: TestApi) => fetch(`${api.url}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });

  it('counts sign-in attempts spread over both replicas as one budget, and refuses the next on either with Retry-After', async () => {
    const statuses = [];
    for (const api of [first, second, first]) {
      const response = await devSignIn(api);
      statuses.push(response.status);
      cookie ||= response.headers.get('set-cookie')?.split(';')[0] ?? '';
    }
    expect(statuses).toEqual([204, 204, 204]);
    for (const api of [second, first]) {
      const refused = await devSignIn(api);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await refused.json()) as { message: string };
      expect(body.message).toMatch(/^Too many sign-in attempts from this address: at most 3 a minute\. Try again in \d+ s\.$/);
    }
  });

  it('counts a runtime token’s ingest requests on both replicas against its one budget', async () => {
    await first.app.get(CatalogService).apply(path.join(first.config.repositoryRoot, 'catalog'), first.config.repositoryRoot);
    const token = (await createToken(first, cookie, { team: 'finance-ops' })).secret;
    const statuses = [];
    for (const api of [first, second, first, second]) {
      statuses.push((await ingest(api, token, attempt('invoice-generation'))).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await ingest(second, token, attempt('invoice-generation', { runId: 'over-the-budget' }));
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/^Too many ingest requests with this token: at most 4 a minute/) as string });
    expect(await db.query(`SELECT run_id FROM run WHERE run_id = 'over-the-budget'`)).toEqual([]);
  });

  it('forgets counts of windows that ended long ago at retention, and keeps the current ones', async () => {
    await db.query(`INSERT INTO rate_limit_window (limiter, key, started_at, hits) VALUES ('sign-in', '192.0.2.1', now() - interval '2 hours', 7)`);
    await first.app.get(RunRetentionJob).run();
    expect(await db.query(`SELECT key FROM rate_limit_window WHERE key = '192.0.2.1'`)).toEqual([]);
    // The address over its budget is still refused, on either replica.
    expect((await devSignIn(second)).status).toBe(429);
  });

  it('gives the address its whole budget back once its minute is over, on both replicas', async () => {
    // The minute that started with the first attempt is over (moved back rather than waited for).
    await db.query(`UPDATE rate_limit_window SET started_at = started_at - interval '61 seconds' WHERE limiter = 'sign-in'`);
    const statuses = [];
    for (const api of [second, first, second, first]) {
      statuses.push((await devSignIn(api)).status);
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
  });
});
