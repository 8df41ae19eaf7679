import { randomUUID } from 'node:crypto';
import { REPROCESS_ID_HEADER, type DeadLetterV1 } from '@roundhouse/contracts';

/** The advisory subjects of a consumer giving up on a message, for one stream and consumer. */
export function advisorySubjects(stream: string, consumer: string): { maxDeliveries: string; terminated: string } {
  return {
    maxDeliveries: `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${consumer}`,
    terminated: `$JS.EVENT.ADVISORY.CONSUMER.MSG_TERMINATED.${stream}.${consumer}`,
  };
}

/** Why a consumer gave up: it delivered the message max_deliver times, or the runtime terminated it (`msg.term()`). */
export type GiveUp = 'max_deliveries' | 'terminated';

/** What the collector reads of a JetStream give-up advisory (io.nats.jetstream.advisory.v1.max_deliver / .terminated). */
export interface GiveUpAdvisory {
  reason: GiveUp;
  stream: string;
  consumer: string;
  streamSeq: number;
  deliveries: number;
  timestamp: string;
  /** The reason the runtime gave with `msg.term(reason)` (servers from 2.11 on). */
  termReason?: string;
}

const ADVISORY_TYPES: Record<string, GiveUp> = {
  'io.nats.jetstream.advisory.v1.max_deliver': 'max_deliveries',
  'io.nats.jetstream.advisory.v1.terminated': 'terminated',
};

/** The advisory in `json`, or undefined when it is not a give-up advisory with a stream sequence. */
export function parseGiveUpAdvisory(json: string): GiveUpAdvisory | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const a = value as Record<string, unknown>;
  const reason = typeof a.type === 'string' ? ADVISORY_TYPES[a.type] : undefined;
  if (reason === undefined || typeof a.stream !== 'string' || typeof a.consumer !== 'string' || typeof a.stream_seq !== 'number' || a.stream_seq < 1) {
    return undefined;
  }
  return {
    reason,
    stream: a.stream,
    consumer: a.consumer,
    streamSeq: a.stream_seq,
    deliveries: typeof a.deliveries === 'number' && a.deliveries >= 1 ? a.deliveries : 1,
    timestamp: typeof a.timestamp === 'string' && !Number.isNaN(Date.parse(a.timestamp)) ? a.timestamp : new Date().toISOString(),
    ...(typeof a.reason === 'string' && a.reason !== '' ? { termReason: a.reason } : {}),
  };
}

/** The parts of a message stored in a stream that the collector reads (@nats-io/jetstream's StoredMsg has them). */
export interface StoredMessage {
  subject: string;
  seq: number;
  data: Uint8Array;
  time: Date;
  header?: Iterable<[string, string[]]> | undefined;
}

/**
 * Headers the collector adds to say where the message was kept and who gave up on it — the names
 * JetStream's own direct get uses, plus the consumer and its delivery count. They describe the
 * dead-lettering, so a reprocess does not send them back.
 */
export const JETSTREAM_CONTEXT_HEADERS = ['Nats-Stream', 'Nats-Sequence', 'Nats-Subject', 'Nats-Time-Stamp', 'Nats-Consumer', 'Nats-Num-Delivered'] as const;

function headerOf(headers: Record<string, string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === lower)?.[1];
}

/**
 * Translates a message a JetStream consumer gave up on into a dead letter: its bytes as stored
 * (content type and encoding from its `Content-Type` / `Content-Encoding` headers, if it has them),
 * its headers (several values of one name joined with ", "), the stream and sequence it is kept
 * at, and why the consumer gave up. One message in one stream is one dead letter: its id is its
 * stream sequence. Translation only: no policy.
 * The error is read from the headers runtimes commonly set (`x-exception-class`/`-message`,
 * `x-error-class`/`-message`); without them, from the advisory.
 */
export function deadLetterFromJetStream(advisory: GiveUpAdvisory, message: StoredMessage, automation: string): DeadLetterV1 {
  const headers: Record<string, string> = {};
  for (const [name, values] of message.header ?? []) {
    headers[name] = values.join(', ').slice(0, 4000);
  }
  Object.assign(headers, {
    'Nats-Stream': advisory.stream,
    'Nats-Sequence': String(message.seq),
    'Nats-Subject': message.subject,
    'Nats-Time-Stamp': message.time.toISOString(),
    'Nats-Consumer': advisory.consumer,
    'Nats-Num-Delivered': String(advisory.deliveries),
  });
  const contentType = headerOf(headers, 'content-type');
  const contentEncoding = headerOf(headers, 'content-encoding');
  const reprocessId = headerOf(headers, REPROCESS_ID_HEADER);
  const correlationId = headerOf(headers, 'x-correlation-id');
  const given =
    advisory.reason === 'terminated'
      ? `consumer "${advisory.consumer}" terminated the message after ${advisory.deliveries} ${advisory.deliveries === 1 ? 'delivery' : 'deliveries'}${advisory.termReason === undefined ? '' : `: ${advisory.termReason}`}`
      : `consumer "${advisory.consumer}" gave up after ${advisory.deliveries} deliveries (its max_deliver)`;
  const errorClass =
    headerOf(headers, 'x-exception-class') ?? headerOf(headers, 'x-error-class') ?? (advisory.reason === 'terminated' ? 'JetStreamTerminated' : 'JetStreamMaxDeliveries');
  const errorMessage = headerOf(headers, 'x-exception-message') ?? headerOf(headers, 'x-error-message') ?? `${given} on subject ${message.subject}`;
  return {
    id: randomUUID(),
    type: 'dead_letter',
    automation,
    occurredAt: advisory.timestamp,
    messageId: String(message.seq),
    source: { kind: 'nats', queue: advisory.stream, routingKey: message.subject.slice(0, 255) },
    // The body as it was stored: its bytes (views are derived from them).
    body: {
      base64: Buffer.from(message.data).toString('base64'),
      ...(contentType === undefined || contentType === '' ? {} : { contentType: contentType.slice(0, 255) }),
      ...(contentEncoding === undefined || contentEncoding === '' ? {} : { contentEncoding: contentEncoding.slice(0, 255) }),
    },
    headers,
    errorClass: errorClass.slice(0, 200),
    errorMessage: errorMessage.slice(0, 4000),
    attempts: Math.min(advisory.deliveries, 100_000),
    firstFailedAt: advisory.timestamp,
    ...(correlationId === undefined || correlationId === '' ? {} : { correlationId: correlationId.slice(0, 200) }),
    // A message Roundhouse reprocessed that failed again still carries the key it was sent with.
    ...(reprocessId === undefined || reprocessId === '' ? {} : { reprocessId: reprocessId.slice(0, 200) }),
  };
}
