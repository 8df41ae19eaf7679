import { randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import { expect } from 'vitest';
import { graphql, signIn } from './api-process.js';
import { eventually } from './eventually.js';
import type { TestDatabase } from './harness.js';

/**
 * Reprocess traffic for tests with real api processes and a real RabbitMQ: invoice-generation's
 * dead letters reported through ingest, a request started and approved, a consumer on the original
 * exchange, and the ledger to compare with what it received.
 */
const AUTOMATION = 'invoice-generation';

/** Reports `count` dead letters of invoice-generation, dead-lettered from `exchange`/`routingKey`. */
export async function seedDeadLetters(url: string, exchange: string, routingKey: string, count: number, marker: string): Promise<void> {
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
    const response = await fetch(`${url}/ingest/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${createRuntimeToken.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(response.status).toBe(200);
  }
}

/** Otto asks to reprocess the marker's dead letters (with a canary slice first when given); Oscar approves. */
export async function startRequest(url: string, marker: string, velocity: number, canary?: { count: number; maxFailureRate: number }): Promise<string> {
  const otto = await signIn(url, 'otto');
  const { startReprocess } = await graphql<{ startReprocess: { id: string; total: number } }>(
    url,
    otto,
    `
      mutation Start($input: StartReprocessInput!) {
        startReprocess(input: $input) {
          id
          total
        }
      }
    `,
    {
      input: {
        action: 'reprocess',
        reason: 'NetSuite is back after the outage',
        velocity,
        selection: { filter: { automation: AUTOMATION, search: marker } },
        ...(canary === undefined ? {} : { canary }),
      },
    },
  );
  // Thousands of invoices, or a canary: the approval policy holds the request until a second person on call approves it.
  await graphql(
    url,
    await signIn(url, 'oscar'),
    `
      mutation Approve($id: ID!) {
        approveReprocess(id: $id) {
          state
        }
      }
    `,
    { id: startReprocess.id },
  );
  return startReprocess.id;
}

/** Everything a real consumer receives on the queue bound to the original exchange. */
export class Receiver {
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

export interface LedgerSummary {
  state: string;
  acknowledged: number;
  open: number;
  waiting_reason: string | null;
}

export function ledger(db: TestDatabase, requestId: string): Promise<LedgerSummary> {
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
export async function expectEveryMessageOnceOrRepeatedWithItsKey(db: TestDatabase, requestId: string, receiver: Receiver, total: number): Promise<number> {
  const keys = await db.query<{ message_id: string; reprocess_id: string }>(
    `SELECT d.message_id, i.reprocess_id::text AS reprocess_id FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id WHERE i.request_id = $1`,
    [requestId],
  );
  expect(keys).toHaveLength(total);
  await eventually(
    () => Promise.resolve(receiver.received.size),
    (size) => size >= total,
    'every message at the consumer',
  );
  const wrongKeys = keys.filter((k) => (receiver.received.get(k.message_id) ?? []).some((key) => key !== k.reprocess_id));
  const missing = keys.filter((k) => !receiver.received.has(k.message_id));
  expect(missing).toEqual([]);
  expect(wrongKeys).toEqual([]);
  return receiver.deliveries() - total;
}

/** Messages an api process has had confirmed by the broker, from its own /metrics. */
export async function confirmedBy(port: number): Promise<number> {
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/roundhouse_reprocess_messages_total\{route="rabbitmq",result="confirmed"\} (\d+)/.exec(metrics)?.[1] ?? 0);
}
