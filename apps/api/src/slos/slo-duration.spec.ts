import { describe, expect, it } from 'vitest';
import { sloThresholdMs, sloWindowMs } from './slo-duration.js';

describe(sloThresholdMs.name, () => {
  it('is the threshold in ms, or null when the SLO has none', () => {
    expect(sloThresholdMs({ threshold: '4h' })).toBe(14_400_000);
    expect(sloThresholdMs({})).toBeNull();
  });
});

describe(sloWindowMs.name, () => {
  it('is the SLO window in ms', () => {
    expect(sloWindowMs({ window: '7d' })).toBe(604_800_000);
  });
});
