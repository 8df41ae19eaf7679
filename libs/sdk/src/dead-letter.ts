import { inspect } from 'node:util';
import type { DeadLetterV1, MessageBodyV1 } from '@roundhouse/contracts';
import { stringify as stringifyLossless } from 'lossless-json';

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
   * The message body. Pass the bytes you received (Buffer, Uint8Array, ArrayBuffer) or the text
   * (a string) to have them kept and sent back on reprocess byte for byte; a JSON value is written as
   * JSON (bigints and lossless-json numbers as their digits, Dates as ISO strings, undefined
   * properties left out); `undefined` as JSON `null`. See the README.
   */
  payload: unknown;
  /** The content type the message came with (AMQP content-type, HTTP Content-Type). Default for a JSON value: application/json. */
  contentType?: string;
  /** The content encoding the message came with (e.g. gzip): the bytes are kept as they are, still encoded. */
  contentEncoding?: string;
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

/**
 * The header older SDKs set to say how a payload was encoded to fit JSON. Bodies now travel as bytes
 * (`body`), so it is no longer set; the api still reads it on reports from older SDKs.
 * @deprecated Nothing sets it any more; kept for code that reads reports from older SDKs.
 */
export const PAYLOAD_ENCODING_HEADER = 'x-roundhouse-payload-encoding';

/** Longest header value the contract takes. */
const MAX_HEADER_VALUE = 4000;

/** The fields of a `dead_letter` event (without id, automation, occurredAt, type). Never throws. */
export function deadLetterFields(
  report: RunDeadLetter & { runId?: string; correlationId?: string },
  error: { errorClass: string; errorMessage: string },
): Omit<DeadLetterV1, 'id' | 'automation' | 'occurredAt' | 'type'> {
  const body = encodeBody(report.payload, report.contentType, report.contentEncoding);
  const headers = encodeHeaders(report.headers);
  const firstFailedAt = isoTime(report.firstFailedAt);
  return {
    messageId: report.messageId,
    source: {
      kind: report.source.kind,
      queue: report.source.queue,
      ...(report.source.exchange === undefined ? {} : { exchange: report.source.exchange }),
      ...(report.source.routingKey === undefined ? {} : { routingKey: report.source.routingKey }),
    },
    body,
    headers,
    ...error,
    attempts: report.attempts,
    ...(firstFailedAt === undefined ? {} : { firstFailedAt }),
    ...(report.runId === undefined ? {} : { runId: report.runId }),
    ...(report.correlationId === undefined ? {} : { correlationId: report.correlationId }),
    ...(report.reprocessId === undefined ? {} : { reprocessId: report.reprocessId }),
  };
}

const JSON_CONTENT_TYPE = 'application/json';
const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/**
 * Any message body as bytes with its content type and encoding: bytes and strings as they are, a JSON
 * value as JSON text (numbers as their digits), and what JSON cannot hold (a cycle, a function) as
 * readable text. Never throws.
 */
export function encodeBody(value: unknown, contentType?: string, contentEncoding?: string): MessageBodyV1 {
  const properties = (fallback: string | undefined) => {
    const type = contentType ?? fallback;
    return { ...(type === undefined ? {} : { contentType: type }), ...(contentEncoding === undefined ? {} : { contentEncoding }) };
  };
  const bytes = bytesOf(value);
  if (bytes !== undefined) {
    return { base64: bytes.toString('base64'), ...properties(undefined) };
  }
  if (typeof value === 'string') {
    return { base64: Buffer.from(value, 'utf8').toString('base64'), ...properties(undefined) };
  }
  const text = jsonText(value);
  return text === undefined
    ? { base64: Buffer.from(printable(value), 'utf8').toString('base64'), ...properties(TEXT_CONTENT_TYPE) }
    : { base64: Buffer.from(text, 'utf8').toString('base64'), ...properties(JSON_CONTENT_TYPE) };
}

/** The value as JSON text (bigints and lossless-json numbers as their digits), or undefined when JSON cannot hold it. */
function jsonText(value: unknown): string | undefined {
  if (value === undefined) {
    return 'null';
  }
  try {
    // stringify answers undefined for a function or a symbol at the top.
    return stringifyLossless(value) ?? undefined;
  } catch {
    return undefined;
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
  return jsonText(value) ?? printable(value);
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
