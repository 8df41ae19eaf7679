import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { RateLimitStores } from '../src/common/http/rate-limit-stores.js';
import { RunRetentionJob } from '../src/runs/run-retention.job.js';
import { freePort } from './free-port.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';
import { attempt, createToken, ingest } from './telemetry.js';

const REDIS_URL = process.env.REDIS_URL;
if (REDIS_URL === undefined) {
  process.stderr.write('Rate limits across replicas, counted in Redis: skipped, REDIS_URL is not set (.ci/run sets it and starts Redis).\n');
}

/** What a test needs of the store the replicas count in. */
interface Counting {
  store: 'postgres' | 'redis';
  env: Record<string, string>;
  /** Ends the sign-in minute now (moved on rather than waited for). */
  endSignInMinute(db: TestDatabase): Promise<void>;
  /** The limiters that have counts in this store. */
  limitersCounted(db: TestDatabase): Promise<string[]>;
}

/** Where this deployment's counts are in Redis: under its PostgreSQL cluster and database. */
const redisPrefix = async (db: TestDatabase): Promise<string> => {
  const [{ cluster, name } = { cluster: '', name: '' }] = await db.query<{ cluster: string; name: string }>(
    `SELECT system_identifier::text AS cluster, current_database() AS name FROM pg_control_system()`,
  );
  return `roundhouse:${cluster}:${name}:rate-limit:`;
};

const redisKeys = async (db: TestDatabase, pattern: string): Promise<{ redis: Redis; prefix: string; keys: string[] }> => {
  const redis = new Redis(REDIS_URL ?? '');
  const prefix = await redisPrefix(db);
  return { redis, prefix, keys: await redis.keys(`${prefix}${pattern}`) };
};

const postgres: Counting = {
  store: 'postgres',
  env: {},
  endSignInMinute: async (db) => void (await db.query(`UPDATE rate_limit_window SET started_at = started_at - interval '61 seconds' WHERE limiter = 'sign-in'`)),
  limitersCounted: async (db) => (await db.query<{ limiter: string }>('SELECT DISTINCT limiter FROM rate_limit_window ORDER BY limiter')).map((row) => row.limiter),
};

const redis: Counting = {
  store: 'redis',
  env: { REDIS_URL: REDIS_URL ?? '' },
  endSignInMinute: async (db) => {
    // A window is a key that expires with it: an ended minute is a key gone.
    const { redis: client, keys } = await redisKeys(db, 'sign-in:*');
    await client.del(...keys);
    await client.quit();
  },
  limitersCounted: async (db) => {
    const { redis: client, prefix, keys } = await redisKeys(db, '*');
    await client.quit();
    return [...new Set(keys.map((key) => key.slice(prefix.length).split(':')[0] ?? ''))].sort();
  },
};

/** Two api processes' worth of the real api (each its own Nest application and memory) on one database, as two replicas behind a balancer. */
describe.each([postgres, ...(REDIS_URL === undefined ? [] : [redis])])('rate limits across api replicas, counted in $store', (counting) => {
  const settings = { ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '3', ROUNDHOUSE_INGEST_RATE_LIMIT: '4', ...counting.env };
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
    expect(first.app.get(RateLimitStores).kind).toBe(counting.store);
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

  it('keeps the counts in its own store only', async () => {
    const elsewhere = counting === postgres ? redis : postgres;
    if (counting === redis) {
      // Keys of this deployment only: its cluster and database.
      expect(first.app.get(RateLimitStores).redisKeyPrefix).toBe(await redisPrefix(db));
    }
    expect(await counting.limitersCounted(db)).toEqual(['runtime-token', 'runtime-unknown-credential', 'sign-in']);
    if (elsewhere === postgres || REDIS_URL !== undefined) {
      expect(await elsewhere.limitersCounted(db)).toEqual([]);
    }
  });

  if (counting === postgres) {
    it('forgets counts of windows that ended long ago at retention, and keeps the current ones', async () => {
      await db.query(`INSERT INTO rate_limit_window (limiter, key, started_at, hits) VALUES ('sign-in', '192.0.2.1', now() - interval '2 hours', 7)`);
      await first.app.get(RunRetentionJob).run();
      expect(await db.query(`SELECT key FROM rate_limit_window WHERE key = '192.0.2.1'`)).toEqual([]);
      // The address over its budget is still refused, on either replica.
      expect((await devSignIn(second)).status).toBe(429);
    });
  }

  it('gives the address its whole budget back once its minute is over, on both replicas', async () => {
    await counting.endSignInMinute(db);
    const statuses = [];
    for (const api of [second, first, second, first]) {
      statuses.push((await devSignIn(api)).status);
    }
    expect(statuses).toEqual([204, 204, 204, 429]);
  });
});

describe('rate limits in a Redis that does not answer', () => {
  it('stops start-up with a sentence naming REDIS_URL, without its password', async () => {
    const db = await createTestDatabase();
    try {
      const nobody = `redis://counter:s3cret@127.0.0.1:${await freePort()}`;
      await expect(startTestApi(db.url, { REDIS_URL: nobody })).rejects.toThrow(
        /^REDIS_URL: Redis at 127\.0\.0\.1:\d+ did not answer \(.+\); rate limits are counted there when REDIS_URL is set\.$/,
      );
      await expect(startTestApi(db.url, { REDIS_URL: nobody })).rejects.not.toThrow(/s3cret/);
    } finally {
      await db.drop();
    }
  });
});
