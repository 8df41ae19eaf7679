import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.js';

describe(retryDelayMs.name, () => {
  it('waits at least half a second, at most 1.5 s after the first failure, doubling to 5 min and half a second', () => {
    const longest = (attempts: number) => retryDelayMs(attempts, () => 1);

    expect(retryDelayMs(1, () => 0)).toBe(500);
    expect([1, 2, 3, 4].map(longest)).toEqual([1_500, 2_500, 4_500, 8_500]);
    expect(longest(9)).toBe(256_500);
    expect(longest(10)).toBe(300_500);
    expect(longest(40)).toBe(300_500);
  });

  it('spreads the waits of deliveries that failed together (full jitter)', () => {
    expect(retryDelayMs(4, () => 0.5)).toBe(4_500);
    expect(retryDelayMs(4, () => 0.25)).toBe(2_500);
  });
});
