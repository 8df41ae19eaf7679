/** Exponential backoff with full jitter, 1 s doubling to 5 min (plus half a second), for the n-th failed try. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  return Math.round(random() * Math.min(300_000, 1_000 * 2 ** Math.max(0, attempts - 1))) + 500;
}
