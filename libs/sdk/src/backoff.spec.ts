import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, parseRetryAfter } from './backoff.js';

const POLICY = { baseDelayMs: 200, maxDelayMs: 30_000 };

describe(backoffDelay.name, () => {
  it('doubles the ceiling with every retry and stops at maxDelayMs', () => {
    const ceilings = Array.from({ length: 10 }, (_, index) => backoffCeiling(index + 1, POLICY));

    expect(ceilings).toEqual([200, 400, 800, 1_600, 3_200, 6_400, 12_800, 25_600, 30_000, 30_000]);
    expect(backoffCeiling(1_000, POLICY)).toBe(30_000); // 2^999 overflows to Infinity; still capped
  });

  it('draws a whole number of ms between 0 and the ceiling (full jitter)', () => {
    expect(backoffDelay(3, POLICY, () => 0)).toBe(0);
    expect(backoffDelay(3, POLICY, () => 0.5)).toBe(400);
    expect(backoffDelay(3, POLICY, () => 0.999_999)).toBe(799);
    for (const draw of [0, 0.1, 0.37, 0.5, 0.93, 0.999_999]) {
      for (let retry = 1; retry <= 12; retry += 1) {
        const delay = backoffDelay(retry, POLICY, () => draw);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeiling(retry, POLICY));
      }
    }
  });

  it('keeps a random source that strays out of [0, 1) inside the bounds', () => {
    expect(backoffDelay(2, POLICY, () => -3)).toBe(0);
    expect(backoffDelay(2, POLICY, () => 7)).toBe(400);
  });
});

describe(parseRetryAfter.name, () => {
  const now = new Date('2026-11-27T08:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date relative to now, and a past date as no wait', () => {
    expect(parseRetryAfter('Fri, 27 Nov 2026 08:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfter('Fri, 27 Nov 2026 07:59:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
