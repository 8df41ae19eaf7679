import type { Options } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeasedRateLimitStore, leaseSizeFor } from '../src/common/http/rate-limit-leases.js';
import { PostgresRateLimitStore } from '../src/common/http/rate-limit-store.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

/** One replica's store on the shared database, counting the statements it sends. */
async function replica(db: TestDatabase, limit: number) {
  const sent = { statements: 0 };
  const connection = {
    query: (sql: string, params?: unknown[]) => {
      sent.statements += 1;
      return db.query(sql, params);
    },
  } as unknown as DataSource;
  const store = new LeasedRateLimitStore(new PostgresRateLimitStore(connection, 'runtime-token'), leaseSizeFor(limit));
  await store.init({ windowMs: 60_000 } as Options);
  return { store, sent };
}

describe(LeasedRateLimitStore.name, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('lets no more than the limit through across replicas, with one write per lease instead of one per request', async () => {
    const limit = 500;
    const replicas = await Promise.all([replica(db, limit), replica(db, limit), replica(db, limit)]);
    let admitted = 0;
    for (let i = 0; i < 2 * limit; i += 1) {
      const { totalHits } = await (replicas[i % 3] as { store: LeasedRateLimitStore }).store.increment('token:abc');
      admitted += totalHits <= limit ? 1 : 0;
    }
    // Never more than the limit; at most (replicas − 1) × (lease − 1) short of it, held unused in other replicas' leases.
    expect(admitted).toBeLessThanOrEqual(limit);
    expect(admitted).toBeGreaterThanOrEqual(limit - 2 * (leaseSizeFor(limit) - 1));
    const statements = replicas.reduce((sum, r) => sum + r.sent.statements, 0);
    expect(statements).toBeLessThanOrEqual((2 * limit) / leaseSizeFor(limit) + 3);
  });

  it('counts hit by hit when the limit is small, exactly as one shared counter', async () => {
    const [a, b] = await Promise.all([replica(db, 4), replica(db, 4)]);
    const hits = [];
    for (const r of [a, b, a, b, a]) {
      hits.push((await (r as { store: LeasedRateLimitStore }).store.increment('token:small')).totalHits);
    }
    expect(hits).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives a hit back to the lease it came from', async () => {
    const { store } = await replica(db, 500);
    expect((await store.increment('address:192.0.2.7')).totalHits).toBe(1);
    store.decrement('address:192.0.2.7');
    expect((await store.increment('address:192.0.2.7')).totalHits).toBe(1);
    expect((await store.increment('address:192.0.2.7')).totalHits).toBe(2);
  });
});
