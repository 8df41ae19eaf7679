// RabbitMQ for the benchmark: the connection (with a clear sentence when there is no broker), the
// bench's own exchange and queue, the raw baseline (amqplib on a confirm channel, publishing what the
// api publishes, in the api's batches), and what arrived in the queue.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import amqp from 'amqplib';
import { SettingError } from '../common/harness.mjs';
import { REPROCESS_ID_HEADER, ROUTING_KEY } from './dataset.mjs';

/** As rabbitmq-dispatcher.ts: the api connects with this timeout and otherwise amqplib's defaults. */
const CONNECT_TIMEOUT_MS = 10_000;
const CONFIRM_TIMEOUT_MS = 120_000;
/** An idle bench queue deletes itself after this (and its auto-delete exchange with it), should the bench be killed before it cleans up. */
const QUEUE_EXPIRES_MS = 3_600_000;

/** The broker URL without its credentials, for messages. */
export function withoutCredentials(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return 'an unparsable URL';
  }
}

function reasonOf(error) {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return reasonOf(error.errors[0]);
  }
  return error.message || error.code || String(error);
}

/**
 * A connection as the api opens one (amqplib's defaults, so Nagle's algorithm on, as in the api).
 * No broker is a wrong setting, said in one sentence. An error later on (the broker closing the
 * connection) does not crash the bench: what waits on the connection fails and cleanup runs.
 */
export async function connect(url) {
  let connection;
  try {
    connection = await amqp.connect(url, { timeout: CONNECT_TIMEOUT_MS });
  } catch (error) {
    const password = new URL(url).password;
    const why = password === '' ? reasonOf(error) : reasonOf(error).split(password).join('***');
    throw new SettingError(
      `Could not connect to RabbitMQ at ${withoutCredentials(url)} (${why}): start it, or set RABBITMQ_URL to a broker on which this benchmark may create an exchange and a queue.`,
    );
  }
  connection.on('error', () => undefined);
  return connection;
}

/** RabbitMQ's version, from the connection's server properties. */
export function brokerVersion(connection) {
  return String(connection.connection.serverProperties?.version ?? 'unknown');
}

/**
 * The bench's own topic exchange (auto-delete) and a queue bound to it with ROUTING_KEY, so every
 * publish is routable (`mandatory` would return it otherwise) and counted. The queue is durable
 * unless `durable` is false: persistent messages to a durable queue are on disk before the broker
 * confirms them, as on a real work queue. Nobody consumes; the queue is emptied after each phase.
 */
export async function createRoute(connection, { durable }) {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  const exchange = `roundhouse.bench.reprocess.${randomBytes(4).toString('hex')}`;
  const queue = `${exchange}.received`;
  await channel.assertExchange(exchange, 'topic', { durable: false, autoDelete: true });
  await channel.assertQueue(queue, { durable, autoDelete: false, arguments: { 'x-expires': QUEUE_EXPIRES_MS } });
  await channel.bindQueue(queue, exchange, ROUTING_KEY);
  return {
    exchange,
    queue,
    routingKey: ROUTING_KEY,
    channel,
    /** Messages waiting in the queue. */
    depth: async () => (await channel.checkQueue(queue)).messageCount,
    purge: () => channel.purgeQueue(queue),
    /** Takes up to `count` messages off the queue: { messageId, correlationId, contentType, persistent, headers, content }. */
    take: async (count) => {
      const taken = [];
      for (let i = 0; i < count; i += 1) {
        const message = await channel.get(queue, { noAck: true });
        if (message === false) {
          break;
        }
        const { messageId, correlationId, contentType, deliveryMode, headers } = message.properties;
        taken.push({ messageId, correlationId, contentType, persistent: deliveryMode === 2, headers: headers ?? {}, content: message.content });
      }
      return taken;
    },
    remove: async () => {
      await channel.deleteQueue(queue);
      await channel.deleteExchange(exchange);
    },
  };
}

/**
 * The raw baseline: `messages` ({ content, properties }) published to the route on one confirm
 * channel, `batchSize` at a time, waiting once per batch for all of its confirms, as the api's
 * dispatcher does. The channel is opened before the clock starts. Counts nacks and returns.
 */
export async function publishRaw(connection, route, messages, batchSize) {
  const channel = await connection.createConfirmChannel();
  channel.on('error', () => undefined);
  let returned = 0;
  channel.on('return', () => {
    returned += 1;
  });
  let nacked = 0;
  const batch = (from, to) =>
    new Promise((resolve, reject) => {
      let waiting = to - from;
      const timer = setTimeout(() => reject(new Error(`no publisher confirms within ${CONFIRM_TIMEOUT_MS / 1000} s`)), CONFIRM_TIMEOUT_MS);
      for (let i = from; i < to; i += 1) {
        const { content, properties } = messages[i];
        channel.publish(route.exchange, route.routingKey, content, properties, (error) => {
          if (error !== null && error !== undefined) {
            nacked += 1;
          }
          waiting -= 1;
          if (waiting === 0) {
            clearTimeout(timer);
            resolve();
          }
        });
      }
    });
  const started = performance.now();
  for (let from = 0; from < messages.length; from += batchSize) {
    await batch(from, Math.min(messages.length, from + batchSize));
  }
  const seconds = (performance.now() - started) / 1000;
  await channel.close();
  return { seconds, published: messages.length, nacked, returned };
}

/**
 * Whether messages taken off the queue are the ones expected: same body bytes, message id,
 * correlation id, content type, persistence and headers; `reprocessIdOf(messageId)` is the key the
 * message must carry. Answers a list of problems (empty when they match).
 */
export function compareMessages(taken, expectedByMessageId, reprocessIdOf) {
  const problems = [];
  for (const message of taken) {
    const expected = expectedByMessageId.get(message.messageId);
    if (expected === undefined) {
      problems.push(`message ${message.messageId} is not one of the dead letters`);
      continue;
    }
    const { properties } = expected;
    const want = { ...properties.headers, [REPROCESS_ID_HEADER]: reprocessIdOf(message.messageId) };
    const got = Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('utf8') : v]));
    const differences = [
      message.content.equals(expected.content) ? undefined : `body ${message.content.length} bytes, expected ${expected.content.length}`,
      message.correlationId === properties.correlationId ? undefined : `correlation id ${message.correlationId}`,
      message.contentType === properties.contentType ? undefined : `content type ${message.contentType}`,
      message.persistent ? undefined : 'not persistent',
      JSON.stringify(Object.entries(got).sort()) === JSON.stringify(Object.entries(want).sort()) ? undefined : `headers ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`,
    ].filter((d) => d !== undefined);
    if (differences.length > 0) {
      problems.push(`message ${message.messageId}: ${differences.join('; ')}`);
    }
  }
  return problems;
}
