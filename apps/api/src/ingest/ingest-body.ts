import { AsyncResource } from 'node:async_hooks';
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { INGEST_MAX_BODY_BYTES, INGEST_MAX_EVENTS, INGEST_MAX_INFLATED_BYTES } from '@roundhouse/contracts';
import type { NextFunction, Request, Response } from 'express';
import { refusalFor } from '../common/http/refusal.js';
import { InputError, TooLargeError, UnsupportedMediaError } from '../errors/domain-errors.js';
import { deepestNesting, INGEST_MAX_NESTING } from './storable-json.js';

const MIB = 1024 * 1024;

/** A line of an NDJSON body that is not JSON; quarantined by itself, the rest of the batch goes on. */
export class UnparseableLine {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {}
}

/**
 * A report that another way in (OTLP) could not turn into an event: quarantined by itself with
 * `reason`, `payload` kept as received, unless the token does not cover `automation`.
 */
export class UnreadableReport {
  constructor(
    readonly reason: string,
    readonly payload: unknown,
    readonly automation: string | null,
    readonly id: string | null,
  ) {}
}

function tooLarge(): TooLargeError {
  return new TooLargeError(
    `The request body is larger than ${INGEST_MAX_BODY_BYTES / MIB} MiB (${INGEST_MAX_BODY_BYTES} bytes): send at most ${INGEST_MAX_EVENTS} events and ${INGEST_MAX_BODY_BYTES} bytes per request.`,
  );
}

/**
 * Reads the raw ingest body, refusing at once anything over the limit (by Content-Length, or while
 * reading when it is absent). Registered for /ingest and /v1/traces before any JSON parser.
 */
export function readIngestBody(request: Request, response: Response, next: NextFunction): void {
  // The body's events run outside the request's async context: go on inside it (its request id).
  const proceed = AsyncResource.bind(next);
  const declared = Number(request.headers['content-length'] ?? '0');
  const refuse = () => {
    const error = tooLarge();
    response.setHeader('connection', 'close');
    refusalFor(request)(response, 413, error.code, error.message);
  };
  if (declared > INGEST_MAX_BODY_BYTES) {
    refuse();
    request.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > INGEST_MAX_BODY_BYTES && !refused) {
      refused = true;
      refuse();
    } else if (!refused) {
      chunks.push(chunk);
    }
  });
  request.on('end', () => {
    if (!refused) {
      request.body = Buffer.concat(chunks);
      proceed();
    }
  });
  request.on('error', proceed);
}

/** The content codings ingest takes, at most one per request. */
const ACCEPTED_CODINGS = 'identity (none), gzip or deflate';

/** Whether the body starts with a zlib header (RFC 1950), as HTTP's deflate should; some clients send raw deflate (RFC 1951). */
function zlibWrapped(body: Buffer): boolean {
  const [cmf = 0, flg = 0] = body;
  return (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

/**
 * The body un-gzipped or inflated, at most INGEST_MAX_INFLATED_BYTES: zlib stops at the limit, so a
 * small bomb never grows in memory. Any other coding, or more than one, is refused with 415.
 */
export function decodeContentCoding(raw: Buffer, contentEncoding: string | undefined): Buffer {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0) {
    return raw;
  }
  const [coding] = codings;
  if (codings.length > 1 || (coding !== 'gzip' && coding !== 'x-gzip' && coding !== 'deflate')) {
    throw new UnsupportedMediaError(`The body's Content-Encoding is "${(contentEncoding ?? '').slice(0, 100)}": ingest takes ${ACCEPTED_CODINGS}, one coding per request.`);
  }
  const gzip = coding !== 'deflate';
  try {
    const options = { maxOutputLength: INGEST_MAX_INFLATED_BYTES };
    if (gzip) {
      return gunzipSync(raw, options);
    }
    if (zlibWrapped(raw)) {
      try {
        return inflateSync(raw, options);
      } catch (error) {
        if (error instanceof RangeError) {
          throw error;
        }
        // Raw deflate data that happens to start like a zlib header: read it as raw below.
      }
    }
    return inflateRawSync(raw, options);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new TooLargeError(`The body is larger than ${INGEST_MAX_INFLATED_BYTES / MIB} MiB (${INGEST_MAX_INFLATED_BYTES} bytes) once ${gzip ? 'un-gzipped' : 'inflated'}.`);
    }
    throw new InputError(`The body says Content-Encoding: ${coding} but is not ${gzip ? 'gzip' : 'deflate'} data.`, [
      { path: 'body', message: `${gzip ? 'gzip' : 'deflate'} data` },
    ]);
  }
}

/** The events of a request body, and whether the body's text rules out text PostgreSQL cannot store. */
export interface IngestBody {
  events: unknown[];
  /**
   * True when no event can hold a NUL or half a surrogate pair: JSON text decoded from UTF-8 can
   * only hold them as `\u` escapes, and the body has none (so the per-event check can be skipped).
   */
  textsStorable: boolean;
}

/** A `\u` escape of NUL or of a UTF-16 surrogate (either half); also matches an escaped backslash before such text, which only costs the per-event check. */
const UNSTORABLE_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** The events in a raw body: JSON array (or one object) or NDJSON; identity, gzip or deflate. */
export function parseIngestBody(body: unknown, contentType: string | undefined, contentEncoding: string | undefined): IngestBody {
  const raw = decodeContentCoding(Buffer.isBuffer(body) ? body : Buffer.alloc(0), contentEncoding);
  const text = raw.toString('utf8');
  const ndjson = contentType?.includes('ndjson') === true;
  const nesting = deepestNesting(text, ndjson);
  if (nesting > INGEST_MAX_NESTING) {
    throw new InputError(`The body nests arrays and objects ${nesting} levels deep; at most ${INGEST_MAX_NESTING} levels are allowed.`, [
      { path: 'body', message: `at most ${INGEST_MAX_NESTING} levels of nesting` },
    ]);
  }
  let events: unknown[];
  if (ndjson) {
    events = text
      .split('\n')
      .map((line, index) => ({ line: line.trim(), index }))
      .filter(({ line }) => line !== '')
      .map(({ line, index }) => {
        try {
          return JSON.parse(line) as unknown;
        } catch {
          return new UnparseableLine(index + 1, line.slice(0, 200));
        }
      });
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InputError('The body is not JSON: send a JSON array of events, or NDJSON with Content-Type: application/x-ndjson.', [
        { path: 'body', message: 'a JSON array of events' },
      ]);
    }
    events = Array.isArray(parsed) ? parsed : [parsed];
  }
  if (events.length > INGEST_MAX_EVENTS) {
    throw new TooLargeError(`The batch holds ${events.length} events; at most ${INGEST_MAX_EVENTS} are allowed per request.`);
  }
  return { events, textsStorable: !UNSTORABLE_ESCAPE.test(text) };
}
