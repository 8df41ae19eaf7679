import { randomBytes, randomUUID } from 'node:crypto';
import amqp, { type Channel, type ChannelModel, type GetMessage } from 'amqplib';
import { REPROCESS_ID_HEADER } from '@roundhouse/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/free-port.js';
import { TcpProxy } from '../../../test/tcp-proxy.js';
import { TransportUnavailableError, type DispatchMessage } from '../dispatcher.js';
import { RabbitMqDispatcher } from './rabbitmq-dispatcher.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('RabbitMQ dispatcher suite skipped: RABBITMQ_URL is not set (.ci/run sets it and starts RabbitMQ).\n');
}

/** A reprocess command for a message dead-lettered from `exchange` with `routingKey`. */
function commandFor(exchange: string, routingKey: string, overrides: Partial<DispatchMessage> = {}): DispatchMessage {
  const messageId = overrides.messageId ?? `deal-${randomBytes(3).toString('hex')}`;
  const payload = { dealId: messageId, amount: 1200 };
  return {
    reprocessId: randomUUID(),
    requestId: 'rq-1',
    automation: 'invoice-generation',
    deadLetterId: `dl-${messageId}`,
    messageId,
    issuedAt: new Date().toISOString(),
    source: { kind: 'rabbitmq', queue: 'invoices.dlq', exchange, routingKey },
    body: { base64: Buffer.from(JSON.stringify(payload)).toString('base64'), contentType: 'application/json' },
    payload,
    headers: {
      'x-tenant': 'acme',
      'x-death': '[{"count":1,"reason":"rejected","queue":"invoices"}]',
      'x-first-death-reason': 'rejected',
      'x-first-death-queue': 'invoices',
      'x-last-death-reason': 'rejected',
    },
    correlationId: `corr-${messageId}`,
    ...overrides,
  };
}

