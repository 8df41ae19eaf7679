import { inspect } from 'node:util';
import type { DeadLetterV1 } from '@roundhouse/contracts';

/** Where the message failed: its broker or job system, and the queue (topic, job queue) on it. */
export interface DeadLetterSource {
  kind: DeadLetterV1['source']['kind'];
  /** Queue, topic or job queue of the message. */
  queue: string;
  exchange?: string;
  routingKey?: string;
}

/** A header value as brokers hand them over; anything that is not a string is turned into one. */
export type DeadLetterHeaderValue = string | number | boolean | bigint | Date | Uint8Array | readonly unknown[] | Readonly<Record<string, unknown>> | null | undefined;

/** The message a run gave up on, as `run.fail(error, { deadLetter })` takes it. */
export interface RunDeadLetter {
  /** The message's own id at its source (AMQP message-id, BullMQ job id…): the same message again is one dead letter. */
  messageId: string;
  source: DeadLetterSource;
  /**
   * The message body. JSON values are sent as they are (after a JSON round trip: Dates become
   * strings, undefined properties go); bytes (Buffer, Uint8Array, ArrayBuffer) as a base64 string
   * with the header `x-roundhouse-payload-encoding: base64`; `undefined` as `null`. See the README.
   */
  payload: unknown;
  /** Message headers (AMQP headers, job options…); values that are not strings are turned into strings. */
  headers?: Readonly<Record<string, DeadLetterHeaderValue>>;
  /** Deliveries tried before giving up, from 1. */
  attempts: number;
  /** When the message first failed. Default: when it is reported. */
  firstFailedAt?: Date | string;
  /** Set when a reprocess of an earlier dead letter failed again (the x-roundhouse-reprocess-id it carried). */
  reprocessId?: string;
}

/** What `roundhouse.deadLetter(automation, report)` takes. */
export interface DeadLetterReport extends RunDeadLetter {
  /** Why it was given up: any thrown value, turned into errorClass and errorMessage like `run.fail()`. */
  error: unknown;
  runId?: string;
  correlationId?: string;
}

/** The header that says how a payload was encoded to fit JSON. */
export const PAYLOAD_ENCODING_HEADER = 'x-roundhouse-payload-encoding';

/** Longest header value the contract takes. */
const MAX_HEADER_VALUE = 4000;

type JsonValue = DeadLetterV1['payload'];

interface EncodedPayload {
  payload: JsonValue;
  /** base64: bytes; inspect: a value JSON cannot hold (a cycle, a throwing toJSON), as readable text. */
  encoding?: 'base64' | 'inspect';
}

/** The fields of a `dead_letter` event (without id, automation, occurredAt, type). Never throws. */
export function deadLetterFields(
  report: RunDeadLetter & { runId?: string; correlationId?: string },
  error: { errorClass: string; errorMessage: string },
): Omit<DeadLetterV1, 'id' | 'automation' | 'occurredAt' | 'type'> {
  const { payload, encoding } = encodePayload(report.payload);
  const headers = encodeHeaders(report.headers);
  if (encoding !== undefined) {
    headers[PAYLOAD_ENCODING_HEADER] = encoding;
  }
  const firstFailedAt = isoTime(report.firstFailedAt);
  return {
    messageId: report.messageId,
    source: {
      kind: report.source.kind,
      queue: report.source.queue,
      ...(report.source.exchange === undefined ? {} : { exchange: report.source.exchange }),
      ...(report.source.routingKey === undefined ? {} : { routingKey: report.source.routingKey }),
    },
    payload,
    headers,
    ...error,
    attempts: report.attempts,
    ...(firstFailedAt === undefined ? {} : { firstFailedAt }),
    ...(report.runId === undefined ? {} : { runId: report.runId }),
    ...(report.correlationId === undefined ? {} : { correlationId: report.correlationId }),
    ...(report.reprocessId === undefined ? {} : { reprocessId: report.reprocessId }),
  };
}

/** Turns any message body into a JSON value; bytes become base64, what JSON cannot hold becomes readable text. */
export function encodePayload(value: unknown): EncodedPayload {
  if (value === undefined) {
    return { payload: null };
  }
  const bytes = bytesOf(value);
  if (bytes !== undefined) {
    return { payload: bytes.toString('base64'), encoding: 'base64' };
  }
  try {
    const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
    // JSON.stringify answers undefined for a function or a symbol at the top.
    return text === undefined ? { payload: printable(value), encoding: 'inspect' } : { payload: JSON.parse(text) as JsonValue };
  } catch {
    return { payload: printable(value), encoding: 'inspect' };
  }
}

function bytesOf(value: unknown): Buffer | undefined {
  if (value instanceof ArrayBuffer) {
    return Buffer.from(value);
  }
  if (ArrayBuffer.isView(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return undefined;
}

function encodeHeaders(headers: RunDeadLetter['headers']): Record<string, string> {
  const encoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) {
      encoded[name] = text.length > MAX_HEADER_VALUE ? `${text.slice(0, MAX_HEADER_VALUE - 1)}…` : text;
    }
  }
  return encoded;
}

function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return value.toString();
  }
  const bytes = bytesOf(value);
  if (bytes !== undefined) {
    return bytes.toString('utf8');
  }
  const { payload } = encodePayload(value);
  return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

function isoTime(value: Date | string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}

function printable(value: unknown): string {
  try {
    return inspect(value, { depth: 6, breakLength: Infinity, maxArrayLength: 200, maxStringLength: 10_000 });
  } catch {
    return 'a value that cannot be printed';
  }
}
