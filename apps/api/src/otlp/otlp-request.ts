import { INGEST_MAX_EVENTS } from '@roundhouse/contracts';
import { z } from 'zod';
import { InputError, TooLargeError, UnsupportedMediaError } from '../errors/domain-errors.js';
import { deepestNesting, INGEST_MAX_NESTING } from '../ingest/index.js';
import { decodeTraceRequest, type DecodedAnyValue, type DecodedKeyValue, type DecodedLong, type DecodedSpan } from './otlp-proto.js';

/** OTLP/HTTP's two encodings; the answer is written in the request's. */
export type OtlpEncoding = 'protobuf' | 'json';

/** An attribute value as JSON can hold it: 64-bit integers beyond 2^53 stay exact as decimal strings. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };
export type Attributes = Record<string, AttributeValue>;

/** One span as Roundhouse reads it, from either encoding. Ids are lowercase hex; times are nanoseconds since 1970. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  /** Span flags: bit 8 says whether bit 9 (the parent is remote) is known. */
  flags: number;
  name: string;
  startNanos: bigint;
  endNanos: bigint;
  /** 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string;
  attributes: Attributes;
  events: { name: string; attributes: Attributes }[];
  resource: Attributes;
  /** What could not be read (a time that is not a number); the span is quarantined with these. */
  problems: string[];
}

const PROTOBUF_TYPES = new Set(['application/x-protobuf', 'application/protobuf']);

/** The encoding a Content-Type names, or undefined when OTLP/HTTP has none by that name. */
export function encodingOf(contentType: string | undefined): OtlpEncoding | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (PROTOBUF_TYPES.has(type)) {
    return 'protobuf';
  }
  return type === 'application/json' ? 'json' : undefined;
}

export function requireEncoding(contentType: string | undefined): OtlpEncoding {
  const encoding = encodingOf(contentType);
  if (encoding === undefined) {
    throw new UnsupportedMediaError(
      `The body's Content-Type is "${(contentType ?? '').slice(0, 100)}": /v1/traces takes an OTLP ExportTraceServiceRequest as application/x-protobuf or application/json.`,
    );
  }
  return encoding;
}

/** Deeper attribute values than this are kept as a note, not followed (a kvlist inside a kvlist…). */
const MAX_VALUE_DEPTH = 8;
const TOO_DEEP = `[nested deeper than ${MAX_VALUE_DEPTH} levels]`;
const MAX_UINT64 = (1n << 64n) - 1n;

const hex = (bytes: Uint8Array | null) => (bytes === null ? '' : Buffer.from(bytes).toString('hex'));

/** A 64-bit integer as an exact JavaScript value: a number while it is safe, else its decimal string. */
function exactInteger(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function longToBigInt(value: DecodedLong | number | null): bigint {
  if (value === null) {
    return 0n;
  }
  return typeof value === 'number' ? BigInt(Math.trunc(value)) : BigInt(value.toString());
}

function protobufValue(value: DecodedAnyValue | null | undefined, depth: number): AttributeValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (depth > MAX_VALUE_DEPTH) {
    return TOO_DEEP;
  }
  if (value.stringValue !== null && value.stringValue !== undefined) {
    return value.stringValue;
  }
  if (value.boolValue !== null && value.boolValue !== undefined) {
    return value.boolValue;
  }
  if (value.intValue !== null && value.intValue !== undefined) {
    return exactInteger(longToBigInt(value.intValue));
  }
  if (value.doubleValue !== null && value.doubleValue !== undefined) {
    return Number.isFinite(value.doubleValue) ? value.doubleValue : String(value.doubleValue);
  }
  if (value.arrayValue !== null && value.arrayValue !== undefined) {
    return value.arrayValue.values.map((v) => protobufValue(v, depth + 1));
  }
  if (value.kvlistValue !== null && value.kvlistValue !== undefined) {
    return protobufAttributes(value.kvlistValue.values, depth + 1);
  }
  if (value.bytesValue !== null && value.bytesValue !== undefined) {
    return Buffer.from(value.bytesValue).toString('base64');
  }
  return null;
}

