import { describe, expect, it } from 'vitest';
import { roundTicks } from './axisTicks';

describe(roundTicks.name, () => {
  it('ticks an axis in round steps from 0 to a round value at or above the largest', () => {
    // 26 hours before, 8.06 after, a 0.25-hour target: steps of 10 up to 30.
    expect(roundTicks([26, 8.06, 0.25])).toEqual({ domain: [0, 30], ticks: [0, 10, 20, 30] });
    // 182,000 EUR before, 5,000 target: steps of 50,000.
    expect(roundTicks([182_000, 5_000, 12_000])).toEqual({ domain: [0, 200_000], ticks: [0, 50_000, 100_000, 150_000, 200_000] });
    // Small values keep round decimals: 0.3, not 0.30000000000000004.
    expect(roundTicks([0.27, 0.1])).toEqual({ domain: [0, 0.3], ticks: [0, 0.1, 0.2, 0.3] });
    expect(roundTicks([99.5, 98.82])).toEqual({ domain: [0, 100], ticks: [0, 25, 50, 75, 100] });
  });

  it('reaches below zero in the same steps, ignores gaps, and has an axis with nothing on it', () => {
    expect(roundTicks([-4, 12, null])).toEqual({ domain: [-5, 15], ticks: [-5, 0, 5, 10, 15] });
    expect(roundTicks([null, undefined])).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
  });
});
