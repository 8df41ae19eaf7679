import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { CatalogService } from '../../catalog/catalog.service.js';
import { BullMqCollector } from './bullmq-collector.service.js';
import { exhausted, type FailedJob } from './bullmq-dead-letter.js';

const REDIS_URL = process.env.REDIS_URL;
if (REDIS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('BullMQ collector suite skipped: REDIS_URL is not set (.ci/run sets it and starts Redis).\n');
}

class RateLimitError extends Error {
  override name = 'RateLimitError';
}

describe(exhausted.name, () => {
  const job = (attemptsMade: number, attempts?: number): FailedJob => ({
    name: 'x',
    data: {},
    opts: { attempts },
    attemptsMade,
    failedReason: 'x',
    stacktrace: null,
    timestamp: 0,
  });
  it('is true only when no attempt is left', () => {
    expect(exhausted(job(3, 3))).toBe(true);
    expect(exhausted(job(1))).toBe(true);
    expect(exhausted(job(1, 3))).toBe(false);
  });
});

describe.skipIf(REDIS_URL === undefined)(BullMqCollector.name, () => {
  // Collection and retry, not separation of duties: no risk domain holds the reprocess for approval.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none' });
  let fixed = false;
  const name = `rh-test-enrich-${randomBytes(4).toString('hex')}`;
  const connection = () => {
    const url = new URL(REDIS_URL ?? 'redis://127.0.0.1:6379');
    return { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  };
  let queue: Queue;
  let worker: Worker;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    queue = new Queue(name, { connection: connection() });
    worker = new Worker(
      name,
      (job: Job) => {
        if (fixed) {
          return Promise.resolve({ enriched: true });
        }
        throw new RateLimitError(`Clearbit answered 429 for lead ${String((job.data as { leadId: string }).leadId)}`);
      },
      { connection: connection() },
    );
  });

  afterAll(async () => {
    delete process.env.ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL;
    await t.api.app.get(BullMqCollector).stop();
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('collects jobs that exhausted their attempts once, and a job retried by hand that fails again as the same dead letter', async () => {
    const jobs = await Promise.all(['L-1', 'L-2'].map((leadId) => queue.add('enrich', { leadId, email: `${leadId}@acme.example` }, { attempts: 2 })));
    await vi.waitFor(async () => expect(await queue.getFailedCount()).toBe(2), { timeout: 15_000, interval: 100 });

    const collector = t.api.app.get(BullMqCollector);
    // Starting polls once at once; polling again finds nothing new.
    await collector.start([{ automation: 'crm-enrichment', url: REDIS_URL ?? '', queue: name }], 3_600_000);
    await vi.waitFor(async () => expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1`, [name])).toHaveLength(2), { timeout: 10_000, interval: 100 });
    expect(await collector.poll()).toBe(0);

    const rows = await t.db.query<{ message_id: string; error_class: string; error_message: string; attempts: number; deliveries: number; payload: { leadId: string } }>(
      `SELECT message_id, error_class, error_message, attempts, deliveries, convert_from(body, 'UTF8')::jsonb AS payload FROM dead_letter WHERE source_queue = $1 ORDER BY message_id`,
      [name],
    );
    expect(rows.map((r) => [r.error_class, r.attempts, r.deliveries, r.payload.leadId])).toEqual([
      ['RateLimitError', 2, 1, 'L-1'],
      ['RateLimitError', 2, 1, 'L-2'],
    ]);
    expect(rows[0]?.error_message).toBe('Clearbit answered 429 for lead L-1');

    await jobs[0]?.retry('failed');
    await vi.waitFor(async () => expect((await queue.getJob(jobs[0]?.id ?? ''))?.attemptsMade).toBeGreaterThanOrEqual(3), { timeout: 15_000, interval: 100 });
    await vi.waitFor(async () => expect(await collector.poll()).toBe(1), { timeout: 15_000, interval: 200 });
    const [again] = await t.db.query<{ deliveries: number }>(`SELECT deliveries FROM dead_letter WHERE source_queue = $1 AND message_id = $2`, [name, jobs[0]?.id]);
    expect(again?.deliveries).toBe(2);
  });

  it('reprocesses a failed job by retrying it in its queue, and resolves the dead letter when the job completes', async () => {
    const job = await queue.add('enrich', { leadId: 'L-9', email: 'l-9@acme.example' }, { attempts: 1 });
    await vi.waitFor(async () => expect(await job.isFailed()).toBe(true), { timeout: 15_000, interval: 100 });
    const collector = t.api.app.get(BullMqCollector);
    await vi.waitFor(
      async () => {
        await collector.poll();
        expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1 AND message_id = $2`, [name, job.id])).toHaveLength(1);
      },
      { timeout: 10_000, interval: 100 },
    );
    const [letter] = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE source_queue = $1 AND message_id = $2`, [name, job.id]);

    // The enrichment provider is back; the runtime's binding names ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL.
    fixed = true;
    process.env.ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL = REDIS_URL ?? '';
    const admin = await t.api.signIn('ada');
    const started = await t.api.graphql<{ startReprocess: { id: string } }>(
      `mutation S($input: StartReprocessInput!) { startReprocess(input: $input) { id } }`,
      { input: { action: 'reprocess', reason: 'Clearbit quota raised', velocity: 10, selection: { ids: [letter?.id] } } },
      admin,
    );
    expect(started.errors).toBeUndefined();
    await vi.waitFor(async () => expect(await job.isCompleted()).toBe(true), { timeout: 20_000, interval: 200 });
    await collector.poll();
    const [after] = await t.db.query<{ status: string; state: string }>(
      `SELECT d.status, i.state FROM dead_letter d JOIN reprocess_item i ON i.dead_letter_id = d.id WHERE d.id = $1`,
      [letter?.id],
    );
    expect(after).toEqual({ status: 'resolved', state: 'succeeded' });
  });

  it('stops reading a queue the catalog no longer binds: a job failing after that is not collected', async () => {
    const collector = t.api.app.get(BullMqCollector);
    await collector.sync([]);
    fixed = false;
    const job = await queue.add('enrich', { leadId: 'L-12', email: 'l-12@acme.example' }, { attempts: 1 });
    await vi.waitFor(async () => expect(await job.isFailed()).toBe(true), { timeout: 15_000, interval: 100 });

    expect(await collector.poll()).toBe(0);
    expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1 AND message_id = $2`, [name, job.id])).toEqual([]);
  });
});
