import { randomBytes } from 'node:crypto';
import amqp, { type Channel, type ChannelModel } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rabbitMqRetention } from './rabbitmq-retention.js';

const RABBITMQ_URL = process.env.RABBITMQ_URL;
if (RABBITMQ_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('RabbitMQ retention suite skipped: RABBITMQ_URL is not set (.ci/run sets it and starts RabbitMQ).\n');
}

const DAY_MS = 24 * 3600 * 1000;

describe.skipIf(RABBITMQ_URL === undefined)(rabbitMqRetention.name, () => {
  const suffix = randomBytes(4).toString('hex');
  const queues = { ttl: `rh-retention-ttl-${suffix}.dlq`, plain: `rh-retention-plain-${suffix}.dlq`, quorum: `rh-retention-quorum-${suffix}.dlq` };
  let connection: ChannelModel;
  let channel: Channel;

  beforeAll(async () => {
    connection = await amqp.connect(RABBITMQ_URL ?? '');
    channel = await connection.createChannel();
    // As a runtime declares its dead-letter queue: a day's TTL and a length limit, plus arguments retention does not care about.
    await channel.assertQueue(queues.ttl, { durable: false, arguments: { 'x-message-ttl': DAY_MS, 'x-max-length': 5000, 'x-queue-mode': 'lazy', 'x-overflow': 'drop-head' } });
    await channel.assertQueue(queues.plain, { durable: true });
    await channel.assertQueue(queues.quorum, { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-message-ttl': 3 * 3600 * 1000 } });
    for (let i = 0; i < 3; i += 1) {
      channel.sendToQueue(queues.ttl, Buffer.from(JSON.stringify({ invoice: i })), { messageId: `inv-${i}` });
    }
  });

  afterAll(async () => {
    for (const queue of Object.values(queues)) {
      await channel.deleteQueue(queue).catch(() => undefined);
    }
    await connection.close();
  });

  it("reads a dead-letter queue's message TTL and length limit from the broker, and counts what waits in it", async () => {
    await expect.poll(async () => (await channel.checkQueue(queues.ttl)).messageCount, { timeout: 10_000 }).toBe(3);
    const retention = await rabbitMqRetention(RABBITMQ_URL ?? '', queues.ttl);
    expect(retention).toMatchObject({ keeper: 'source', maxAgeMs: DAY_MS, maxCount: 5000, waiting: 3 });
    expect(retention.summary).toMatch(/^queue TTL 24 h, at most 5000 messages/);
  });

  it('reads a quorum queue, and says when a queue has no TTL in its arguments', async () => {
    const quorum = await rabbitMqRetention(RABBITMQ_URL ?? '', queues.quorum);
    expect(quorum.maxAgeMs).toBe(3 * 3600 * 1000);
    expect(quorum.summary).toMatch(/^queue TTL 3 h/);
    const plain = await rabbitMqRetention(RABBITMQ_URL ?? '', queues.plain);
    expect(plain).toMatchObject({ maxAgeMs: null, maxCount: null, waiting: 0 });
    expect(plain.summary).toMatch(/no message TTL .*a policy could set others/);
  });

  it('leaves the queue as it was: same arguments, same messages', async () => {
    await rabbitMqRetention(RABBITMQ_URL ?? '', queues.ttl);
    expect((await channel.checkQueue(queues.ttl)).messageCount).toBe(3);
    // Declaring it as the runtime did still matches: nothing was changed.
    await expect(
      channel.assertQueue(queues.ttl, { durable: false, arguments: { 'x-message-ttl': DAY_MS, 'x-max-length': 5000, 'x-queue-mode': 'lazy', 'x-overflow': 'drop-head' } }),
    ).resolves.toMatchObject({ messageCount: 3 });
  });

  it('says "unknown", never a guess, for a queue that does not exist (and does not create it) or a broker it cannot reach', async () => {
    const missing = `rh-retention-missing-${suffix}.dlq`;
    expect(await rabbitMqRetention(RABBITMQ_URL ?? '', missing)).toMatchObject({ maxAgeMs: 'unknown', maxCount: 'unknown', summary: `unknown: queue "${missing}" does not exist` });
    const probe = await connection.createChannel();
    probe.on('error', () => undefined);
    await expect(probe.checkQueue(missing)).rejects.toThrow(/NOT_FOUND/);
    const down = await rabbitMqRetention('amqp://guest:s3cret@127.0.0.1:1', queues.ttl);
    expect(down).toMatchObject({ maxAgeMs: 'unknown' });
    expect(down.summary).toMatch(/^unknown: RabbitMQ is unreachable/);
    expect(down.summary).not.toContain('s3cret');
  });
});
