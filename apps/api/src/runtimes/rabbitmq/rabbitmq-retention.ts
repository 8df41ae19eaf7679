import amqp, { type Channel, type ChannelModel } from 'amqplib';
import type { SourceRetention } from '../runtime-adapter.js';
import { durationWords } from '../shared/binding-variables.js';
import { maskPassword } from '../shared/broker-url.js';

const CONNECT_TIMEOUT_MS = 5_000;
/** Arguments RabbitMQ reports one at a time: more than this many differing is not a dead-letter queue we can read. */
const MOST_PROBES = 12;
/** The retention arguments this report reads; others found on the way are only carried so the declare matches. */
const TTL = 'x-message-ttl';
const EXPIRES = 'x-expires';
const MAX_LENGTH = 'x-max-length';

/**
 * RabbitMQ's answer to a declare whose arguments differ from the queue's:
 * "inequivalent arg 'x-message-ttl' for queue 'q' in vhost '/': received none but current is the value '86400000' of type 'signedint'"
 * ("… current is 'true'" for the durable and auto_delete flags, "current is none" for an argument the queue lacks).
 */
const INEQUIVALENT = /inequivalent arg '([^']+)' for queue .*?: received .*? but current is (?:the value '([^']*)' of type '([a-z]+)'|'([^']*)'|(none))/;

type Learned = { durable: boolean; autoDelete: boolean; args: Record<string, unknown> };

function valueOf(text: string, type: string): unknown {
  if (['byte', 'short', 'signedint', 'long', 'unsignedbyte', 'unsignedshort', 'unsignedint', 'float', 'double', 'decimal'].includes(type)) {
    return Number(text);
  }
  if (type === 'bool') {
    return text === 'true';
  }
  return text;
}

/** One more thing the queue differs in, read from the broker's refusal; false when the refusal says nothing readable. */
function learn(learned: Learned, message: string): boolean {
  const match = INEQUIVALENT.exec(message);
  if (match === null) {
    return false;
  }
  const [, name = '', value, type, flag, none] = match;
  if (name === 'durable') {
    learned.durable = flag === 'true';
  } else if (name === 'auto_delete') {
    learned.autoDelete = flag === 'true';
  } else if (none !== undefined) {
    delete learned.args[name];
  } else if (value !== undefined && type !== undefined) {
    learned.args[name] = valueOf(value, type);
  } else {
    return false;
  }
  return true;
}

function unknown(summary: string): SourceRetention {
  return { keeper: 'source', maxAgeMs: 'unknown', maxCount: 'unknown', summary };
}

/**
 * What a RabbitMQ dead-letter queue keeps. AMQP has no call that reads a queue's arguments (a
 * passive declare answers counts only), so this declares the queue again with what it has learned,
 * and reads the one argument the broker says differs from its refusal, until the declare matches —
 * which changes nothing (a declare that matches an existing queue is a no-op; it never creates one:
 * the queue is checked first). Policies are not visible over AMQP: a TTL a policy sets is not seen,
 * and the summary says so. `waiting` counts messages still in the queue (not yet collected): those
 * are what a TTL or a length limit removes.
 */
export async function rabbitMqRetention(url: string | null, queue: string | null): Promise<SourceRetention> {
  if (url === null || queue === null) {
    return unknown(url === null ? 'unknown: this api cannot reach the broker' : 'unknown: the binding names no dead-letter queue');
  }
  let connection: ChannelModel;
  try {
    connection = await amqp.connect(url, { timeout: CONNECT_TIMEOUT_MS });
  } catch (error) {
    return unknown(`unknown: RabbitMQ is unreachable (${maskPassword(error instanceof Error ? error.message : String(error), url)})`);
  }
  connection.on('error', () => undefined);
  try {
    const channel = await openChannel(connection);
    let waiting: number;
    try {
      waiting = (await channel.checkQueue(queue)).messageCount;
    } catch {
      return unknown(`unknown: queue "${queue}" does not exist`);
    }
    await channel.close().catch(() => undefined);
    const learned = await probe(connection, queue);
    return learned === undefined ? { ...unknown(`unknown: the arguments of queue "${queue}" could not be read`), waiting } : retentionOf(learned, waiting);
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function openChannel(connection: ChannelModel): Promise<Channel> {
  const channel = await connection.createChannel();
  channel.on('error', () => undefined);
  return channel;
}

async function probe(connection: ChannelModel, queue: string): Promise<Learned | undefined> {
  const learned: Learned = { durable: true, autoDelete: false, args: {} };
  for (let attempt = 0; attempt < MOST_PROBES; attempt += 1) {
    const channel = await openChannel(connection);
    try {
      await channel.assertQueue(queue, { durable: learned.durable, autoDelete: learned.autoDelete, exclusive: false, arguments: learned.args });
      await channel.close().catch(() => undefined);
      return learned;
    } catch (error) {
      // The broker closed this channel (406 PRECONDITION_FAILED), and only this one.
      if (!learn(learned, error instanceof Error ? error.message : String(error))) {
        return undefined;
      }
    }
  }
  return undefined;
}

function retentionOf({ args }: Learned, waiting: number): SourceRetention & { waiting: number } {
  const ttl = typeof args[TTL] === 'number' ? args[TTL] : null;
  const expires = typeof args[EXPIRES] === 'number' ? args[EXPIRES] : null;
  const maxLength = typeof args[MAX_LENGTH] === 'number' ? args[MAX_LENGTH] : null;
  const parts = [
    ttl === null ? 'no message TTL' : `queue TTL ${durationWords(ttl)}`,
    ...(maxLength === null ? [] : [`at most ${maxLength} messages`]),
    ...(expires === null ? [] : [`the queue itself expires after ${durationWords(expires)} unused`]),
  ];
  return {
    keeper: 'source',
    maxAgeMs: ttl !== null && expires !== null ? Math.min(ttl, expires) : (ttl ?? expires),
    maxCount: maxLength,
    summary: `${parts.join(', ')} (from the queue's arguments; a policy could set others, which AMQP does not show)`,
    ...(ttl === null && expires === null
      ? {}
      : { limit: ttl !== null && (expires === null || ttl <= expires) ? `queue TTL ${durationWords(ttl)}` : `queue expires after ${durationWords(expires ?? 0)} unused` }),
    waiting,
  };
}
