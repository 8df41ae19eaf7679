import { parseRetryAfter } from './backoff.js';
import { SDK_USER_AGENT, excerpt, networkErrorText } from './ingest-transport.js';

/**
 * The two requests of the reprocess-command pull protocol (`POST /ingest/v1/commands/claim` and
 * `/ack`, see @roundhouse/contracts), classified for the puller the way ingest answers are
 * classified for the sender.
 */
export type CommandsOutcome =
  /** 2xx: `body` is the parsed JSON body, undefined when the body is not JSON. */
  | { kind: 'ok'; status: number; body: unknown; detail?: string }
  /** Network error, timeout, 5xx, 408 or 429: try again later; `retryAfterMs` from Retry-After on 429/503. */
  | { kind: 'retryable'; status?: number; retryAfterMs?: number; error: string }
  /** 401: the token is missing, unknown, expired or revoked. */
  | { kind: 'unauthorized'; detail?: string }
  /** 403: the token lacks the `commands` capability, or does not cover an automation asked for. */
  | { kind: 'forbidden'; detail?: string }
  /** Any other 4xx, or a 3xx (redirects are not followed): the same request cannot succeed. */
  | { kind: 'rejected'; status: number; detail?: string };

export interface CommandsRequest {
  token: string;
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
}

/** POSTs `payload` as JSON to `url` and classifies the answer. Never throws. */
export async function postCommands(url: string, payload: unknown, request: CommandsRequest, signal: AbortSignal): Promise<CommandsOutcome> {
  const headers = {
    authorization: `Bearer ${request.token}`,
    'content-type': 'application/json',
    accept: 'application/json',
    'user-agent': SDK_USER_AGENT,
  };
  try {
    const body = JSON.stringify(payload);
    const response = await request.fetch(url, { method: 'POST', headers, body, signal: AbortSignal.any([signal, AbortSignal.timeout(request.timeoutMs)]), redirect: 'manual' });
    const text = await response.text();
    return classify(response.status, response.headers, text, request.now());
  } catch (error) {
    return { kind: 'retryable', error: networkErrorText(error) };
  }
}

function classify(status: number, headers: Headers, text: string, now: Date): CommandsOutcome {
  if (status >= 200 && status < 300) {
    const body = parseJson(text);
    return body === undefined ? { kind: 'ok', status, body, ...detailOf(excerpt(text)) } : { kind: 'ok', status, body };
  }
  if (status === 401) {
    return { kind: 'unauthorized', ...detailOf(excerpt(text)) };
  }
  if (status === 403) {
    return { kind: 'forbidden', ...detailOf(excerpt(text)) };
  }
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(headers.get('retry-after'), now) : undefined;
    const error = `HTTP ${status}${text === '' ? '' : `: ${excerpt(text)}`}`;
    return retryAfterMs === undefined ? { kind: 'retryable', status, error } : { kind: 'retryable', status, retryAfterMs, error };
  }
  if (status >= 300 && status < 400) {
    return { kind: 'rejected', status, detail: `a redirect to ${headers.get('location') ?? 'an unnamed location'}; set url to where the api answers` };
  }
  return { kind: 'rejected', status, ...detailOf(excerpt(text)) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function detailOf(detail: string | undefined): { detail?: string } {
  return detail === undefined ? {} : { detail };
}
