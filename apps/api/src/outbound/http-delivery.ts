import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { OutboundRefusedError, type OutboundGuard } from './outbound-guard.js';

/**
 * One JSON POST to a receiver we do not run (a runtime's reprocess webhook, a chat webhook), with
 * the outcome in three words: delivered, retry (the receiver may take it later) or rejected (it
 * never will). The outbound guard refuses hosts that resolve to loopback, private or link-local
 * addresses (unless allowed) and the connection goes to the address it checked; redirects are not
 * followed. Errors never carry the URL's path, query or credentials: they may hold a token.
 */

const TIMEOUT_MS = 10_000;
const BODY_EXCERPT = 200;

export type DeliveryOutcome = { result: 'delivered' } | { result: 'retry'; error: string; retryAfterMs?: number } | { result: 'rejected'; error: string };

/** The first `chars` characters of a response body, reading no more of it than that needs. */
async function excerpt(response: IncomingMessage, chars: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of response) {
      text += decoder.decode(chunk as Buffer, { stream: true });
      if (text.length >= chars) {
        break;
      }
    }
  } catch {
    // what was read is enough to say why
  } finally {
    response.destroy();
  }
  return text.slice(0, chars).trim();
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date. */
function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined || header.trim() === '') {
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

class DeliveryTimeoutError extends Error {
  constructor() {
    super(`no answer within ${TIMEOUT_MS / 1000} s`);
  }
}

/**
 * Sends the request; resolves with the response (its body unread) and `settle`, to call once done
 * with it; rejects with why there is none. The time limit covers the answer's body too: a receiver
 * that trickles it is cut off.
 */
function send(url: URL, body: string, headers: Record<string, string>, guard: OutboundGuard): Promise<{ response: IncomingMessage; settle: () => void }> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      // Every connection is resolved by the guard and goes to the addresses it checked.
      lookup: guard.lookup,
      agent: false,
    });
    const timer = setTimeout(() => request.destroy(new DeliveryTimeoutError()), TIMEOUT_MS);
    const settle = () => clearTimeout(timer);
    request.on('response', (response) => resolve({ response, settle }));
    request.on('error', (error) => {
      settle();
      reject(error);
    });
    request.end(body);
  });
}

/** Why a request got no answer, without the URL. */
function failureOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * POSTs `body` (JSON text) to `url` through `guard`. 2xx is delivered; 408, 429, 5xx and no answer
 * are retry; a refused address, a redirect and other statuses are rejected.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, what: string, guard: OutboundGuard): Promise<DeliveryOutcome> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { result: 'rejected', error: `${what} not sent: its URL is not a URL` };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return { result: 'rejected', error: `${what} not sent: only http and https URLs are allowed, not ${target.protocol}` };
  }
  // A host that is an address is connected to without a lookup: checked here instead.
  const literal = guard.literalRefusal(target);
  if (literal !== undefined) {
    return { result: 'rejected', error: `${what} not sent: ${literal}` };
  }
  let sent: { response: IncomingMessage; settle: () => void };
  try {
    sent = await send(target, body, headers, guard);
  } catch (error) {
    if (error instanceof OutboundRefusedError) {
      return { result: 'rejected', error: `${what} not sent: ${error.message}` };
    }
    return { result: 'retry', error: `${what} request failed: ${failureOf(error)}` };
  }
  try {
    return await outcomeOf(sent.response, what);
  } finally {
    sent.settle();
  }
}

/** What the receiver's answer means, with an excerpt of its body when it was not a success. */
async function outcomeOf(response: IncomingMessage, what: string): Promise<DeliveryOutcome> {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) {
    response.destroy();
    return { result: 'delivered' };
  }
  const answer = `${what} answered ${status}${response.statusMessage === undefined || response.statusMessage === '' ? '' : ` ${response.statusMessage}`}`;
  if (status >= 300 && status < 400) {
    response.destroy();
    return { result: 'rejected', error: `${answer}: redirects are not followed; give the URL it redirects to` };
  }
  const text = await excerpt(response, BODY_EXCERPT);
  const error = text === '' ? answer : `${answer}: ${text}`;
  if (retryable(status)) {
    const after = retryAfterMs(response.headers['retry-after'], Date.now());
    return { result: 'retry', error, ...(after === undefined ? {} : { retryAfterMs: after }) };
  }
  return { result: 'rejected', error };
}
