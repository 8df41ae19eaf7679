import { AsyncResource } from 'node:async_hooks';
import { gunzipSync } from 'node:zlib';
import { INGEST_MAX_BODY_BYTES, INGEST_MAX_EVENTS, INGEST_MAX_INFLATED_BYTES } from '@roundhouse/contracts';
import type { NextFunction, Request, Response } from 'express';
import { InputError, TooLargeError } from '../errors/domain-errors.js';
import { deepestNesting, INGEST_MAX_NESTING } from './storable-json.js';

const MIB = 1024 * 1024;

/** A line of an NDJSON body that is not JSON; quarantined by itself, the rest of the batch goes on. */
export class UnparseableLine {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {}
}

function tooLarge(): TooLargeError {
  return new TooLargeError(`The request body is larger than ${INGEST_MAX_BODY_BYTES / MIB} MiB (${INGEST_MAX_BODY_BYTES} bytes): send at most ${INGEST_MAX_EVENTS} events and ${INGEST_MAX_BODY_BYTES} bytes per request.`);
}

/**
 * Reads the raw ingest body, refusing at once anything over the limit (by Content-Length, or while
 * reading when it is absent). Registered for /ingest before any JSON parser.
 */
export function readIngestBody(request: Request, response: Response, next: NextFunction): void {
  // The body's events run outside the request's async context: go on inside it (its request id).
  const proceed = AsyncResource.bind(next);
  const declared = Number(request.headers['content-length'] ?? '0');
  const refuse = () => {
    const error = tooLarge();
    response.status(413).setHeader('connection', 'close');
    response.json({ error: { code: error.code, message: error.message } });
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

/** The events in a raw body: JSON array (or one object) or NDJSON, gzip or not. */
export function parseIngestBody(body: unknown, contentType: string | undefined, contentEncoding: string | undefined): unknown[] {
  let raw = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  if (contentEncoding?.toLowerCase().includes('gzip') === true) {
    try {
      raw = gunzipSync(raw, { maxOutputLength: INGEST_MAX_INFLATED_BYTES });
    } catch (error) {
      if (error instanceof RangeError) {
        throw new TooLargeError(`The body is larger than ${INGEST_MAX_INFLATED_BYTES / MIB} MiB (${INGEST_MAX_INFLATED_BYTES} bytes) once un-gzipped.`);
      }
      throw new InputError('The body says Content-Encoding: gzip but is not gzip.', [{ path: 'body', message: 'gzip data' }]);
    }
  }
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
      throw new InputError('The body is not JSON: send a JSON array of events, or NDJSON with Content-Type: application/x-ndjson.', [{ path: 'body', message: 'a JSON array of events' }]);
    }
    events = Array.isArray(parsed) ? parsed : [parsed];
  }
  if (events.length > INGEST_MAX_EVENTS) {
    throw new TooLargeError(`The batch holds ${events.length} events; at most ${INGEST_MAX_EVENTS} are allowed per request.`);
  }
  return events;
}
