import { randomBytes, randomUUID } from 'node:crypto';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import type { Channel, ConsumeMessage } from 'amqplib';
import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import { applyCatalogOnTestBrokers, invoiceTopology, type InvoiceTopology } from './broker-catalog.js';
import { useTestApi } from './harness.js';
import { createToken, ingest } from './telemetry.js';

/*
 * Canary reprocess against real brokers: a request sends a first slice, waits for the runtime's
 * outcomes (reported runs for RabbitMQ, the job's own fate for BullMQ — never the broker's
 * acknowledgement), and sends the rest only when few enough failed again; otherwise it stops and
 * the rest waits again, never sent. The runtimes here fail a chosen share of what they receive.
 */

const RABBITMQ_URL = process.env.RABBITMQ_URL;
const REDIS_URL = process.env.REDIS_URL;
if (RABBITMQ_URL === undefined || REDIS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('Canary reprocess suite skipped: RABBITMQ_URL and REDIS_URL must be set (.ci/run sets them and starts the brokers).\n');
}

const suffix = randomBytes(4).toString('hex');
const RABBIT_VARIABLE = `ROUNDHOUSE_RUNTIME_CANARY_${suffix.toUpperCase()}_RABBITMQ_URL`;
const REDIS_VARIABLE = `ROUNDHOUSE_RUNTIME_CANARY_${suffix.toUpperCase()}_REDIS_URL`;

const REQUEST = `id state total waitingReason progress { queued dispatched acknowledged succeeded failed cancelled }
  canary { size stage sent awaiting succeeded failed rest maxFailureRate requestedCount requestedPercent decision { outcome reason by { name } succeeded failed awaiting } }`;
