import { backoffDelay, type BackoffPolicy } from '@roundhouse/sdk';

/** Deliveries the api tries again later (reprocess messages, alert notifications): 1 s doubling to 5 min. */
const DELIVERY_BACKOFF: BackoffPolicy = { baseDelayMs: 1_000, maxDelayMs: 300_000 };

/**
 * The wait before the next try after the n-th failed one: the SDK's exponential backoff with full
 * jitter (the same as runtimes use), plus half a second.
 */
export function retryDelayMs(attempts: number, random = Math.random): number {
  return backoffDelay(attempts, DELIVERY_BACKOFF, random) + 500;
}
