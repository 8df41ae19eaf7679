import { describe, expect, it } from 'vitest';
import { kpiHistory, SETTLED_PROGRESS } from './kpi-history.js';
import { seeded } from './random.js';

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe(kpiHistory.name, () => {
  // invoice-generation's revenue-slipped-at-close: EUR per month-end, lower is better.
  const lower = { baseline: 182_000, target: 5_000, days: 90, switchedOverDaysAgo: 80 };

  it('makes one value per day, oldest first, all positive', () => {
    const values = kpiHistory(lower, seeded(1));
    expect(values).toHaveLength(90);
    expect(values.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it('sits near the baseline before the switch-over, then moves toward the target and settles where the live demo measures', () => {
    const values = kpiHistory(lower, seeded(2));
    // Days 90…81 ago: before the automation, the baseline with day-to-day noise.
    const before = values.slice(0, 10);
    expect(mean(before) / lower.baseline).toBeGreaterThan(0.93);
    expect(mean(before) / lower.baseline).toBeLessThan(1.07);
    expect(before.every((v) => v > lower.baseline * 0.7 && v < lower.baseline * 1.3)).toBe(true);
    // The last two weeks: most of the way to the target, about where the live measurements sit (60–95 %).
    const settled = mean(values.slice(-14));
    const progress = (lower.baseline - settled) / (lower.baseline - lower.target);
    expect(progress).toBeGreaterThan(0.7);
    expect(progress).toBeLessThan(0.85);
    expect(SETTLED_PROGRESS).toBeGreaterThan(0.6);
    expect(SETTLED_PROGRESS).toBeLessThan(0.95);
    // Each ten days closer to the target than the ten before, once the switch-over has happened.
    const tens = Array.from({ length: 5 }, (_, i) => mean(values.slice(10 + i * 10, 20 + i * 10)));
    tens.slice(1).forEach((m, i) => expect(m).toBeLessThan(tens[i] ?? Number.NaN));
  });

  it('moves up when higher is better', () => {
    // dunning-reminders' overdue cash recovered: EUR per month, higher is better.
    const values = kpiHistory({ baseline: 410_000, target: 650_000, days: 90, switchedOverDaysAgo: 80 }, seeded(3));
    expect(mean(values.slice(0, 10))).toBeLessThan(440_000);
    expect(mean(values.slice(-14))).toBeGreaterThan(560_000);
  });

  it('stays at the baseline when the switch-over has not happened yet', () => {
    const values = kpiHistory({ ...lower, days: 30, switchedOverDaysAgo: 0 }, seeded(4));
    expect(mean(values) / lower.baseline).toBeGreaterThan(0.95);
    expect(mean(values) / lower.baseline).toBeLessThan(1.05);
  });

  it('repeats for a seed', () => {
    expect(kpiHistory(lower, seeded(5))).toEqual(kpiHistory(lower, seeded(5)));
  });
});