const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { ${REQUEST} } }`;
const APPROVE = `mutation Approve($id: ID!) { approveReprocess(id: $id) { ${REQUEST} } }`;
const GET = `query Get($id: ID!) { reprocessRequest(id: $id) { ${REQUEST} } }`;
/** A request's trail, newest first, as the console's request page asks for it. */
const AUDIT = `query Audit($id: String!) { auditEntries(filter: { targetKind: "reprocess_request", targetId: $id }) { edges { node { action actor { name } reason detail } } } }`;

interface Canary {
  size: number;
  stage: string;
  sent: number;
  awaiting: number;
  succeeded: number;
  failed: number;
  rest: number;
  maxFailureRate: number;
  requestedCount: number | null;
  requestedPercent: number | null;
  decision: { outcome: string; reason: string; by: { name: string } | null; succeeded: number; failed: number; awaiting: number } | null;
}
interface Request {
  id: string;
  state: string;
  total: number;
  waitingReason: string | null;
  progress: Record<'queued' | 'dispatched' | 'acknowledged' | 'succeeded' | 'failed' | 'cancelled', number>;
  canary: Canary | null;
}
interface AuditEntry {
  action: string;
  actor: { name: string };
  reason: string | null;
  detail: string;
}

describe.skipIf(RABBITMQ_URL === undefined || REDIS_URL === undefined)('canary reprocess', () => {
  // Invoice generation and dunning reminders touch revenue and billing: every reprocess waits for a second person.
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_COLLECTORS: 'true', ROUNDHOUSE_COLLECTORS_SYNC_MS: '250' });
  const exchange = `rh-canary-${suffix}`;
  const work = `rh-canary-invoices-${suffix}`;
  const dlq = `${work}.dlq`;
  const jobs = `rh-canary-dunning-${suffix}`;
  let removeCatalog: () => Promise<void>;
  let topology: InvoiceTopology;
  let channel: Channel;
  let otto: string;
  let oscar: string;
  let token: string;

  async function deadLetterIds(messageIds: readonly string[]): Promise<string[]> {
    const rows = await t.db.query<{ id: string }>(`SELECT id::text AS id FROM dead_letter WHERE message_id = ANY($1::text[]) ORDER BY id`, [[...messageIds]]);
    return rows.map((r) => r.id);
  }

  async function statuses(messageIds: readonly string[]): Promise<string[]> {
    const rows = await t.db.query<{ status: string }>(`SELECT status FROM dead_letter WHERE message_id = ANY($1::text[])`, [[...messageIds]]);
    return rows.map((r) => r.status);
  }

  /** Otto asks for a canary reprocess; Oscar, second on call, approves the whole request as the rules require. */
  async function canaryReprocess(ids: string[], canary: Record<string, number>, beforeApproval?: (requestId: string) => Promise<void>): Promise<string> {
    const started = await t.api.graphql<{ startReprocess: Request }>(
      START,
      { input: { action: 'reprocess', velocity: 1000, reason: 'ledger 7 reopened for posting', selection: { ids }, canary } },
      otto,
    );
    expect(started.errors).toBeUndefined();
    expect(started.data?.startReprocess.state).toBe('awaiting_approval');
    // Before the approval nothing goes out: the canary says so, not "sending".
    expect(started.data?.startReprocess.canary).toMatchObject({ stage: 'awaiting_approval', sent: 0 });
    const id = started.data?.startReprocess.id ?? '';
    await beforeApproval?.(id);
    const approved = await t.api.graphql<{ approveReprocess: Request }>(APPROVE, { id }, oscar);
    expect(approved.errors).toBeUndefined();
    return id;
  }

  async function request(id: string): Promise<Request> {
    return (await t.api.graphql<{ reprocessRequest: Request }>(GET, { id }, otto)).data?.reprocessRequest as Request;
  }

  async function audit(id: string): Promise<AuditEntry[]> {
    return (await t.api.graphql<{ auditEntries: { edges: { node: AuditEntry }[] } }>(AUDIT, { id }, otto)).data?.auditEntries.edges.map((e) => e.node) ?? [];
  }

  /** The message ids of a request's first slice. */
  async function sliceOf(requestId: string): Promise<string[]> {
    const rows = await t.db.query<{ message_id: string }>(
      `SELECT d.message_id FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id WHERE i.request_id = $1::bigint AND i.in_canary ORDER BY i.id`,
      [requestId],
    );
    return rows.map((r) => r.message_id);
  }

  /** What the runtime reports after handling a reprocessed message: a run with the reprocess id, finished or failed again. */
  async function report(message: ConsumeMessage, outcome: 'succeeded' | 'failed'): Promise<void> {
    const reprocessId = String((message.properties.headers ?? {})[REPROCESS_ID_HEADER]);
    const startedAt = new Date().toISOString();
    const run = { automation: 'invoice-generation', runId: `rerun-${reprocessId}`, attempt: 2, startedAt, reprocessId };
    const events = [
      { id: randomUUID(), type: 'run_started', occurredAt: startedAt, ...run },
      outcome === 'succeeded'
        ? { id: randomUUID(), type: 'run_finished', occurredAt: startedAt, ...run, durationMs: 40 }
        : {
            id: randomUUID(),
            type: 'run_failed',
            occurredAt: startedAt,
            ...run,
            durationMs: 40,
            errorClass: 'LedgerPostingError',
            errorMessage: 'ledger 7 is closed for posting',
            outcome: 'failed',
          },
    ];
    const response = await ingest(t.api, token, events);
    expect(response.body.accepted).toBe(2);
  }

  /** The outside application publishes `count` invoices and gives up on each: they land in the DLQ and are collected. */
  async function poisonInvoices(prefix: string, count: number): Promise<string[]> {
    const messageIds = Array.from({ length: count }, (_, i) => `${prefix}-${suffix}-${String(i).padStart(2, '0')}`);
    for (const messageId of messageIds) {
      channel.publish(exchange, 'invoice.created', Buffer.from(JSON.stringify({ invoiceId: messageId, amount: '120.50' })), { messageId, contentType: 'application/json' });
    }
    for (let rejected = 0; rejected < count;) {
      const message = await channel.get(work, { noAck: false });
      if (message === false) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      } else {
        channel.nack(message, false, false);
        rejected += 1;
      }
    }
    await eventually(
      () => deadLetterIds(messageIds),
      (ids) => ids.length === count,
      `${count} invoices collected`,
    );
    return messageIds;
  }

  /** The runtime consuming the work queue again: every reprocessed delivery of messages starting with `prefix`, kept unanswered. */
  async function consume(prefix: string): Promise<{ deliveries: ConsumeMessage[]; stop: () => Promise<void> }> {
    const deliveries: ConsumeMessage[] = [];
    const consumer = await channel.consume(work, (message) => {
      if (message !== null && String(message.properties.messageId).startsWith(prefix)) {
        deliveries.push(message);
        channel.ack(message);
      } else if (message !== null) {
        channel.nack(message, false, true);
      }
    });
    return { deliveries, stop: async () => void (await channel.cancel(consumer.consumerTag)) };
  }

  beforeAll(async () => {
    process.env[RABBIT_VARIABLE] = RABBITMQ_URL;
    process.env[REDIS_VARIABLE] = REDIS_URL;
    removeCatalog = await applyCatalogOnTestBrokers(t.api, 'rh-canary-', { exchange, work, dlq, jobs, rabbitVariable: RABBIT_VARIABLE, redisVariable: REDIS_VARIABLE });
    [otto, oscar] = await Promise.all([t.api.signIn('otto'), t.api.signIn('oscar')]);
    token = (await createToken(t.api, await t.api.signIn('omar'), { team: 'finance-ops', capabilities: ['ingest'] })).secret;

    topology = await invoiceTopology(RABBITMQ_URL ?? '', { exchange, work, dlq });
    channel = topology.channel;
  });

  afterAll(async () => {
    await topology.remove();
    await removeCatalog();
    delete process.env[RABBIT_VARIABLE];
    delete process.env[REDIS_VARIABLE];
  });

  it('RabbitMQ: sends the slice, waits for the runtime’s outcomes, and continues below the threshold: every message sent exactly once', async () => {
    const messageIds = await poisonInvoices('pass', 20);
    const runtime = await consume('pass');
    try {
      const requestId = await canaryReprocess(await deadLetterIds(messageIds), { count: 5, maxFailureRate: 0.25 });

      // The slice went out and the broker took it; the canary waits for the runtime, the rest stays held.
      const waiting = await eventually(
        () => request(requestId),
        (r) => r.canary?.stage === 'waiting' && r.canary.awaiting === 5,
        'the slice sent, its outcomes awaited',
      );
      expect(waiting.progress).toMatchObject({ queued: 15, acknowledged: 5, succeeded: 0, failed: 0 });
      expect(waiting.canary).toMatchObject({ size: 5, sent: 5, rest: 15, requestedCount: 5, maxFailureRate: 0.25, decision: null });
      expect(waiting.state).toBe('running');
      await eventually(
        () => request(requestId),
        (r) => r.waitingReason?.startsWith('Canary: waiting for outcomes') === true,
        'the request says it waits for outcomes',
      );
      // The broker confirmed the slice; its delivery to the runtime's consumer may come a moment later.
      await eventually(
        () => Promise.resolve(runtime.deliveries.length),
        (n) => n >= 5,
        'the slice delivered to the runtime',
      );
      expect(runtime.deliveries).toHaveLength(5);

      // The runtime handles the slice: one of five fails again (20%), within the 25% set.
      const [failing, ...succeeding] = runtime.deliveries;
      await report(failing as ConsumeMessage, 'failed');
      for (const message of succeeding) {
        await report(message, 'succeeded');
      }
      const passed = await eventually(
        () => request(requestId),
        (r) => r.canary?.decision !== null && r.canary?.decision !== undefined,
        'the canary decided',
      );
      expect(passed.canary?.decision).toEqual({
        outcome: 'passed',
        reason: 'canary: 1 of 5 failed again (20%), within the 25% you set; sending the other 15',
        by: null,
        succeeded: 4,
        failed: 1,
        awaiting: 0,
      });

      await eventually(
        () => Promise.resolve(runtime.deliveries.length),
        (n) => n >= 20,
        'the rest delivered',
      );
      for (const message of runtime.deliveries.slice(5)) {
        await report(message, 'succeeded');
      }
      const done = await eventually(
        () => request(requestId),
        (r) => r.state === 'done' && r.progress.succeeded === 19,
        'every outcome known',
      );
      expect(done.progress).toMatchObject({ queued: 0, dispatched: 0, acknowledged: 0, succeeded: 19, failed: 1, cancelled: 0 });
      // Exactly once: twenty deliveries, one per message, each with its own reprocess id.
      const delivered = runtime.deliveries.map((m) => String(m.properties.messageId));
      expect(delivered).toHaveLength(20);
      expect(new Set(delivered)).toEqual(new Set(messageIds));
      expect(new Set(runtime.deliveries.map((m) => String((m.properties.headers ?? {})[REPROCESS_ID_HEADER]))).size).toBe(20);

      const entries = await audit(requestId);
      const decision = entries.find((e) => e.action === 'reprocess.canary.passed');
      expect(decision).toMatchObject({ actor: { name: 'Roundhouse' }, reason: 'canary: 1 of 5 failed again (20%), within the 25% you set; sending the other 15' });
      expect(JSON.parse(decision?.detail ?? '{}')).toMatchObject({ size: 5, succeeded: 4, failed: 1, maxFailureRate: 0.25, rest: 15 });
      expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['reprocess.requested', 'approval.approved', 'reprocess.canary.passed', 'request.finished']));
    } finally {
      await runtime.stop();
    }
  });

  it('RabbitMQ: stops after the slice above the threshold; the rest is never sent and waits again', async () => {
    const messageIds = await poisonInvoices('stop', 10);
    const runtime = await consume('stop');
    try {
      const requestId = await canaryReprocess(await deadLetterIds(messageIds), { percent: 30, maxFailureRate: 0.2 });
      await eventually(
        () => request(requestId),
        (r) => r.canary?.stage === 'waiting' && r.canary.awaiting === 3,
        'the slice of 30% (3) sent',
      );
      await eventually(
        () => Promise.resolve(runtime.deliveries.length),
        (n) => n >= 3,
        'the slice delivered to the runtime',
      );
      expect(runtime.deliveries).toHaveLength(3);
      const slice = runtime.deliveries.map((m) => String(m.properties.messageId));

      // One of three fails again: 33.3%, above the 20% set.
      const [failing, ...succeeding] = runtime.deliveries;
      await report(failing as ConsumeMessage, 'failed');
      for (const message of succeeding) {
        await report(message, 'succeeded');
      }
      const stopped = await eventually(
        () => request(requestId),
        (r) => r.state === 'cancelled',
        'the request stopped',
      );
      expect(stopped.canary?.stage).toBe('stopped');
      expect(stopped.canary?.decision?.reason).toBe('canary: 1 of 3 failed again (33.3%), above the 20% you set; the other 7 were not sent and wait again');
      expect(stopped.progress).toMatchObject({ queued: 0, dispatched: 0, succeeded: 2, failed: 1, cancelled: 7 });
      const rest = messageIds.filter((id) => !slice.includes(id));
      expect(rest).toHaveLength(7);
      expect(await statuses(rest)).toEqual(Array.from({ length: 7 }, () => 'pending'));
      expect(runtime.deliveries).toHaveLength(3);

      const entries = await audit(requestId);
      const decision = entries.find((e) => e.action === 'reprocess.canary.stopped');
      expect(decision).toMatchObject({ actor: { name: 'Roundhouse' }, reason: stopped.canary?.decision?.reason });
      expect(JSON.parse(decision?.detail ?? '{}')).toMatchObject({ size: 3, succeeded: 2, failed: 1, maxFailureRate: 0.2, notSent: 7 });
      // The rest can be asked for again: it is in no request.
      const again = await t.api.graphql<{ startReprocess: Request }>(
        START,
        { input: { action: 'reprocess', reason: 'ledger 7 reopened, again', selection: { ids: await deadLetterIds(rest) } } },
        otto,
      );
      expect(again.data?.startReprocess.total).toBe(7);
    } finally {
      await runtime.stop();
    }
  });

  describe('BullMQ', () => {
    const url = new URL(REDIS_URL ?? 'redis://127.0.0.1:6379');
    const connection = () => ({ host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null });
    let queue: Queue;
    let worker: Worker;
    /** Jobs the worker runs, in order; it fails a job the first time, and again when it is in `failing`. */
    const runs: string[] = [];
    const failing = new Set<string>();

    async function failedJobs(prefix: string, count: number): Promise<string[]> {
      const jobIds = Array.from({ length: count }, (_, i) => `${prefix}-${suffix}-${String(i).padStart(2, '0')}`);
      await queue.addBulk(jobIds.map((jobId) => ({ name: 'remind', data: { invoiceId: jobId }, opts: { jobId, attempts: 1 } })));
      await eventually(
        () => deadLetterIds(jobIds),
        (ids) => ids.length === count,
        `${count} failed jobs collected`,
      );
      return jobIds;
    }

    beforeAll(() => {
      queue = new Queue(jobs, { connection: connection() });
      worker = new Worker(
        jobs,
        (job: Job) => {
          const id = job.id ?? '';
          const again = runs.includes(id);
          runs.push(id);
          return !again || failing.has(id) ? Promise.reject(new Error(`SMTP relay refused the reminder for ${id}`)) : Promise.resolve('sent');
        },
        { connection: connection() },
      );
    });

    afterAll(async () => {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    });

    it('continues below the threshold: the slice runs first, then the rest, each job once more', async () => {
      const jobIds = await failedJobs('dun-pass', 10);
      const requestId = await canaryReprocess(await deadLetterIds(jobIds), { count: 4, maxFailureRate: 0.5 }, async (id) => {
        // The runtime will fail one job of the slice again (25%), within the 50% set.
        failing.add((await sliceOf(id))[0] ?? '');
      });
      const slice = await sliceOf(requestId);
      expect(slice).toHaveLength(4);

      const done = await eventually(
        () => request(requestId),
        (r) => r.state === 'done' && r.progress.succeeded + r.progress.failed === 10,
        'every job ran again',
        60_000,
      );
      expect(done.progress).toMatchObject({ succeeded: 9, failed: 1, cancelled: 0 });
      expect(done.canary?.decision).toMatchObject({
        outcome: 'passed',
        succeeded: 3,
        failed: 1,
        reason: 'canary: 1 of 4 failed again (25%), within the 50% you set; sending the other 6',
      });
      const reruns = runs.filter((id) => jobIds.includes(id)).slice(jobIds.length);
      expect(reruns).toHaveLength(10);
      expect(new Set(reruns.slice(0, 4))).toEqual(new Set(slice));
      expect(new Set(reruns)).toEqual(new Set(jobIds));
      expect((await audit(requestId)).map((e) => e.action)).toContain('reprocess.canary.passed');
    });

    it('stops above the threshold: the rest stays in the failed set, its dead letters pending', async () => {
      const jobIds = await failedJobs('dun-stop', 6);
      const requestId = await canaryReprocess(await deadLetterIds(jobIds), { count: 2, maxFailureRate: 0.4 }, async (id) => {
        failing.add((await sliceOf(id))[0] ?? '');
      });
      const slice = await sliceOf(requestId);

      const stopped = await eventually(
        () => request(requestId),
        (r) => r.state === 'cancelled',
        'the request stopped',
        60_000,
      );
      expect(stopped.canary?.decision).toMatchObject({
        outcome: 'stopped',
        reason: 'canary: 1 of 2 failed again (50%), above the 40% you set; the other 4 were not sent and wait again',
      });
      expect(stopped.progress).toMatchObject({ succeeded: 1, failed: 1, cancelled: 4 });
      const rest = jobIds.filter((id) => !slice.includes(id));
      expect(await statuses(rest)).toEqual(['pending', 'pending', 'pending', 'pending']);
      expect(runs.filter((id) => rest.includes(id))).toHaveLength(4);
      expect(await Promise.all(rest.map(async (id) => (await queue.getJob(id))?.getState()))).toEqual(['failed', 'failed', 'failed', 'failed']);
      expect((await audit(requestId)).map((e) => e.action)).toContain('reprocess.canary.stopped');
    });
  });
});