function protobufAttributes(list: readonly DecodedKeyValue[], depth = 0): Attributes {
  const attributes: Attributes = {};
  for (const { key, value } of list) {
    attributes[key ?? ''] = protobufValue(value, depth);
  }
  return attributes;
}

function fromProtobufSpan(span: DecodedSpan, resource: Attributes): OtlpSpan {
  return {
    traceId: hex(span.traceId),
    spanId: hex(span.spanId),
    parentSpanId: hex(span.parentSpanId),
    flags: span.flags ?? 0,
    name: span.name ?? '',
    startNanos: longToBigInt(span.startTimeUnixNano),
    endNanos: longToBigInt(span.endTimeUnixNano),
    statusCode: span.status?.code ?? 0,
    statusMessage: span.status?.message ?? '',
    attributes: protobufAttributes(span.attributes),
    events: span.events.map((event) => ({ name: event.name ?? '', attributes: protobufAttributes(event.attributes) })),
    resource,
    problems: [],
  };
}

function readProtobuf(body: Buffer): OtlpSpan[] {
  let request;
  try {
    request = decodeTraceRequest(body);
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw new InputError(`The body is not an OTLP ExportTraceServiceRequest in protobuf (${why}).`, [{ path: 'body', message: 'an ExportTraceServiceRequest, protobuf-encoded' }]);
  }
  return request.resourceSpans.flatMap((rs) => {
    const resource = protobufAttributes(rs.resource?.attributes ?? []);
    return rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => fromProtobufSpan(span, resource)));
  });
}

// OTLP/JSON (the protobuf JSON mapping with OTLP's exceptions): lowerCamelCase field names (the
// proto's snake_case names are read too), ids as hex, 64-bit integers as decimal strings or
// numbers, enums as integers. Unknown fields are skipped.

const snakeToCamel = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Field names in lowerCamelCase at every depth (attribute keys are values, never renamed). */
function camelized(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(camelized);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeToCamel(k), camelized(v)]));
  }
  return value;
}

const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullish()
    .transform((v) => v ?? []);
const jsonKeyValue = z.looseObject({ key: z.string(), value: z.unknown().optional() });
const jsonRequest = z.looseObject({
  resourceSpans: list(
    z.looseObject({
      resource: z.looseObject({ attributes: list(jsonKeyValue) }).nullish(),
      scopeSpans: list(z.looseObject({ spans: list(z.unknown()) })),
    }),
  ),
});

const STATUS_CODES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

function jsonValue(value: unknown, depth: number): AttributeValue {
  if (value === null || typeof value !== 'object') {
    return null;
  }
  if (depth > MAX_VALUE_DEPTH) {
    return TOO_DEEP;
  }
  const v = value as Record<string, unknown>;
  if (typeof v.stringValue === 'string' || typeof v.boolValue === 'boolean' || typeof v.doubleValue === 'number') {
    return (v.stringValue ?? v.boolValue ?? v.doubleValue) as AttributeValue;
  }
  if (typeof v.intValue === 'string' && /^-?\d{1,20}$/.test(v.intValue)) {
    return exactInteger(BigInt(v.intValue));
  }
  if (typeof v.intValue === 'number' || typeof v.doubleValue === 'string') {
    return (v.intValue ?? v.doubleValue) as AttributeValue;
  }
  const nested = (x: unknown) => (x !== null && typeof x === 'object' && Array.isArray((x as { values?: unknown }).values) ? (x as { values: unknown[] }).values : undefined);
  const array = nested(v.arrayValue);
  if (array !== undefined) {
    return array.map((item) => jsonValue(item, depth + 1));
  }
  const kvlist = nested(v.kvlistValue);
  if (kvlist !== undefined) {
    return jsonAttributes(kvlist, depth + 1);
  }
  return typeof v.bytesValue === 'string' ? v.bytesValue : null;
}

function jsonAttributes(items: readonly unknown[], depth = 0): Attributes {
  const attributes: Attributes = {};
  for (const item of items) {
    const parsed = jsonKeyValue.safeParse(item);
    if (parsed.success) {
      attributes[parsed.data.key] = jsonValue(parsed.data.value, depth);
    }
  }
  return attributes;
}

