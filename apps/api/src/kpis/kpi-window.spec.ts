import { describe, expect, it } from 'vitest';
import { kpiWindow, windowCoverage, windowDays } from './kpi-window.js';

const DAY = 86_400_000;
const SEPTEMBER = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') };

describe(kpiWindow.name, () => {
  it('reads a rolling range as the duration up to now', () => {
    const now = new Date('2026-09-30T12:34:00Z');

    expect(kpiWindow({ last: '30d' }, now)).toEqual({ from: new Date(now.getTime() - 30 * DAY), to: now });
  });

  it('reads a fixed range as whole UTC days, both included', () => {
    // 1 July to 30 September: 31 + 31 + 30 = 92 days
    const window = kpiWindow({ from: '2026-07-01', to: '2026-09-30' }, new Date());

    expect(window).toEqual({ from: new Date('2026-07-01T00:00:00Z'), to: new Date('2026-10-01T00:00:00Z') });
    expect(windowDays(window)).toBe(92);
  });

  it('refuses a range with neither', () => {
    expect(() => kpiWindow({}, new Date())).toThrow(RangeError);
  });
});

describe(windowCoverage.name, () => {
  it('is 1 for a past window the automation reported through', () => {
    expect(windowCoverage(SEPTEMBER, new Date('2026-08-01T00:00:00Z'), new Date('2026-10-05T00:00:00Z'))).toBe(1);
  });

  it('is partial for a window that runs into the future', () => {
    // asked on 16 September: 15 of 30 days have happened
    expect(windowCoverage(SEPTEMBER, new Date('2026-08-01T00:00:00Z'), new Date('2026-09-16T00:00:00Z'))).toBe(0.5);
  });

  it('is partial for a window that starts before the automation reported', () => {
    // reporting since 11 September: 20 of 30 days
    expect(windowCoverage(SEPTEMBER, new Date('2026-09-11T00:00:00Z'), new Date('2026-10-05T00:00:00Z'))).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 without any report, or when the reports begin after the window', () => {
    expect(windowCoverage(SEPTEMBER, null, new Date('2026-10-05T00:00:00Z'))).toBe(0);
    expect(windowCoverage(SEPTEMBER, new Date('2026-10-02T00:00:00Z'), new Date('2026-10-05T00:00:00Z'))).toBe(0);
  });

  it('refuses a window that does not end after it starts', () => {
    expect(() => windowCoverage({ from: SEPTEMBER.to, to: SEPTEMBER.from }, null, new Date())).toThrow(RangeError);
  });
});
