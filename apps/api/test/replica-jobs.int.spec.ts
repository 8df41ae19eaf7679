import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signIn, startApiProcess, stopApiProcess } from './api-process.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { Receiver, confirmedBy, expectEveryMessageOnceOrRepeatedWithItsKey, ledger, seedDeadLetters, startRequest } from './reprocess-traffic.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL;
const REDIS_URL = process.env.REDIS_URL;
if (RABBITMQ_URL === undefined || REDIS_URL === undefined) {
  process.stderr.write('Background jobs across replicas: skipped, RABBITMQ_URL and REDIS_URL are needed (.ci/run sets them and starts RabbitMQ and Redis).\n');
}
/** How often each replica's BullMQ collector reads the failed set (bullmq-collector.service.ts). */
const BULLMQ_POLL_MS = 5_000;

const REPO = path.resolve(import.meta.dirname, '../../..');
/** Jobs pg-boss starts from a schedule every minute; the others run hourly (run-partitions), at night or as alerts need. */
const EVERY_MINUTE = ['slo-evaluation', 'reprocess-sweep'];
const SCHEDULED = [...EVERY_MINUTE, 'alert-notify-sweep', 'run-partitions', 'run-retention', 'run-rollup-days'];

/**
 * Three api processes on one database, each with background jobs and collectors on, as three
 * replicas: every periodic job runs once per tick, every reprocess message is sent once, a canary
 * gets one verdict, and a dead letter parked on RabbitMQ or in a BullMQ failed set is collected
 * once — not three times.
 */
