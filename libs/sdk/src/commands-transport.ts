import { excerpt, postToApi, rejectedAnswer, retryableAnswer, type ApiAnswer, type ApiRequest, type RejectedOutcome, type RetryableOutcome } from './api-request.js';
import type { ResolvedClientOptions } from './client-options.js';
import { detailOf } from './diagnostics.js';

/**
 * The two requests of the reprocess-command pull protocol (`POST /ingest/v1/commands/claim` and
 * `/ack`, see @roundhouse/contracts), classified for the puller the way ingest answers are
 * classified for the sender.
 */
export type CommandsOutcome =
  /** 2xx: `body` is the parsed JSON body, undefined when the body is not JSON. */
  | { kind: 'ok'; status: number; body: unknown; detail?: string }
  /** Network error, timeout, 5xx, 408 or 429: try again later; `retryAfterMs` from Retry-After on 429/503. */
  | RetryableOutcome
  /** 401: the token is missing, unknown, expired or revoked. */
  | { kind: 'unauthorized'; detail?: string }
  /** 403: the token lacks the `commands` capability, or does not cover an automation asked for. */
  | { kind: 'forbidden'; detail?: string }
  /** Any other 4xx, or a 3xx (redirects are not followed): the same request cannot succeed. */
  | RejectedOutcome;

export interface CommandsRequest extends ApiRequest {
  /** The api's base URL: the protocol's paths go after it. */
  apiUrl: string;
}

/** The request options of the pull protocol for a client with these options. */
export function commandsRequest({ apiUrl, token, fetch, requestTimeoutMs, clock }: ResolvedClientOptions): CommandsRequest {
  return { apiUrl, token, fetch, timeoutMs: requestTimeoutMs, now: clock };
}

/** POSTs `payload` as JSON to `path` under the api's url and classifies the answer. Never throws. */
export async function postCommands(path: string, payload: unknown, request: CommandsRequest, signal: AbortSignal): Promise<CommandsOutcome> {
  const answer = await postToApi(`${request.apiUrl}${path}`, JSON.stringify(payload), {}, request, signal);
  return 'kind' in answer ? answer : classify(answer, request.now());
}

function classify(answer: ApiAnswer, now: Date): CommandsOutcome {
  const { status, text } = answer;
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
  return retryableAnswer(answer, now) ?? rejectedAnswer(answer);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
