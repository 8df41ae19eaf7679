import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Writable } from 'node:stream';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApi } from '../../../test/harness.js';
import { CatalogService } from '../../catalog/catalog.service.js';
import { createLogger } from '../../logging/logger.js';
import { RabbitMqCollector } from './rabbitmq-collector.service.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('RabbitMQ collector suite skipped: RABBITMQ_URL is not set (.ci/run sets it and starts RabbitMQ).\n');
}

describe.skipIf(RABBITMQ_URL === undefined)(RabbitMqCollector.name, () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').trim().split('\n'));
      done();
    },
  });
  const t = useTestApi({}, () => createLogger('info', sink));
  const suffix = randomBytes(4).toString('hex');
  const work = `rh-test-invoices-${suffix}`;
  const dlq = `${work}.dlq`;
  let connection: ChannelModel;
  let channel: Channel;

  /** Publishes a message to the work queue and rejects it, as a runtime that gave up would: it lands in the DLQ with x-death. */
  async function failMessage(messageId: string, body: object, headers: Record<string, string>): Promise<void> {
    channel.sendToQueue(work, Buffer.from(JSON.stringify(body)), { messageId, correlationId: messageId, contentType: 'application/json', headers });
    for (let i = 0; i < 100; i += 1) {
      const message = await channel.get(work, { noAck: false });
      if (message !== false) {
        channel.nack(message, false, false);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the message never reached the work queue');
  }

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    connection = await amqp.connect(RABBITMQ_URL ?? '');
    channel = await connection.createChannel();
    await channel.assertQueue(dlq, { durable: false, autoDelete: false });
    await channel.assertQueue(work, { durable: false, arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': dlq } });
  });

  afterAll(async () => {
    delete process.env.ROUNDHOUSE_RUNTIME_TEST_RABBITMQ_URL;
    await t.api.app.get(RabbitMqCollector).stop();
    await channel.deleteQueue(`${dlq}.catalog`);
    await channel.deleteQueue(work);
    await channel.deleteQueue(dlq);
    await connection.close();
  });

  it('never takes the api down: a missing queue is logged and tried again later', async () => {
    await t.api.app.get(RabbitMqCollector).start([{ automation: 'invoice-generation', url: RABBITMQ_URL ?? '', queue: `missing-${suffix}` }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${t.api.url}/healthz`)).status).toBe(200);
  });

  it('stores each dead-lettered message once with its x-death context, and acks it after the commit', async () => {
    const headers = { 'x-exception-class': 'ValidationError', 'x-exception-message': 'customer 4711 has no billing address' };
    await failMessage('deal-1', { dealId: 'deal-1', amount: 1200 }, headers);
    await failMessage('deal-2', { dealId: 'deal-2', amount: 80 }, { ...headers, 'x-exception-message': 'customer 815 has no billing address' });
    // The runtime retried deal-1 by hand and it failed again: the same message, dead-lettered twice.
    await failMessage('deal-1', { dealId: 'deal-1', amount: 1200 }, headers);

    await t.api.app.get(RabbitMqCollector).start([{ automation: 'invoice-generation', url: RABBITMQ_URL ?? '', queue: dlq }]);

    await vi.waitFor(
      async () => {
        const rows = await t.db.query<{ deliveries: number }>(`SELECT deliveries FROM dead_letter WHERE source_queue = $1`, [dlq]);
        expect(rows.reduce((sum, r) => sum + r.deliveries, 0)).toBe(3);
      },
      { timeout: 15_000, interval: 200 },
    );
    const rows = await t.db.query<{
      message_id: string;
      deliveries: number;
      error_class: string;
      source_exchange: string;
      source_routing_key: string;
      attempts: number;
      headers: Record<string, string>;
      payload: unknown;
    }>(
      `SELECT message_id, deliveries, error_class, source_exchange, source_routing_key, attempts, headers, convert_from(body, 'UTF8')::jsonb AS payload FROM dead_letter WHERE source_queue = $1 ORDER BY message_id`,
      [dlq],
    );
    expect(rows.map((r) => [r.message_id, r.deliveries, r.error_class, r.source_exchange, r.source_routing_key])).toEqual([
      ['deal-1', 2, 'ValidationError', '', work],
      ['deal-2', 1, 'ValidationError', '', work],
    ]);
    expect(rows[0]?.payload).toEqual({ dealId: 'deal-1', amount: 1200 });
    expect(JSON.parse(rows[0]?.headers['x-death'] ?? '[]')).toEqual([expect.objectContaining({ reason: 'rejected', queue: work, count: 1 })]);
    const [group] = await t.db.query<{ total: number }>(`SELECT total FROM dead_letter_group WHERE source_queue = $1`, [dlq]);
    expect(group?.total).toBe(2);

    // Acked only after the commit: nothing is left in the dead-letter queue.
    await vi.waitFor(async () => expect((await channel.checkQueue(dlq)).messageCount).toBe(0), { timeout: 5_000 });
  });

  it('moves a message that dies again with another error to the group of its new error, keeping the old one', async () => {
    await failMessage('deal-7', { dealId: 'deal-7', amount: 640 }, { 'x-exception-class': 'ValidationError', 'x-exception-message': 'customer 4711 has no billing address' });
    await vi.waitFor(async () => expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1 AND message_id = 'deal-7'`, [dlq])).toHaveLength(1), {
      timeout: 15_000,
      interval: 200,
    });
    // Retried after the address was fixed, NetSuite now times out: the same message, dead-lettered with a new error.
    await failMessage('deal-7', { dealId: 'deal-7', amount: 640 }, { 'x-exception-class': 'NetSuiteTimeoutError', 'x-exception-message': 'NetSuite did not answer within 30 s' });
    await vi.waitFor(
      async () => {
        const [row] = await t.db.query<{ error_class: string; deliveries: number }>(
          `SELECT error_class, deliveries FROM dead_letter WHERE source_queue = $1 AND message_id = 'deal-7'`,
          [dlq],
        );
        expect(row).toEqual({ error_class: 'NetSuiteTimeoutError', deliveries: 2 });
      },
      { timeout: 15_000, interval: 200 },
    );
    const [row] = await t.db.query<{ fingerprint: string; earlier_errors: { errorClass: string; errorMessage: string }[] }>(
      `SELECT fingerprint, earlier_errors FROM dead_letter WHERE source_queue = $1 AND message_id = 'deal-7'`,
      [dlq],
    );
    expect(row?.earlier_errors.map((e) => [e.errorClass, e.errorMessage])).toEqual([['ValidationError', 'customer 4711 has no billing address']]);
    const [group] = await t.db.query<{ error_class: string; normalized_message: string; total: number }>(
      `SELECT error_class, normalized_message, total FROM dead_letter_group WHERE fingerprint = $1`,
      [row?.fingerprint],
    );
    expect(group).toEqual({ error_class: 'NetSuiteTimeoutError', normalized_message: 'NetSuite did not answer within <n> s', total: 1 });
  });

  it('keeps a message that died long ago with its time, and stores a forged future x-death as the time it was collected', async () => {
    const forged = `${dlq}.forged`;
    await channel.assertQueue(forged, { durable: false, autoDelete: false });
    const death = (iso: string) => [{ count: 1, reason: 'rejected', queue: work, time: { '!': 'timestamp', value: Date.parse(iso) / 1000 }, exchange: '', 'routing-keys': [work] }];
    channel.sendToQueue(forged, Buffer.from('{"dealId":"deal-old"}'), {
      messageId: 'deal-old',
      contentType: 'application/json',
      headers: { 'x-death': death('2025-03-01T10:00:00Z') },
    });
    channel.sendToQueue(forged, Buffer.from('{"dealId":"deal-9999"}'), {
      messageId: 'deal-9999',
      contentType: 'application/json',
      headers: { 'x-death': death('9999-12-31T00:00:00Z') },
    });
    const collectedFrom = Date.now();
    await t.api.app.get(RabbitMqCollector).start([{ automation: 'invoice-generation', url: RABBITMQ_URL ?? '', queue: forged }]);
    await vi.waitFor(async () => expect(await t.db.query(`SELECT 1 FROM dead_letter WHERE source_queue = $1`, [forged])).toHaveLength(2), { timeout: 15_000, interval: 200 });
    const rows = await t.db.query<{ message_id: string; first_failed_at: Date; last_failed_at: Date; headers: Record<string, string> }>(
      `SELECT message_id, first_failed_at, last_failed_at, headers FROM dead_letter WHERE source_queue = $1 ORDER BY message_id`,
      [forged],
    );
    expect(rows.map((r) => [r.message_id, r.first_failed_at.toISOString(), r.last_failed_at.toISOString()])).toEqual([
      ['deal-9999', expect.any(String) as string, expect.any(String) as string],
      ['deal-old', '2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z'],
    ]);
    const future = rows[0];
    expect(future?.last_failed_at.getTime()).toBeGreaterThanOrEqual(collectedFrom - 1000);
    expect(future?.last_failed_at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(future?.first_failed_at.getTime()).toBe(future?.last_failed_at.getTime());
    // The broker's header is kept as it came.
    expect(future?.headers['x-death']).toContain('253402214400');
    await channel.deleteQueue(forged);
  });

  it('reads a binding’s connection only through a variable catalogs may name: one stored earlier as RABBITMQ_URL is not read, and the log says why', async () => {
    const queue = `${dlq}.catalog`;
    await channel.assertQueue(queue, { durable: false, autoDelete: false });
    const bind = (connection: string) =>
      t.db.query(`UPDATE automation SET runtime = $1 WHERE slug = 'invoice-generation'`, [JSON.stringify({ kind: 'rabbitmq', deadLetterQueue: queue, connection })]);
    const collector = t.api.app.get(RabbitMqCollector);

    // RABBITMQ_URL is set in this process (it is the suite's broker), but catalogs may not name it here.
    await bind('RABBITMQ_URL');
    await collector.syncFromCatalog();
    expect((await channel.checkQueue(queue)).consumerCount).toBe(0);
    expect(
      lines.map((line) => JSON.parse(line) as { msg: string; automation?: string }).find((l) => l.automation === 'invoice-generation' && l.msg.startsWith('not collecting'))?.msg,
    ).toBe(
      "not collecting: the runtime binding's connection names a variable catalogs may not name (RABBITMQ_URL, which neither starts with ROUNDHOUSE_RUNTIME_ nor is listed in ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES), so it was not read",
    );

    process.env.ROUNDHOUSE_RUNTIME_TEST_RABBITMQ_URL = RABBITMQ_URL;
    await bind('ROUNDHOUSE_RUNTIME_TEST_RABBITMQ_URL');
    await collector.syncFromCatalog();
    expect((await channel.checkQueue(queue)).consumerCount).toBe(1);
    expect(lines.join('\n')).not.toContain(RABBITMQ_URL);
  });
});