describe.skipIf(RABBITMQ_URL === undefined || REDIS_URL === undefined)('background jobs across three api processes', () => {
  const suffix = randomBytes(4).toString('hex');
  const deadLetterQueue = `rh-replicas-${suffix}.dlq`;
  const jobQueue = `rh-replicas-enrich-${suffix}`;
  let db: TestDatabase;
  let catalogDir: string;
  let connection: ChannelModel;
  let channel: Channel;
  const ports: number[] = [];
  const apis: ChildProcess[] = [];
  let startedAt: Date;

  const url = (index: number) => `http://127.0.0.1:${ports[index]}`;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    connection = await amqp.connect(RABBITMQ_URL ?? '');
    channel = await connection.createChannel();
    await channel.assertQueue(deadLetterQueue, { durable: false });
    // The shipped catalog, with invoice-generation's dead-letter queue this test's own.
    catalogDir = await mkdtemp(path.join(tmpdir(), 'rh-replicas-'));
    await cp(path.join(REPO, 'catalog'), catalogDir, { recursive: true });
    const file = path.join(catalogDir, 'automations', 'invoice-generation.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/deadLetterQueue: \S+/, `deadLetterQueue: ${deadLetterQueue}`));
    // And crm-enrichment's BullMQ queue.
    const enrichment = path.join(catalogDir, 'automations', 'crm-enrichment.yaml');
    await writeFile(enrichment, (await readFile(enrichment, 'utf8')).replace(/queue: crm-enrichment/, `queue: ${jobQueue}`));
    const env = {
      ...db.env,
      ROUNDHOUSE_JOBS: 'true',
      ROUNDHOUSE_COLLECTORS: 'true',
      ROUNDHOUSE_COLLECTORS_SYNC_MS: '500',
      ROUNDHOUSE_CATALOG_DIR: catalogDir,
      ROUNDHOUSE_RUNTIME_RABBITMQ_URL: RABBITMQ_URL ?? '',
      ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL: REDIS_URL ?? '',
    };
    for (let i = 0; i < 3; i += 1) {
      ports.push(await freePort());
    }
    // Started together on an empty database: migrations, pg-boss's queues and the catalog are set up once between them.
    apis.push(...(await Promise.all(ports.map((port) => startApiProcess({ ...env, PORT: String(port) })))));
    startedAt = new Date();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(apis.map((api) => stopApiProcess(api, 'SIGKILL')));
    await channel?.deleteQueue(deadLetterQueue).catch(() => undefined);
    await connection?.close().catch(() => undefined);
    await db?.drop();
    await rm(catalogDir, { recursive: true, force: true });
  });

  it('collects each dead letter parked on the broker once, though all three consume the queue', async () => {
    await eventually(
      async () => (await channel.checkQueue(deadLetterQueue)).consumerCount,
      (consumers) => consumers === 3,
      'all three replicas consuming',
      30_000,
    );
    for (let i = 0; i < 600; i += 1) {
      channel.sendToQueue(deadLetterQueue, Buffer.from(JSON.stringify({ dealId: `D-${i}` })), {
        messageId: `${suffix}-${i}`,
        contentType: 'application/json',
        headers: { 'x-exception-class': 'NetSuiteTimeout' },
      });
    }
    const collected = () =>
      db.query<{ letters: number; deliveries: number; most: number }>(
        `SELECT count(*)::int AS letters, coalesce(sum(deliveries), 0)::int AS deliveries, coalesce(max(deliveries), 0)::int AS most FROM dead_letter WHERE source_queue = $1`,
        [deadLetterQueue],
      );
    await eventually(
      async () => (await collected())[0]?.letters ?? 0,
      (letters) => letters === 600,
      'every parked message collected',
      60_000,
    );
    await eventually(
      async () => (await channel.checkQueue(deadLetterQueue)).messageCount,
      (left) => left === 0,
      'the queue drained',
      30_000,
    );
    // Each was delivered to one replica and stored once: a second collection would count a second delivery.
    expect((await collected())[0]).toEqual({ letters: 600, deliveries: 600, most: 1 });
  }, 120_000);

  it('collects each failed BullMQ job once, though all three read the failed set', async () => {
    const url = new URL(REDIS_URL ?? '');
    const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
    const queue = new Queue(jobQueue, { connection });
    const worker = new Worker(jobQueue, (job: Job) => Promise.reject(new Error(`Clearbit answered 429 for lead ${String(job.id)}`)), { connection, concurrency: 50 });
    try {
      await queue.addBulk(Array.from({ length: 200 }, (_, i) => ({ name: 'enrich', data: { leadId: `L-${i}` }, opts: { attempts: 1 } })));
      await eventually(
        () => queue.getFailedCount(),
        (failed) => failed === 200,
        'every job failed',
        30_000,
      );
      const collected = () =>
        db.query<{ letters: number; most: number }>(`SELECT count(*)::int AS letters, coalesce(max(deliveries), 0)::int AS most FROM dead_letter WHERE source_queue = $1`, [
          jobQueue,
        ]);
      await eventually(
        async () => (await collected())[0]?.letters ?? 0,
        (letters) => letters === 200,
        'every failed job collected',
        60_000,
      );
      // Every replica reads the failed set again (twice) meanwhile: a failure stored again would count a second delivery.
      await new Promise((resolve) => setTimeout(resolve, 2 * BULLMQ_POLL_MS));
      expect((await collected())[0]).toEqual({ letters: 200, most: 1 });
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 120_000);

  it('shares one reprocess request between the three, sending each message once', async () => {
    const marker = `replicas${suffix}`;
    const exchange = `rh-replicas-${suffix}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    await seedDeadLetters(url(0), exchange, 'deal.closed_won', 3_000, marker);
    const requestId = await startRequest(url(1), marker, 1_000);
    const done = await eventually(
      () => ledger(db, requestId),
      (l) => l.state === 'done',
      'the request done',
      120_000,
    );
    expect(done.acknowledged).toBe(3_000);
    expect(await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 3_000)).toBe(0);
    const confirmed = await Promise.all(ports.map(confirmedBy));
    expect(confirmed.reduce((sum, count) => sum + count, 0)).toBe(3_000);
    process.stderr.write(`three processes confirmed ${confirmed.join(' + ')} messages\n`);
    await receiver.stop(exchange);
  }, 180_000);

  it('checks a canary once: one verdict, and the rest sent once, though three replicas check canaries', async () => {
    const marker = `canary${suffix}`;
    const exchange = `rh-replicas-canary-${suffix}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    await seedDeadLetters(url(2), exchange, 'deal.closed_won', 20, marker);
    const requestId = await startRequest(url(0), marker, 100, { count: 5, maxFailureRate: 0.25 });
    const slice = await eventually(
      () =>
        db.query<{ reprocess_id: string }>(
          `SELECT i.reprocess_id::text AS reprocess_id FROM reprocess_item i WHERE i.request_id = $1 AND i.in_canary AND i.state = 'acknowledged'`,
          [requestId],
        ),
      (rows) => rows.length === 5,
      'the canary slice sent',
    );
    // The runtime handled the slice: every message of it went through this time.
    const { createRuntimeToken } = await graphql<{ createRuntimeToken: { secret: string } }>(
      url(1),
      await signIn(url(1), 'ada'),
      `
        mutation {
          createRuntimeToken(input: { name: "canary runtime", team: "finance-ops" }) {
            secret
          }
        }
      `,
    );
    const startedAt = new Date().toISOString();
    const events = slice.flatMap(({ reprocess_id: reprocessId }) => {
      const run = { automation: 'invoice-generation', runId: `rerun-${reprocessId}`, attempt: 2, startedAt, reprocessId };
      return [
        { id: randomUUID(), type: 'run_started', occurredAt: startedAt, ...run },
        { id: randomUUID(), type: 'run_finished', occurredAt: startedAt, ...run, durationMs: 40 },
      ];
    });
    const reported = await fetch(`${url(1)}/ingest/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${createRuntimeToken.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(reported.status).toBe(200);
    await eventually(
      () => ledger(db, requestId),
      (l) => l.state === 'done',
      'the request done after the canary passed',
      60_000,
    );
    expect(await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 20)).toBe(0);
    const verdicts = await db.query<{ action: string }>(`SELECT action FROM audit_entry WHERE target_id = $1 AND action LIKE 'reprocess.canary.%'`, [requestId]);
    expect(verdicts.map((v) => v.action)).toEqual(['reprocess.canary.passed']);
    await receiver.stop(exchange);
  }, 120_000);

  it('runs each scheduled job once per tick, whichever replica takes it', async () => {
    // One schedule per job for the whole database, kept by pg-boss and read by every replica's clock.
    const schedules = await db.query<{ name: string }>(`SELECT name FROM pgboss.schedule ORDER BY name`);
    expect(schedules.map((s) => s.name)).toEqual([...SCHEDULED].sort());
    const runs = (name: string) =>
      db.query<{ created_on: Date }>(
        `SELECT created_on FROM (SELECT created_on, state::text AS state, name FROM pgboss.job UNION ALL SELECT created_on, state::text, name FROM pgboss.archive) j
          WHERE name = $1 AND state = 'completed' AND created_on >= $2 ORDER BY created_on`,
        [name, startedAt],
      );
    for (const name of EVERY_MINUTE) {
      const seen = await eventually(
        () => runs(name),
        (rows) => rows.length >= 3,
        `three ticks of ${name}`,
        200_000,
        1_000,
      );
      // Ticks are a minute apart, sent from checks 30 s apart; one tick taken by three replicas would be three runs within a second or two.
      const gaps = seen.slice(1).map((row, index) => (row.created_on.getTime() - (seen[index]?.created_on.getTime() ?? 0)) / 1000);
      expect(
        gaps.filter((seconds) => seconds < 20),
        `${name}: seconds between runs ${gaps.join(', ')}`,
      ).toEqual([]);
      process.stderr.write(`${name}: ${seen.length} runs on three replicas, ${gaps.map((seconds) => seconds.toFixed(0)).join(' s, ')} s apart\n`);
    }
  }, 240_000);
});
