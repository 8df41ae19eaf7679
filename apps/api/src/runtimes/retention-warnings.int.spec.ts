import { randomBytes } from 'node:crypto';
import path from 'node:path';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { automationInput } from '../../test/fixtures.js';
import { useTestApi } from '../../test/harness.js';
import { SloEvaluationJob } from '../alerts/slo-evaluation.job.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { redisConnectionOf } from '../common/redis-connection.js';
import { BullMqCollector } from './bullmq/bullmq-collector.service.js';

const { RABBITMQ_URL, REDIS_URL } = process.env;
if (RABBITMQ_URL === undefined || REDIS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('Retention warnings suite skipped: RABBITMQ_URL or REDIS_URL is not set (.ci/run sets them and starts RabbitMQ and Redis).\n');
}

const WARNINGS = `query W($automation: String) { deadLetterRetentionWarnings(automation: $automation) { automation sourceQueue count expiresAt retention message } }`;
const REGISTER = `mutation Register($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`;
const HOUR_MS = 3600 * 1000;

interface Warning {
  automation: string;
  sourceQueue: string;
  count: number;
  expiresAt: string | null;
  retention: string;
  message: string;
}

describe.skipIf(RABBITMQ_URL === undefined || REDIS_URL === undefined)('retention warnings', () => {
  // Collectors off: messages parked in a dead-letter queue stay there, as when no api reaches the broker.
  // Sources' answers are reused for half a second here (5 minutes by default), so a change in a queue shows at the next read after that.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'false', ROUNDHOUSE_COLLECTORS: 'false', ROUNDHOUSE_RETENTION_READ_TTL_MS: '500' });
  const suffix = randomBytes(4).toString('hex');
  const variable = `ROUNDHOUSE_RUNTIME_RETENTION_${suffix.toUpperCase()}_RABBITMQ_URL`;
  const dlq = `rh-retention-bills-${suffix}.dlq`;
  const jobs = `rh-retention-enrich-${suffix}`;
  let connection: ChannelModel;
  let channel: Channel;
  let queue: Queue;
  let worker: Worker;

  const warnings = async (automation: string): Promise<Warning[]> => {
    const answer = await t.api.graphql<{ deadLetterRetentionWarnings: Warning[] }>(WARNINGS, { automation }, await t.api.signIn('ada'));
    expect(answer.errors).toBeUndefined();
    return answer.data?.deadLetterRetentionWarnings ?? [];
  };

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    process.env[variable] = RABBITMQ_URL;
    process.env.ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL = REDIS_URL;
    connection = await amqp.connect(RABBITMQ_URL ?? '');
    channel = await connection.createChannel();
    // The runtime's dead-letter queue keeps a message 12 hours.
    await channel.assertQueue(dlq, { durable: false, arguments: { 'x-message-ttl': 12 * HOUR_MS } });
    const registered = await t.api.graphql(
      REGISTER,
      { input: automationInput({ runtime: { kind: 'rabbitmq', queue: 'bills.capture', deadLetterQueue: dlq, connection: variable } }) },
      await t.api.signIn('omar'),
    );
    expect(registered.errors).toBeUndefined();

    // The enrichment runtime's jobs are removed 10 hours after they fail.
    const redis = { ...redisConnectionOf(REDIS_URL ?? ''), maxRetriesPerRequest: null };
    queue = new Queue(jobs, { connection: redis, defaultJobOptions: { removeOnFail: { age: 10 * 3600 } } });
    worker = new Worker(jobs, () => Promise.reject(new Error('Clearbit answered 429')), { connection: redis });
  });

  afterAll(async () => {
    delete process.env[variable];
    delete process.env.ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL;
    await t.api.app.get(BullMqCollector).stop();
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await channel.deleteQueue(dlq);
    await connection.close();
  });

  it('warns about dead letters waiting, uncollected, in a RabbitMQ dead-letter queue whose TTL removes them within a day', async () => {
    expect(await warnings('vendor-bill-capture')).toEqual([]);
    for (const id of ['BILL-1', 'BILL-2', 'BILL-3']) {
      channel.sendToQueue(dlq, Buffer.from(JSON.stringify({ billId: id })), { messageId: id });
    }
    await expect.poll(async () => (await channel.checkQueue(dlq)).messageCount, { timeout: 10_000 }).toBe(3);

    // The queue's earlier answer (nothing waiting) is given until it is read again, in the background.
    await expect.poll(async () => (await warnings('vendor-bill-capture')).length, { timeout: 10_000, interval: 200 }).toBe(1);
    const [warning, ...rest] = await warnings('vendor-bill-capture');
    expect(rest).toEqual([]);
    expect(warning).toEqual({
      automation: 'vendor-bill-capture',
      sourceQueue: dlq,
      count: 3,
      expiresAt: null,
      retention: 'queue TTL 12 h',
      message: `3 dead letters wait in queue "${dlq}", not collected yet, and expire within 12 h (queue TTL 12 h).`,
    });
  });

  it('warns about pending BullMQ dead letters that removeOnFail deletes within a day, with when the first goes', async () => {
    const events = new QueueEvents(jobs, { connection: { ...redisConnectionOf(REDIS_URL ?? ''), maxRetriesPerRequest: null } });
    await events.waitUntilReady();
    await queue.addBulk([
      { name: 'enrich', data: { leadId: 'L-1' } },
      { name: 'enrich', data: { leadId: 'L-2' } },
    ]);
    await expect.poll(() => queue.getFailedCount(), { timeout: 10_000 }).toBe(2);
    await events.close();
    const collector = t.api.app.get(BullMqCollector);
    await collector.start([{ automation: 'crm-enrichment', url: REDIS_URL ?? '', queue: jobs }], 3_600_000);
    await vi.waitFor(async () => expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1`, [jobs])).toHaveLength(2), { timeout: 10_000, interval: 100 });

    const found = (await warnings('crm-enrichment')).filter((w) => w.sourceQueue === jobs);
    expect(found).toHaveLength(1);
    const [warning] = found;
    expect(warning).toMatchObject({ automation: 'crm-enrichment', count: 2, retention: 'removeOnFail after 10 h' });
    expect(warning?.message).toBe('2 pending dead letters expire in 10 h (removeOnFail after 10 h): reprocess or discard them before their source removes them.');
    // The first goes 10 hours after it failed.
    const [first] = await t.db.query<{ last_failed_at: Date }>(`SELECT min(last_failed_at) AS last_failed_at FROM dead_letter WHERE source_queue = $1`, [jobs]);
    expect(new Date(warning?.expiresAt ?? 0).getTime()).toBe(new Date(first?.last_failed_at ?? 0).getTime() + 10 * HOUR_MS);

    // The evaluator raises a ticket, with the runbook the automation's dead-letter SLO names, before they go.
    const alertOf = async () =>
      (
        await t.db.query<{ severity: string; state: string; summary: string; runbook: string | null }>(
          `SELECT severity, state, summary, runbook FROM alert WHERE automation_slug = 'crm-enrichment' AND rule = $1`,
          [`expiring:${jobs}`],
        )
      )[0];
    await t.api.app.get(SloEvaluationJob).evaluate();
    expect(await alertOf()).toEqual({ severity: 'ticket', state: 'firing', summary: warning?.message, runbook: 'enrichment-failures' });

    // Discarded ones are no longer at risk: no warning, and the ticket resolves.
    await t.db.query(`UPDATE dead_letter SET status = 'discarded' WHERE source_queue = $1`, [jobs]);
    expect((await warnings('crm-enrichment')).filter((w) => w.sourceQueue === jobs)).toEqual([]);
    await t.api.app.get(SloEvaluationJob).evaluate();
    expect(await alertOf()).toMatchObject({ state: 'resolved' });
  });
});
