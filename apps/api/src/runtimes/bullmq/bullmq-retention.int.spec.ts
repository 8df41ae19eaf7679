import { randomBytes } from 'node:crypto';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisConnectionOf } from '../../common/redis-connection.js';
import { bullMqRetention } from './bullmq-retention.js';

const REDIS_URL = process.env.REDIS_URL;
if (REDIS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('BullMQ retention suite skipped: REDIS_URL is not set (.ci/run sets it and starts Redis).\n');
}

describe.skipIf(REDIS_URL === undefined)(bullMqRetention.name, () => {
  const url = REDIS_URL ?? '';
  const suffix = randomBytes(4).toString('hex');
  const names = { aged: `rh-retention-aged-${suffix}`, counted: `rh-retention-counted-${suffix}`, kept: `rh-retention-kept-${suffix}`, empty: `rh-retention-empty-${suffix}` };
  const queues: Queue[] = [];
  const workers: Worker[] = [];

  /** A runtime's queue whose jobs always fail, with `defaultJobOptions` as its code sets them; answers once `count` jobs failed for good. */
  async function failing(name: string, defaultJobOptions: Queue['defaultJobOptions'], count: number): Promise<void> {
    const connection = { ...redisConnectionOf(url), maxRetriesPerRequest: null };
    const queue = new Queue(name, { connection, defaultJobOptions });
    queues.push(queue);
    const events = new QueueEvents(name, { connection });
    await events.waitUntilReady();
    let failed = 0;
    const done = new Promise<void>((resolve) =>
      events.on('failed', () => {
        failed += 1;
        if (failed === count) {
          resolve();
        }
      }),
    );
    workers.push(new Worker(name, () => Promise.reject(new Error('ERP answered 503')), { connection }));
    await queue.addBulk(Array.from({ length: count }, (_, i) => ({ name: 'sync-order', data: { orderId: `ord-${i}` } })));
    await done;
    await events.close();
  }

  beforeAll(async () => {
    await failing(names.aged, { removeOnFail: { age: 6 * 3600 } }, 2);
    await failing(names.counted, { removeOnFail: 1000 }, 1);
    await failing(names.kept, {}, 1);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    for (const queue of queues) {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });

  it("reads removeOnFail's age and count from the failed jobs BullMQ keeps", async () => {
    const aged = await bullMqRetention(url, names.aged);
    expect(aged).toMatchObject({ keeper: 'source', maxAgeMs: 6 * 3600 * 1000, maxCount: null });
    expect(aged.summary).toMatch(/^removeOnFail after 6 h/);
    const counted = await bullMqRetention(url, names.counted);
    expect(counted).toMatchObject({ maxAgeMs: null, maxCount: 1000 });
    expect(counted.summary).toMatch(/^at most 1000 failed jobs kept/);
  });

  it('says failed jobs are kept when no job asks for removal, and "unknown" when there is nothing to read or Redis is out of reach', async () => {
    expect(await bullMqRetention(url, names.kept)).toMatchObject({ maxAgeMs: null, maxCount: null, summary: 'failed jobs are kept until removed (no removeOnFail on the jobs)' });
    const empty = await bullMqRetention(url, names.empty);
    expect(empty.maxAgeMs).toBe('unknown');
    expect(empty.summary).toMatch(/^unknown: no failed job/);
    const down = await bullMqRetention('redis://:s3cret@127.0.0.1:1', names.aged);
    expect(down.maxAgeMs).toBe('unknown');
    expect(down.summary).toMatch(/^unknown: Redis is unreachable/);
    expect(down.summary).not.toContain('s3cret');
  });
});
