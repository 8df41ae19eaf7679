/** Exponential backoff with full jitter, and the Retry-After header. Pure functions: the client injects `random` and the clock. */

export interface BackoffPolicy {
  /** The ceiling of the first retry's delay; each further retry doubles it. */
  baseDelayMs: number;
  /** No delay is longer than this. */
  maxDelayMs: number;
}

/** The largest delay before retry number `retry` (1 for the first retry): `min(maxDelayMs, baseDelayMs × 2^(retry − 1))`. */
export function backoffCeiling(retry: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, retry - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

/**
 * The delay before retry number `retry` (1 for the first retry), with full jitter: a uniformly random
 * whole number of milliseconds between 0 and `backoffCeiling(retry)`. Full jitter spreads the
 * retries of many clients that failed together, so they do not come back together.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const fraction = Math.min(1, Math.max(0, random()));
  return Math.floor(fraction * backoffCeiling(retry, policy));
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds: either delay-seconds (`"120"`) or an
 * HTTP date (`"Wed, 21 Oct 2026 07:28:00 GMT"`, counted from `now`; a date in the past means 0).
 * `undefined` when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN; // an HTTP date has a day and month name; "-5" is no date
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, date - now.getTime());
}

/** The wait before retry number `retry`: what Retry-After asked for (`retryAfterMs`), at most `maxDelayMs`; without it, backoffDelay(). */
export function retryDelay(retry: number, retryAfterMs: number | undefined, policy: BackoffPolicy, random: () => number): number {
  return retryAfterMs === undefined ? backoffDelay(retry, policy, random) : Math.min(retryAfterMs, policy.maxDelayMs);
}
