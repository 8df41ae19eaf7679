/**
 * One JSON POST to a receiver we do not run (a runtime's reprocess webhook, a chat webhook), with
 * the outcome in three words: delivered, retry (the receiver may take it later) or rejected (it
 * never will). Errors never carry the URL: it may hold a token.
 */

const TIMEOUT_MS = 10_000;
const BODY_EXCERPT = 200;

export type DeliveryOutcome = { result: 'delivered' } | { result: 'retry'; error: string; retryAfterMs?: number } | { result: 'rejected'; error: string };

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

/** Why a request got no answer, without the URL. */
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

/** POSTs `body` (JSON text). 2xx is delivered; 408, 429, 5xx and no answer are retry; other statuses are rejected. Redirects are not followed. */
export async function postJson(url: string, body: string, headers: Record<string, string>, what: string): Promise<DeliveryOutcome> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
  } catch (error) {
    return { result: 'retry', error: `${what} request failed: ${failureOf(error)}` };
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel().catch(() => undefined);
    return { result: 'delivered' };
  }
  const answer = `${what} answered ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
  const text = await excerpt(response, BODY_EXCERPT);
  const error = text === '' ? answer : `${answer}: ${text}`;
  if (retryable(response.status)) {
    const after = retryAfterMs(response.headers.get('retry-after'), Date.now());
    return { result: 'retry', error, ...(after === undefined ? {} : { retryAfterMs: after }) };
  }
  return { result: 'rejected', error };
}
