import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signIn, startApiProcess, stopApiProcess as stopApi } from './api-process.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { TcpProxy } from './tcp-proxy.js';

/**
 * Fault tests of durable reprocessing, with real processes and a real RabbitMQ: the api killed
 * with SIGKILL in the middle of a 10,000-message request, two api processes sharing one request,
 * and the broker going away during dispatch.
 */
const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined) {
  process.stderr.write('Reprocess fault suite skipped: RABBITMQ_URL is not set (.ci/run sets it and starts RabbitMQ).\n');
}

const AUTOMATION = 'invoice-generation';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const startApi = (env: Record<string, string>) => startApiProcess({ ROUNDHOUSE_JOBS: 'true', ROUNDHOUSE_COLLECTORS: 'false', ...env });

/** Reports `count` dead letters of invoice-generation, dead-lettered from `exchange`/`routingKey`. */
async function seedDeadLetters(url: string, exchange: string, routingKey: string, count: number, marker: string): Promise<void> {
  const admin = await signIn(url, 'ada');
  const { createRuntimeToken } = await graphql<{ createRuntimeToken: { secret: string } }>(
    url,
    admin,
    `mutation { createRuntimeToken(input: { name: "fault-test ${marker}", team: "finance-ops", capabilities: [ingest, dead_letters] }) { secret } }`,
  );
  for (let offset = 0; offset < count; offset += 1000) {
    const events = Array.from({ length: Math.min(1000, count - offset) }, (_, i) => ({
      id: randomUUID(),
      type: 'dead_letter',
      automation: AUTOMATION,
      occurredAt: new Date().toISOString(),
      messageId: `${marker}-${offset + i}`,
      source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange, routingKey },
      payload: { dealId: `${marker}-${offset + i}`, amount: { value: 1200 + i, currency: 'EUR' } },
      headers: { 'x-first-death-reason': 'rejected' },
      errorClass: 'NetSuiteTimeout',
      errorMessage: `NetSuite did not answer within 30 s (${marker})`,
      attempts: 3,
    }));
    const response = await fetch(`${url}/ingest/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${createRuntimeToken.secret}`, 'content-type': 'application/json' }, body: JSON.stringify(events) });
    expect(response.status).toBe(200);
  }
}

async function startRequest(url: string, marker: string, velocity: number): Promise<string> {
  const otto = await signIn(url, 'otto');
  const { startReprocess } = await graphql<{ startReprocess: { id: string; total: number } }>(
    url,
    otto,
    `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { id total } }`,
    { input: { action: 'reprocess', reason: 'NetSuite is back after the outage', velocity, selection: { filter: { automation: AUTOMATION, search: marker } } } },
  );
  // Thousands of invoices: the approval policy holds the request until a second person on call approves it.
  await graphql(url, await signIn(url, 'oscar'), `mutation Approve($id: ID!) { approveReprocess(id: $id) { state } }`, { id: startReprocess.id });
  return startReprocess.id;
}

/** Everything a real consumer receives on the queue bound to the original exchange. */
class Receiver {
  readonly received = new Map<string, string[]>();
  private connection: ChannelModel | undefined;
  private channel: Channel | undefined;

  async start(brokerUrl: string, exchange: string, routingKey: string): Promise<void> {
    this.connection = await amqp.connect(brokerUrl);
    this.channel = await this.connection.createChannel();
    const queue = `${exchange}.received`;
    await this.channel.assertExchange(exchange, 'topic', { durable: false });
    await this.channel.assertQueue(queue, { durable: false, autoDelete: true });
    await this.channel.bindQueue(queue, exchange, routingKey);
    await this.channel.consume(
      queue,
      (message) => {
        if (message !== null) {
          const messageId = String(message.properties.messageId);
          this.received.set(messageId, [...(this.received.get(messageId) ?? []), String(message.properties.headers?.[REPROCESS_ID_HEADER])]);
        }
      },
      { noAck: true },
    );
  }

  deliveries(): number {
    return [...this.received.values()].reduce((sum, keys) => sum + keys.length, 0);
  }

  async stop(exchange: string): Promise<void> {
    await this.channel?.deleteExchange(exchange).catch(() => undefined);
    await this.connection?.close().catch(() => undefined);
  }
}

interface LedgerSummary {
  state: string;
  acknowledged: number;
  open: number;
  waiting_reason: string | null;
}

function ledger(db: TestDatabase, requestId: string): Promise<LedgerSummary> {
  return db
    .query<LedgerSummary>(
      `SELECT r.state, r.waiting_reason,
              count(*) FILTER (WHERE i.state = 'acknowledged')::int AS acknowledged,
              count(*) FILTER (WHERE i.state IN ('queued', 'dispatched'))::int AS open
         FROM reprocess_request r JOIN reprocess_item i ON i.request_id = r.id WHERE r.id = $1 GROUP BY r.id`,
      [requestId],
    )
    .then((rows) => rows[0] as LedgerSummary);
}

/** Every dead letter's message arrived, and every repeat carried the key the ledger holds for it. */
async function expectEveryMessageOnceOrRepeatedWithItsKey(db: TestDatabase, requestId: string, receiver: Receiver, total: number): Promise<number> {
  const keys = await db.query<{ message_id: string; reprocess_id: string }>(
    `SELECT d.message_id, i.reprocess_id::text AS reprocess_id FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id WHERE i.request_id = $1`,
    [requestId],
  );
  expect(keys).toHaveLength(total);
  await eventually(() => Promise.resolve(receiver.received.size), (size) => size >= total, 'every message at the consumer');
  const wrongKeys = keys.filter((k) => (receiver.received.get(k.message_id) ?? []).some((key) => key !== k.reprocess_id));
  const missing = keys.filter((k) => !receiver.received.has(k.message_id));
  expect(missing).toEqual([]);
  expect(wrongKeys).toEqual([]);
  return receiver.deliveries() - total;
}

