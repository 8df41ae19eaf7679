import { describe, expect, it } from 'vitest';
import { duration } from './common.js';
import { durationParts, parseDuration } from './duration.js';

describe(parseDuration.name, () => {
  it.each([
    ['90s', 90_000], // 90 × 1,000
    ['2m', 120_000], // 2 × 60,000
    ['15m', 900_000],
    ['26h', 93_600_000], // 26 × 3,600,000
    ['30d', 2_592_000_000], // 30 × 86,400,000
    ['32d', 2_764_800_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '0m', '1.5h', '30 d', '1w', '-5m', 'm', '15M'])('rejects %j, as the catalog contract does', (text) => {
    expect(() => parseDuration(text)).toThrow(RangeError);
    expect(duration.safeParse(text).success).toBe(false);
  });
});

describe(durationParts.name, () => {
  it('splits a duration into its number and unit', () => {
    expect(durationParts('30d')).toEqual({ count: 30, unit: 'd' });
    expect(durationParts('1h')).toEqual({ count: 1, unit: 'h' });
  });
});
