import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { INGEST_MAX_BODY_BYTES, INGEST_MAX_INFLATED_BYTES, type IngestEventResult, type IngestOutcome, type IngestResponse } from '@roundhouse/contracts';
import type { SdkEvent } from './attempt-batch.js';
import { parseRetryAfter } from './backoff.js';

const gzip = promisify(gzipCallback);

/** The longest excerpt of an error body kept for a diagnostic. */
const DETAIL_CHARS = 300;

/** Sent with every request of the SDK. */
export const SDK_USER_AGENT = 'roundhouse-sdk/0.1.0';

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
  /** Network error, timeout, 5xx, 408 or 429: worth another attempt; `retryAfterMs` from Retry-After on 429/503. */
  | { kind: 'retryable'; status?: number; retryAfterMs?: number; error: string }
  /** 413: the body passed a limit. */
  | { kind: 'too_large'; detail?: string }
  /** 401: the token is missing, unknown, expired or revoked. */
  | { kind: 'unauthorized'; detail?: string }
  /** Any other 4xx, or a 3xx (redirects are not followed): retrying the same body cannot help. */
  | { kind: 'rejected'; status: number; detail?: string };

export interface IngestRequest {
  endpoint: string;
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** Aborts the request for good (shutdown deadline). */
  signal: AbortSignal;
  now: () => Date;
}

/** POSTs one batch and classifies the answer. Never throws. */
export async function sendBatch(batch: EncodedBatch, request: IngestRequest): Promise<SendOutcome> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${request.token}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': SDK_USER_AGENT,
  };
  if (batch.gzipped) {
    headers['content-encoding'] = 'gzip';
  }
  try {
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(request.timeoutMs)]);
    // No redirects: the token must not follow one to another host, and an ingest url that redirects is a setting to fix.
    // A copy typed over a plain ArrayBuffer satisfies both Node's and the DOM's BodyInit.
    const response = await request.fetch(request.endpoint, { method: 'POST', headers, body: new Uint8Array(batch.body), signal, redirect: 'manual' });
    const text = await response.text();
    return classify(response.status, response.headers, text, request.now());
  } catch (error) {
    return { kind: 'retryable', error: networkErrorText(error) };
  }
}

function classify(status: number, headers: Headers, text: string, now: Date): SendOutcome {
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
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), now) : undefined;
    const error = `HTTP ${status}${text === '' ? '' : `: ${excerpt(text)}`}`;
    return retryAfterMs === undefined ? { kind: 'retryable', status, error } : { kind: 'retryable', status, retryAfterMs, error };
  }
  const perEvent = parseIngestResponse(text);
  if (perEvent !== undefined && perEvent.results.length > 0) {
    return { kind: 'delivered', status, response: perEvent }; // e.g. 403 when every event was forbidden: the outcomes say it all
  }
  if (status >= 300 && status < 400) {
    return { kind: 'rejected', status, detail: `a redirect to ${headers.get('location') ?? 'an unnamed location'}; set url to where the api answers` };
  }
  return { kind: 'rejected', status, detail: excerpt(text) };
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

/** The start of an error body, for a diagnostic; undefined when it is empty. */
export function excerpt(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return undefined;
  }
  return trimmed.length > DETAIL_CHARS ? `${trimmed.slice(0, DETAIL_CHARS)}…` : trimmed;
}

/** "fetch failed" says little: name the cause (ECONNREFUSED, socket hang up, timeout). */
export function networkErrorText(error: unknown): string {
  if (!(error instanceof Error)) {
    return String(error);
  }
  if (error.name === 'TimeoutError') {
    return 'the request timed out';
  }
  if (error.name === 'AbortError') {
    return 'the request was aborted';
  }
  const cause: unknown = error.cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return `${error.message}: ${typeof code === 'string' ? `${code} ` : ''}${cause.message}`.trim();
  }
  return error.message;
}
