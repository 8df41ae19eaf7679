import { describe, expect, it } from 'vitest';
import { describeExpiry } from './tokenScope';

const NOW = Date.parse('2026-12-07T04:00:00Z');
const after = (ms: number) => ({ state: 'active' as const, expiresAt: new Date(NOW + ms).toISOString() });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe(describeExpiry.name, () => {
  it('says a 90-day token made a moment ago expires in 90 days, not 89', () => {
    expect(describeExpiry(after(90 * DAY - 3_000), NOW)).toEqual({ text: 'Expires in 90 days', soon: false });
    expect(describeExpiry(after(30 * DAY + 5 * 60_000), NOW).text).toBe('Expires in 30 days');
  });

  it('counts whole days down to one, then hours, then less than an hour, warning under two weeks', () => {
    expect(describeExpiry(after(13 * DAY), NOW)).toEqual({ text: 'Expires in 13 days', soon: true });
    expect(describeExpiry(after(DAY - 60_000), NOW).text).toBe('Expires in 1 day');
    expect(describeExpiry(after(5 * HOUR + 10 * 60_000), NOW).text).toBe('Expires in 5 hours');
    expect(describeExpiry(after(HOUR), NOW).text).toBe('Expires in 1 hour');
    expect(describeExpiry(after(20 * 60_000), NOW).text).toBe('Expires in less than an hour');
    expect(describeExpiry(after(-60_000), NOW).text).toBe('Expired');
  });
});
