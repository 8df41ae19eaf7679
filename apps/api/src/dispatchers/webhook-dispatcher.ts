import { REPROCESS_ID_HEADER, REPROCESS_SIGNATURE_HEADER, REPROCESS_TIMESTAMP_HEADER } from '@roundhouse/contracts';
import type { DispatchMessage, DispatchOutcome, Dispatcher, WebhookTarget } from './dispatcher.js';
import { mapConcurrently } from './map-concurrently.js';
import { signReprocessBody } from './webhook-signature.js';

const TIMEOUT_MS = 10_000;
const IN_FLIGHT = 8;
const BODY_EXCERPT = 200;

/** The first `chars` characters of a response body, reading no more of it than that needs. */
async function excerpt(response: Response, chars: number): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) {
    return '';
  }
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < chars) {
      const chunk = (await reader.read()) as { done: boolean; value?: Uint8Array };
      if (chunk.done) {
        break;
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch {
    // what was read is enough to say why
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, chars).trim();
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim()) * 1000;
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Why a request got no answer, without the URL (it may carry a token). */
function failureOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    return cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Delivers reprocess commands to a runtime's webhook: one signed POST per message, up to eight in
 * flight. Each message has its own outcome — a webhook that is down answers `retry` for each, never
 * a thrown error — and the ledger decides when to try again.
 */
export class WebhookDispatcher implements Dispatcher<WebhookTarget> {
  dispatch(target: WebhookTarget, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]> {
    return mapConcurrently(messages, IN_FLIGHT, (message) => this.post(target, message));
  }

  private async post(target: WebhookTarget, message: DispatchMessage): Promise<DispatchOutcome> {
    const { reprocessId } = message;
    const body = JSON.stringify(message);
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [REPROCESS_ID_HEADER]: reprocessId,
          [REPROCESS_TIMESTAMP_HEADER]: String(timestamp),
          [REPROCESS_SIGNATURE_HEADER]: signReprocessBody(target.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
    } catch (error) {
      return { reprocessId, result: 'retry', error: `webhook request failed: ${failureOf(error)}` };
    }
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => undefined);
      return { reprocessId, result: 'confirmed' };
    }
    const answer = `webhook answered ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
    const text = await excerpt(response, BODY_EXCERPT);
    const error = text === '' ? answer : `${answer}: ${text}`;
    if (retryable(response.status)) {
      const after = retryAfterMs(response.headers.get('retry-after'), Date.now());
      return { reprocessId, result: 'retry', error, ...(after === undefined ? {} : { retryAfterMs: after }) };
    }
    return { reprocessId, result: 'rejected', error };
  }

  /** Nothing to close: fetch keeps no connection the dispatcher owns. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
