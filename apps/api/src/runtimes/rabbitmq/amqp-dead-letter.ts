import { createHash, randomUUID } from 'node:crypto';
import { REPROCESS_ID_HEADER, type DeadLetterV1 } from '@roundhouse/contracts';

/** The parts of an AMQP message the collector reads (amqplib's ConsumeMessage has them). */
export interface AmqpMessage {
  content: Buffer;
  fields: { exchange: string; routingKey: string };
  properties: { messageId?: string; correlationId?: string; contentType?: string; contentEncoding?: string; timestamp?: number; headers?: Record<string, unknown> };
}

interface XDeath {
  count?: number;
  reason?: string;
  queue?: string;
  time?: Date | { value?: number } | number;
  exchange?: string;
  'routing-keys'?: string[];
}

function timeOf(value: XDeath['time']): Date | undefined {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'number') {
    return new Date(value * 1000);
  }
  if (value !== undefined && typeof value.value === 'number') {
    return new Date(value.value * 1000);
  }
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('utf8');
  }
  return undefined;
}

/**
 * Translates a message from a RabbitMQ dead-letter queue into a dead letter, keeping its `x-death`
 * context (original exchange, routing keys, reason, count, time) and its body as it came (bytes,
 * content type, content encoding). Translation only: no policy.
 * The error is read from the headers runtimes commonly set (`x-exception-class`/`-message`,
 * `x-error-class`/`-message`); without them, from the dead-lettering reason.
 */
export function deadLetterFromAmqp(message: AmqpMessage, automation: string, queue: string, now: Date): DeadLetterV1 {
  const headers = message.properties.headers ?? {};
  const deaths = (Array.isArray(headers['x-death']) ? headers['x-death'] : []) as XDeath[];
  const latest = deaths[0];
  const reason = latest?.reason ?? 'dead-lettered';
  const count = deaths.reduce((sum, death) => sum + (typeof death.count === 'number' ? death.count : 0), 0);
  const times = deaths.map((death) => timeOf(death.time)).filter((t): t is Date => t !== undefined);
  const firstFailedAt = times.length > 0 ? new Date(Math.min(...times.map((t) => t.getTime()))) : now;
  const { contentType, contentEncoding } = message.properties;
  const flatHeaders: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    flatHeaders[key] = (text(value) ?? JSON.stringify(value)).slice(0, 4000);
  }
  const messageId =
    message.properties.messageId ??
    `sha256:${createHash('sha256')
      .update(message.content)
      .update(String(message.properties.timestamp ?? ''))
      .update(message.properties.correlationId ?? '')
      .digest('hex')
      .slice(0, 40)}`;
  const reprocessId = text(headers[REPROCESS_ID_HEADER]);
  const errorClass = text(headers['x-exception-class']) ?? text(headers['x-error-class']) ?? `Amqp${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
  const errorMessage =
    text(headers['x-exception-message']) ?? text(headers['x-error-message']) ?? `message ${reason} on ${latest?.queue ?? 'its queue'} after ${Math.max(count, 1)} deliveries`;
  return {
    id: randomUUID(),
    type: 'dead_letter',
    automation,
    occurredAt: (times[0] ?? now).toISOString(),
    messageId: messageId.slice(0, 200),
    source: {
      kind: 'rabbitmq',
      queue,
      ...(latest?.exchange === undefined ? {} : { exchange: latest.exchange }),
      ...(latest?.['routing-keys']?.[0] === undefined ? {} : { routingKey: latest['routing-keys'][0] }),
    },
    // The body as it came: bytes, content type and content encoding (views are derived from them).
    body: {
      base64: message.content.toString('base64'),
      ...(contentType === undefined || contentType === '' ? {} : { contentType: contentType.slice(0, 255) }),
      ...(contentEncoding === undefined || contentEncoding === '' ? {} : { contentEncoding: contentEncoding.slice(0, 255) }),
    },
    headers: flatHeaders,
    errorClass: errorClass.slice(0, 200),
    errorMessage: errorMessage.slice(0, 4000),
    attempts: Math.max(count, 1),
    firstFailedAt: firstFailedAt.toISOString(),
    ...(message.properties.correlationId === undefined ? {} : { correlationId: message.properties.correlationId }),
    // A message Roundhouse reprocessed that failed again still carries the key it was sent with.
    ...(reprocessId === undefined ? {} : { reprocessId: reprocessId.slice(0, 200) }),
  };
}