describe.skipIf(RABBITMQ_URL === undefined)(RabbitMqDispatcher.name, () => {
  const url = RABBITMQ_URL ?? '';
  const dispatcher = new RabbitMqDispatcher();
  let connection: ChannelModel;
  let channel: Channel;
  const cleanup: (() => Promise<unknown>)[] = [];

  /** A topic exchange with one queue bound to it by `routingKey`, both removed after the test. */
  async function exchangeWithQueue(routingKey: string): Promise<{ exchange: string; queue: string }> {
    const suffix = randomBytes(4).toString('hex');
    const exchange = `rh-test-finance-${suffix}`;
    const queue = `rh-test-invoices-${suffix}`;
    await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: false });
    await channel.assertQueue(queue, { durable: false });
    await channel.bindQueue(queue, exchange, routingKey);
    cleanup.push(
      () => channel.deleteQueue(queue),
      () => channel.deleteExchange(exchange),
    );
    return { exchange, queue };
  }

  async function take(queue: string, count: number): Promise<GetMessage[]> {
    const messages: GetMessage[] = [];
    for (let i = 0; i < 200 && messages.length < count; i += 1) {
      const message = await channel.get(queue, { noAck: true });
      if (message === false) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      } else {
        messages.push(message);
      }
    }
    return messages;
  }

  beforeAll(async () => {
    connection = await amqp.connect(url);
    channel = await connection.createChannel();
  });

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) {
      await step();
    }
  });

  afterAll(async () => {
    await dispatcher.close();
    await connection.close();
  });

  it('republishes each message to its original exchange and routing key, as it was, with the reprocess id and without x-death', async () => {
    const { exchange, queue } = await exchangeWithQueue('deal.closed_won');
    const messages = [commandFor(exchange, 'deal.closed_won'), commandFor(exchange, 'deal.closed_won')];

    const outcomes = await dispatcher.dispatch({ kind: 'rabbitmq', url }, messages);

    expect(outcomes).toEqual(messages.map((m) => ({ reprocessId: m.reprocessId, result: 'confirmed' })));
    const received = await take(queue, 2);
    expect(received.map((m) => JSON.parse(m.content.toString('utf8')) as unknown)).toEqual(messages.map((m) => m.payload));
    expect(received.map((m) => [m.fields.exchange, m.fields.routingKey])).toEqual([
      [exchange, 'deal.closed_won'],
      [exchange, 'deal.closed_won'],
    ]);
    const [first] = received;
    expect(first?.properties).toMatchObject({
      messageId: messages[0]?.messageId,
      correlationId: messages[0]?.correlationId,
      contentType: 'application/json',
      deliveryMode: 2,
    });
    expect(first?.properties.headers).toEqual({ 'x-tenant': 'acme', [REPROCESS_ID_HEADER]: messages[0]?.reprocessId });
  });

  it('falls back to the binding’s exchange and routing key when the dead letter recorded none', async () => {
    const { exchange, queue } = await exchangeWithQueue('deal.closed_won');
    const message = commandFor(exchange, 'ignored', { source: { kind: 'rabbitmq', queue: 'invoices.dlq' } });

    const outcomes = await dispatcher.dispatch({ kind: 'rabbitmq', url, exchange, routingKey: 'deal.closed_won' }, [message]);

    expect(outcomes).toEqual([{ reprocessId: message.reprocessId, result: 'confirmed' }]);
    expect(await take(queue, 1)).toHaveLength(1);
  });

  it('returns bodies byte for byte with their content type and content encoding', async () => {
    const { exchange, queue } = await exchangeWithQueue('scan.received');
    const bytes = Buffer.concat([Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]), randomBytes(251)]);
    const text = 'Grüße, 請求書 №42 ✓\n';
    const messages = [
      commandFor(exchange, 'scan.received', {
        body: { base64: bytes.toString('base64') },
        payload: bytes.toString('base64'),
        headers: { 'x-roundhouse-payload-encoding': 'base64' },
      }),
      commandFor(exchange, 'scan.received', {
        body: { base64: Buffer.from(text).toString('base64'), contentType: 'text/plain; charset=utf-8', contentEncoding: 'identity' },
        payload: text,
        headers: {},
      }),
    ];

    expect((await dispatcher.dispatch({ kind: 'rabbitmq', url }, messages)).map((o) => o.result)).toEqual(['confirmed', 'confirmed']);

    const [binary, utf8] = await take(queue, 2);
    expect(binary?.content.equals(bytes)).toBe(true);
    expect(utf8?.content.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(binary?.properties.contentType).toBeUndefined();
    expect(binary?.properties.contentEncoding).toBeUndefined();
    expect(utf8?.properties).toMatchObject({ contentType: 'text/plain; charset=utf-8', contentEncoding: 'identity' });
    expect(binary?.properties.headers).toEqual({ [REPROCESS_ID_HEADER]: messages[0]?.reprocessId });
  });

  it('rejects a message no queue is bound for, and one for an exchange that does not exist, and confirms the rest of the batch', async () => {
    const { exchange, queue } = await exchangeWithQueue('deal.closed_won');
    const gone = `rh-test-gone-${randomBytes(4).toString('hex')}`;
    const messages = [
      commandFor(exchange, 'deal.closed_won'),
      commandFor(exchange, 'deal.closed_lost'),
      commandFor(gone, 'deal.closed_won'),
      commandFor(exchange, 'deal.closed_won'),
    ];

    const outcomes = await dispatcher.dispatch({ kind: 'rabbitmq', url }, messages);

    expect(outcomes).toEqual([
      { reprocessId: messages[0]?.reprocessId, result: 'confirmed' },
      { reprocessId: messages[1]?.reprocessId, result: 'rejected', error: `no queue is bound to exchange "${exchange}" with routing key "deal.closed_lost"` },
      { reprocessId: messages[2]?.reprocessId, result: 'rejected', error: `exchange "${gone}" does not exist` },
      { reprocessId: messages[3]?.reprocessId, result: 'confirmed' },
    ]);
    expect((await take(queue, 2)).map((m) => m.properties.messageId as string)).toEqual([messages[0]?.messageId, messages[3]?.messageId]);
  });

  it('answers retry for messages the broker nacks (a full queue that rejects publishes)', async () => {
    const suffix = randomBytes(4).toString('hex');
    const queue = `rh-test-full-${suffix}`;
    await channel.assertQueue(queue, { durable: false, arguments: { 'x-max-length': 1, 'x-overflow': 'reject-publish' } });
    cleanup.push(() => channel.deleteQueue(queue));
    const messages = [commandFor('', queue), commandFor('', queue)];

    const outcomes = await dispatcher.dispatch({ kind: 'rabbitmq', url }, messages);

    expect(outcomes).toEqual([
      { reprocessId: messages[0]?.reprocessId, result: 'confirmed' },
      { reprocessId: messages[1]?.reprocessId, result: 'retry', error: 'RabbitMQ did not take the message (nack) on exchange ""' },
    ]);
  });

  it('throws TransportUnavailableError, without the password, when the broker cannot be reached', async () => {
    const port = await freePort();
    const closed = `amqp://guest:s3cret-Pa55@127.0.0.1:${port}`;

    const error = await dispatcher.dispatch({ kind: 'rabbitmq', url: closed }, [commandFor('finance', 'deal.closed_won')]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TransportUnavailableError);
    expect((error as Error).message).toContain(`amqp://127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('s3cret-Pa55');
  });

  it('opens a new connection after the one it kept was closed underneath it, and reports the broker gone meanwhile', async () => {
    const { exchange, queue } = await exchangeWithQueue('deal.closed_won');
    const broker = new URL(url);
    const proxy = new TcpProxy(await freePort(), { host: broker.hostname, port: Number(broker.port || 5672) });
    await proxy.start();
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const target = { kind: 'rabbitmq', url: proxied.toString() } as const;
    const send = () => dispatcher.dispatch(target, [commandFor(exchange, 'deal.closed_won')]);
    try {
      expect((await send()).map((o) => o.result)).toEqual(['confirmed']);

      proxy.cut();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await send()).map((o) => o.result)).toEqual(['confirmed']);

      // Closed in the middle of a batch: nothing is confirmed, the whole batch comes back.
      const batch = dispatcher.dispatch(
        target,
        Array.from({ length: 200 }, () => commandFor(exchange, 'deal.closed_won')),
      );
      proxy.cut();
      await expect(batch).rejects.toBeInstanceOf(TransportUnavailableError);
      await channel.purgeQueue(queue);

      await proxy.stop();
      await expect(send()).rejects.toBeInstanceOf(TransportUnavailableError);

      await proxy.start();
      expect((await send()).map((o) => o.result)).toEqual(['confirmed']);
      expect(await take(queue, 1)).toHaveLength(1);
    } finally {
      await proxy.stop();
    }
  });
});
