import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { INGEST_MAX_BODY_BYTES, INGEST_MAX_INFLATED_BYTES, type IngestEventResult, type IngestOutcome, type IngestResponse } from '@roundhouse/contracts';
import type { SdkEvent } from './attempt-batch.js';
import { excerpt, postToApi, rejectedAnswer, retryableAnswer, type ApiAnswer, type ApiRequest, type RejectedOutcome, type RetryableOutcome } from './api-request.js';

const gzip = promisify(gzipCallback);

/** One request body, ready to send. */
export interface EncodedBatch {
  body: Uint8Array;
  /** Bytes of the JSON before compression. */
  inflatedBytes: number;
  gzipped: boolean;
}

/** A body within the protocol's limits (INGEST_MAX_BODY_BYTES as sent, INGEST_MAX_INFLATED_BYTES un-gzipped). */
export function fitsIngestLimits(batch: EncodedBatch): boolean {
  return batch.body.byteLength <= INGEST_MAX_BODY_BYTES && batch.inflatedBytes <= INGEST_MAX_INFLATED_BYTES;
}

/** Serialises events as a JSON array, gzipped when asked. */
export async function encodeBatch(events: readonly SdkEvent[], compress: boolean): Promise<EncodedBatch> {
  const json = Buffer.from(JSON.stringify(events), 'utf8');
  if (!compress) {
    return { body: json, inflatedBytes: json.byteLength, gzipped: false };
  }
  return { body: await gzip(json), inflatedBytes: json.byteLength, gzipped: true };
}

/** What one request came to, as far as retrying is concerned. */
export type SendOutcome =
  /** 2xx, or another 4xx that carries per-event results (403 when all are forbidden): the api took the batch; `response` is its per-event answer when readable. */
  | { kind: 'delivered'; status: number; response: IngestResponse | undefined; detail?: string }
  | RetryableOutcome
  /** 413: the body passed a limit. */
  | { kind: 'too_large'; detail?: string }
  /** 401: the token is missing, unknown, expired or revoked. */
  | { kind: 'unauthorized'; detail?: string }
  /** Any other 4xx, or a 3xx (redirects are not followed): retrying the same body cannot help. */
  | RejectedOutcome;

export interface IngestRequest extends ApiRequest {
  /** `<apiUrl>/ingest/v2/events`. */
  endpoint: string;
  /** Aborts the request for good (shutdown deadline). */
  signal: AbortSignal;
}

/** POSTs one batch and classifies the answer. Never throws. */
export async function sendBatch(batch: EncodedBatch, request: IngestRequest): Promise<SendOutcome> {
  // A copy typed over a plain ArrayBuffer satisfies both Node's and the DOM's BodyInit.
  const answer = await postToApi(request.endpoint, new Uint8Array(batch.body), batch.gzipped ? { 'content-encoding': 'gzip' } : {}, request, request.signal);
  return 'kind' in answer ? answer : classify(answer, request.now());
}

function classify(answer: ApiAnswer, now: Date): SendOutcome {
  const { status, text } = answer;
  if (status >= 200 && status < 300) {
    const response = parseIngestResponse(text);
    return response === undefined ? { kind: 'delivered', status, response, detail: excerpt(text) } : { kind: 'delivered', status, response };
  }
  if (status === 401) {
    return { kind: 'unauthorized', detail: excerpt(text) };
  }
  if (status === 413) {
    return { kind: 'too_large', detail: excerpt(text) };
  }
  const retryable = retryableAnswer(answer, now);
  if (retryable !== undefined) {
    return retryable;
  }
  const perEvent = parseIngestResponse(text);
  if (perEvent !== undefined && perEvent.results.length > 0) {
    return { kind: 'delivered', status, response: perEvent }; // e.g. 403 when every event was forbidden: the outcomes say it all
  }
  return rejectedAnswer(answer);
}

const OUTCOMES: ReadonlySet<string> = new Set<IngestOutcome>(['accepted', 'duplicate', 'quarantined', 'forbidden']);

/** The api's per-event answer, when the body is one; results the SDK cannot read are left out. */
export function parseIngestResponse(text: string): IngestResponse | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(body) || !Array.isArray(body['results'])) {
    return undefined;
  }
  const results = body['results'].filter(isEventResult);
  return {
    accepted: numberOr(body['accepted'], 0),
    duplicates: numberOr(body['duplicates'], 0),
    quarantined: numberOr(body['quarantined'], 0),
    forbidden: numberOr(body['forbidden'], 0),
    results,
  };
}

function isEventResult(value: unknown): value is IngestEventResult {
  return isRecord(value) && typeof value['index'] === 'number' && typeof value['outcome'] === 'string' && OUTCOMES.has(value['outcome']);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