describe.skipIf(RABBITMQ_URL === undefined)('durable reprocessing under faults (real RabbitMQ, real processes)', () => {
  let db: TestDatabase;
  const apis: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => stopApi(api, 'SIGKILL')));
    await db.drop();
  });

  it('resumes a 10,000-message request after SIGKILL: every message dispatched and received, none lost, repeats carry the same key', async () => {
    const marker = `kill${randomBytes(4).toString('hex')}`;
    const exchange = `rh-fault-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    const env = { ...db.env, PORT: String(await freePort()), ROUNDHOUSE_RUNTIME_RABBITMQ_URL: RABBITMQ_URL ?? '', ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '3' };
    const url = `http://127.0.0.1:${env.PORT}`;
    let api = await startApi(env);
    apis.push(api);
    await seedDeadLetters(url, exchange, 'deal.closed_won', 10_000, marker);
    const requestId = await startRequest(url, marker, 2_000);

    await eventually(() => ledger(db, requestId), (l) => l.acknowledged >= 2_500, 'a quarter dispatched', 120_000);
    await stopApi(api, 'SIGKILL');
    const atKill = await ledger(db, requestId);
    expect(atKill.open).toBeGreaterThan(0);

    api = await startApi(env);
    apis.push(api);
    const done = await eventually(() => ledger(db, requestId), (l) => l.state === 'done', 'the request done after the restart', 120_000);
    expect(done.acknowledged).toBe(10_000);
    const repeats = await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 10_000);
    process.stderr.write(`SIGKILL at ${atKill.acknowledged} confirmed: ${repeats} message(s) sent again after the restart, each with its original key\n`);
    await stopApi(api);
    await receiver.stop(exchange);
  }, 300_000);

  it('shares one request between two api processes without sending any message twice', async () => {
    const marker = `share${randomBytes(4).toString('hex')}`;
    const exchange = `rh-fault-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    const base = { ...db.env, ROUNDHOUSE_RUNTIME_RABBITMQ_URL: RABBITMQ_URL ?? '', ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '60' };
    const ports = [await freePort(), await freePort()];
    const [one, two] = await Promise.all(ports.map((port) => startApi({ ...base, PORT: String(port) })));
    apis.push(one as ChildProcess, two as ChildProcess);
    const url = `http://127.0.0.1:${ports[0]}`;
    await seedDeadLetters(url, exchange, 'deal.closed_won', 4_000, marker);
    const requestId = await startRequest(url, marker, 1_000);
    const done = await eventually(() => ledger(db, requestId), (l) => l.state === 'done', 'the request done', 120_000);
    expect(done.acknowledged).toBe(4_000);
    const repeats = await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 4_000);
    expect(repeats).toBe(0);
    const confirmedBy = await Promise.all(
      ports.map(async (port) => {
        const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
        return Number(/roundhouse_reprocess_messages_total\{route="rabbitmq",result="confirmed"\} (\d+)/.exec(metrics)?.[1] ?? 0);
      }),
    );
    expect((confirmedBy[0] ?? 0) + (confirmedBy[1] ?? 0)).toBe(4_000);
    expect(confirmedBy.every((count) => count > 0)).toBe(true);
    process.stderr.write(`two processes confirmed ${confirmedBy.join(' + ')} messages\n`);
    await Promise.all([stopApi(one), stopApi(two)]);
    await receiver.stop(exchange);
  }, 300_000);

  it('waits while the broker is down, says so, and completes when it is back', async () => {
    const marker = `outage${randomBytes(4).toString('hex')}`;
    const exchange = `rh-fault-${marker}`;
    const receiver = new Receiver();
    await receiver.start(RABBITMQ_URL ?? '', exchange, 'deal.closed_won');
    const broker = new URL(RABBITMQ_URL ?? '');
    const proxy = new TcpProxy(await freePort(), { host: broker.hostname, port: Number(broker.port || 5672) });
    await proxy.start();
    const proxied = new URL(RABBITMQ_URL ?? '');
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const env = { ...db.env, PORT: String(await freePort()), ROUNDHOUSE_RUNTIME_RABBITMQ_URL: proxied.toString(), ROUNDHOUSE_REPROCESS_LEASE_SECONDS: '3' };
    const api = await startApi(env);
    apis.push(api);
    const url = `http://127.0.0.1:${env.PORT}`;
    await seedDeadLetters(url, exchange, 'deal.closed_won', 2_000, marker);
    const requestId = await startRequest(url, marker, 400);

    await eventually(() => ledger(db, requestId), (l) => l.acknowledged >= 300, 'dispatch under way', 120_000);
    await proxy.stop();
    const waiting = await eventually(() => ledger(db, requestId), (l) => l.waiting_reason !== null, 'the request to say it waits', 30_000);
    expect(waiting.waiting_reason).toMatch(/RabbitMQ is unreachable/);
    expect(waiting.waiting_reason).not.toContain('guest:guest');
    await sleep(3_000);
    const during = await ledger(db, requestId);
    expect(during.state).toBe('running');
    expect(during.acknowledged).toBeLessThan(2_000);

    await proxy.start();
    const done = await eventually(() => ledger(db, requestId), (l) => l.state === 'done', 'the request done once the broker is back', 120_000);
    expect(done).toMatchObject({ acknowledged: 2_000, waiting_reason: null });
    await expectEveryMessageOnceOrRepeatedWithItsKey(db, requestId, receiver, 2_000);
    await stopApi(api);
    await proxy.stop();
    await receiver.stop(exchange);
  }, 300_000);
});
