import { parseRetryAfter } from './backoff.js';
import { detailOf } from './diagnostics.js';

/** The longest excerpt of an error body kept for a diagnostic. */
const DETAIL_CHARS = 300;

/** Sent with every request of the SDK. */
export const SDK_USER_AGENT = 'roundhouse-sdk/0.1.0';

/** How the SDK reaches the api, for every request it sends (ingest, claims, acks). */
export interface ApiRequest {
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  /** The clock Retry-After dates are counted from. */
  now: () => Date;
}

/** An answer of the api, its body read whole. */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/** Network error, timeout, 5xx, 408 or 429: worth another attempt; `retryAfterMs` from Retry-After on 429/503. */
export interface RetryableOutcome {
  kind: 'retryable';
  status?: number;
  retryAfterMs?: number;
  error: string;
}

/** Any other 4xx, or a 3xx (redirects are not followed): the same request cannot succeed. */
export interface RejectedOutcome {
  kind: 'rejected';
  status: number;
  detail?: string;
}

/**
 * POSTs `body` as JSON to `url` with the Bearer token (and `headers`), aborted by `signal` or after
 * `timeoutMs`, and reads the answer whole. Never follows a redirect: the token must not follow one
 * to another host, and a url that redirects is a setting to fix. A network error, a timeout or an
 * abort comes back as a retryable outcome; never throws.
 */
/** `body`: a string, or bytes over a plain ArrayBuffer (which both Node's and the DOM's BodyInit take). */
export async function postToApi(
  url: string,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  request: ApiRequest,
  signal: AbortSignal,
): Promise<ApiAnswer | RetryableOutcome> {
  const allHeaders = {
    authorization: `Bearer ${request.token}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': SDK_USER_AGENT,
    ...headers,
  };
  try {
    const response = await request.fetch(url, {
      method: 'POST',
      headers: allHeaders,
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(request.timeoutMs)]),
      redirect: 'manual',
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    return { kind: 'retryable', error: networkErrorText(error) };
  }
}

/** 408, 429 and 5xx are worth another attempt (after what Retry-After asks for on 429 and 503); undefined for any other status. */
export function retryableAnswer({ status, headers, text }: ApiAnswer, now: Date): RetryableOutcome | undefined {
  if (status !== 408 && status !== 429 && status < 500) {
    return undefined;
  }
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), now) : undefined;
  const error = `HTTP ${status}${text === '' ? '' : `: ${excerpt(text)}`}`;
  return retryAfterMs === undefined ? { kind: 'retryable', status, error } : { kind: 'retryable', status, retryAfterMs, error };
}

/** An answer no retry can help, with what it says: where a redirect points, or the start of the body. */
export function rejectedAnswer({ status, headers, text }: ApiAnswer): RejectedOutcome {
  if (status >= 300 && status < 400) {
    return { kind: 'rejected', status, detail: `a redirect to ${headers.get('location') ?? 'an unnamed location'}; set url to where the api answers` };
  }
  return { kind: 'rejected', status, ...detailOf(excerpt(text)) };
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