/** A uint64 nanosecond time from JSON (a decimal string, or a number), exactly; undefined when it is none. */
function jsonNanos(value: unknown): bigint | undefined {
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    const nanos = BigInt(value);
    return nanos <= MAX_UINT64 ? nanos : undefined;
  }
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function fromJsonSpan(raw: unknown, resource: Attributes, path: string): OtlpSpan {
  const span = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const nanos = (field: string) => {
    const value = jsonNanos(span[field]);
    if (value === undefined) {
      problems.push(
        `${path}.${field}: found ${JSON.stringify(span[field] ?? null)?.slice(0, 60)}; allowed: nanoseconds since 1970 as a decimal string, e.g. "1796614495253000000"`,
      );
    }
    return value ?? 0n;
  };
  const status = span.status !== null && typeof span.status === 'object' ? (span.status as Record<string, unknown>) : {};
  const code = typeof status.code === 'number' ? status.code : (STATUS_CODES[text(status.code)] ?? 0);
  const events = Array.isArray(span.events) ? span.events : [];
  const attributesOf = (x: unknown) => jsonAttributes(Array.isArray(x) ? x : []);
  return {
    traceId: text(span.traceId).toLowerCase(),
    spanId: text(span.spanId).toLowerCase(),
    parentSpanId: text(span.parentSpanId).toLowerCase(),
    flags: typeof span.flags === 'number' ? span.flags : 0,
    name: text(span.name),
    startNanos: nanos('startTimeUnixNano'),
    endNanos: nanos('endTimeUnixNano'),
    statusCode: code,
    statusMessage: text(status.message),
    attributes: attributesOf(span.attributes),
    events: events.map((e: unknown) => {
      const event = e !== null && typeof e === 'object' ? (e as Record<string, unknown>) : {};
      return { name: text(event.name), attributes: attributesOf(event.attributes) };
    }),
    resource,
    problems,
  };
}

function readJson(body: Buffer): OtlpSpan[] {
  const source = body.toString('utf8');
  const nesting = deepestNesting(source, false);
  if (nesting > INGEST_MAX_NESTING) {
    throw new InputError(`The body nests arrays and objects ${nesting} levels deep; at most ${INGEST_MAX_NESTING} levels are allowed.`, [
      { path: 'body', message: `at most ${INGEST_MAX_NESTING} levels of nesting` },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    throw new InputError('The body is not JSON: send an OTLP ExportTraceServiceRequest in OTLP/JSON, or in protobuf with Content-Type: application/x-protobuf.', [
      { path: 'body', message: 'an ExportTraceServiceRequest in JSON' },
    ]);
  }
  const request = jsonRequest.safeParse(camelized(parsed));
  if (!request.success) {
    const [issue] = request.error.issues;
    const where = issue === undefined ? 'body' : issue.path.join('.') || 'body';
    throw new InputError(`The body is not an OTLP ExportTraceServiceRequest: ${where}: ${issue?.message ?? 'unexpected shape'}.`, [
      { path: where, message: issue?.message ?? 'an ExportTraceServiceRequest' },
    ]);
  }
  return request.data.resourceSpans.flatMap((rs, r) => {
    const resource = jsonAttributes(rs.resource?.attributes ?? []);
    return rs.scopeSpans.flatMap((ss, s) => ss.spans.map((span, i) => fromJsonSpan(span, resource, `resourceSpans.${r}.scopeSpans.${s}.spans.${i}`)));
  });
}

/** The spans of an (already un-gzipped) ExportTraceServiceRequest, in order, at most INGEST_MAX_EVENTS. */
export function readTraceRequest(body: Buffer, encoding: OtlpEncoding): OtlpSpan[] {
  const spans = encoding === 'protobuf' ? readProtobuf(body) : readJson(body);
  if (spans.length > INGEST_MAX_EVENTS) {
    throw new TooLargeError(`The request holds ${spans.length} spans; at most ${INGEST_MAX_EVENTS} are allowed per request (lower the exporter's batch size).`);
  }
  return spans;
}
