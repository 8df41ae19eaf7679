import { KPI_DIRECTIONS } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { compareKpi, kpiBaseline, type KpiComparison } from './kpi-comparison.js';

const FULL = 1;

describe(compareKpi.name, () => {
  it('lower is better: 40 manual touches a day before, 10 after, target 0', () => {
    // delta 10 − 40 = −30; improvement (40 − 10) ÷ 40 = 75 %; progress (40 − 10) ÷ (40 − 0) = 75 %
    expect(compareKpi({ direction: 'lower_is_better', baseline: 40, target: 0, after: { value: 10, coverage: FULL } })).toEqual({
      direction: 'lower_is_better',
      baseline: 40,
      target: 0,
      after: 10,
      noData: false,
      coverage: 1,
      partial: false,
      delta: -30,
      change: 'better',
      improvement: { defined: true, percent: 75 },
      progress: { defined: true, percent: 75, displayPercent: 75, reached: false },
    } satisfies KpiComparison);
  });

  it('lower is better, from the catalog: close-to-invoice 26 h before, 0.5 h after, target 0.25 h', () => {
    // improvement 25.5 ÷ 26 = 98.08 %; progress 25.5 ÷ 25.75 = 99.03 %: not quite at target
    const comparison = compareKpi({ direction: 'lower_is_better', baseline: 26, target: 0.25, after: { value: 0.5, coverage: FULL } });

    expect(comparison.delta).toBe(-25.5);
    expect(comparison.improvement).toEqual({ defined: true, percent: expect.closeTo(98.0769, 4) as number });
    expect(comparison.progress).toEqual({ defined: true, percent: expect.closeTo(99.0291, 4) as number, displayPercent: expect.closeTo(99.0291, 4) as number, reached: false });
  });

  it('higher is better: 400,000 EUR recovered a month before, 500,000 after, target 600,000', () => {
    // delta +100,000; improvement 100,000 ÷ 400,000 = 25 %; progress 100,000 ÷ 200,000 = 50 %
    const comparison = compareKpi({ direction: 'higher_is_better', baseline: 400_000, target: 600_000, after: { value: 500_000, coverage: FULL } });

    expect(comparison).toMatchObject({
      delta: 100_000,
      change: 'better',
      improvement: { defined: true, percent: 25 },
      progress: { defined: true, percent: 50, displayPercent: 50, reached: false },
    });
  });

  it('higher is better and got worse: improvement and progress go negative, the bar shows 0', () => {
    // 400,000 → 300,000: delta −100,000; improvement −25 %; progress −100,000 ÷ 200,000 = −50 %
    const comparison = compareKpi({ direction: 'higher_is_better', baseline: 400_000, target: 600_000, after: { value: 300_000, coverage: FULL } });

    expect(comparison).toMatchObject({
      delta: -100_000,
      change: 'worse',
      improvement: { defined: true, percent: -25 },
      progress: { defined: true, percent: -50, displayPercent: 0, reached: false },
    });
  });

  it('lower is better and got worse: the delta is positive, the improvement negative', () => {
    // 40 → 50: delta +10; improvement (40 − 50) ÷ 40 = −25 %; progress −10 ÷ 30 = −33.3 %
    const comparison = compareKpi({ direction: 'lower_is_better', baseline: 40, target: 10, after: { value: 50, coverage: FULL } });

    expect(comparison).toMatchObject({ delta: 10, change: 'worse', improvement: { defined: true, percent: -25 } });
    expect(comparison.progress).toEqual({ defined: true, percent: expect.closeTo(-33.333, 3) as number, displayPercent: 0, reached: false });
  });

  it('beating the target passes 100 %; the bar stops at 100', () => {
    // 40 → 4 against a target of 10: progress (40 − 4) ÷ (40 − 10) = 120 %; improvement 36 ÷ 40 = 90 %
    const comparison = compareKpi({ direction: 'lower_is_better', baseline: 40, target: 10, after: { value: 4, coverage: FULL } });

    expect(comparison).toMatchObject({ improvement: { defined: true, percent: 90 }, progress: { defined: true, percent: 120, displayPercent: 100, reached: true } });
  });

  it('reaching the target exactly is 100 % and reached', () => {
    expect(compareKpi({ direction: 'lower_is_better', baseline: 41, target: 3, after: { value: 3, coverage: FULL } }).progress).toEqual({
      defined: true,
      percent: 100,
      displayPercent: 100,
      reached: true,
    });
  });

  it('leaves the % improvement undefined on a zero baseline, never Infinity', () => {
    // 0 incidents before, 3 after: no % of zero; the delta still says +3
    const worse = compareKpi({ direction: 'lower_is_better', baseline: 0, target: 0, after: { value: 3, coverage: FULL } });
    expect(worse).toMatchObject({
      delta: 3,
      change: 'worse',
      improvement: { defined: false, reason: 'zero_baseline' },
      progress: { defined: false, reason: 'target_equals_baseline' },
    });

    // 0 before, 12 after, higher is better, target 20: progress 12 ÷ 20 = 60 % is still defined
    const better = compareKpi({ direction: 'higher_is_better', baseline: 0, target: 20, after: { value: 12, coverage: FULL } });
    expect(better).toMatchObject({ delta: 12, change: 'better', improvement: { defined: false, reason: 'zero_baseline' }, progress: { defined: true, percent: 60 } });
  });

  it('says there is no data when the window had none', () => {
    expect(compareKpi({ direction: 'lower_is_better', baseline: 41, target: 3, after: { value: null, coverage: 0 } })).toEqual({
      direction: 'lower_is_better',
      baseline: 41,
      target: 3,
      after: null,
      noData: true,
      coverage: 0,
      partial: true,
      delta: null,
      change: null,
      improvement: { defined: false, reason: 'no_data' },
      progress: { defined: false, reason: 'no_data' },
    } satisfies KpiComparison);
  });

  it('says there is no baseline when the measured "before" period has not been measured', () => {
    expect(compareKpi({ direction: 'lower_is_better', baseline: null, target: 3, after: { value: 5, coverage: FULL } })).toMatchObject({
      delta: null,
      change: null,
      improvement: { defined: false, reason: 'no_baseline' },
      progress: { defined: false, reason: 'no_baseline' },
    });
  });

  it('flags a partial window but still compares', () => {
    // half of the window had data: the figure is shown, marked provisional
    expect(compareKpi({ direction: 'lower_is_better', baseline: 40, target: 0, after: { value: 10, coverage: 0.5 } })).toMatchObject({
      partial: true,
      coverage: 0.5,
      improvement: { defined: true, percent: 75 },
    });
  });

  it('refuses progress towards a target that is not better than the baseline', () => {
    // lower is better, baseline 26, target 30: a "target" worse than before is a catalog mistake
    const comparison = compareKpi({ direction: 'lower_is_better', baseline: 26, target: 30, after: { value: 20, coverage: FULL } });

    expect(comparison.progress).toEqual({ defined: false, reason: 'target_not_better_than_baseline' });
    expect(comparison.improvement).toMatchObject({ defined: true });
  });

  it('calls an equal value unchanged', () => {
    expect(compareKpi({ direction: 'higher_is_better', baseline: 7, target: 9, after: { value: 7, coverage: FULL } })).toMatchObject({
      delta: 0,
      change: 'unchanged',
      improvement: { defined: true, percent: 0 },
      progress: { defined: true, percent: 0, reached: false },
    });
  });

  it('never yields Infinity or NaN, whatever the edge', () => {
    for (const direction of KPI_DIRECTIONS) {
      for (const baseline of [null, 0, 5, -5]) {
        for (const target of [0, 5, 10]) {
          for (const value of [null, 0, 3, 5]) {
            const comparison = compareKpi({ direction, baseline, target, after: { value, coverage: value === null ? 0 : FULL } });
            const numbers = JSON.stringify(comparison, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? `not finite: ${v}` : v));
            expect(numbers, JSON.stringify({ direction, baseline, target, value })).not.toContain('not finite');
          }
        }
      }
    }
  });

  it('refuses a coverage outside 0 to 1', () => {
    expect(() => compareKpi({ direction: 'lower_is_better', baseline: 1, target: 0, after: { value: 1, coverage: 1.5 } })).toThrow(RangeError);
  });
});

describe(kpiBaseline.name, () => {
  it('takes the agreed value, even beside the period it was measured over', () => {
    expect(kpiBaseline({ baseline: { value: 26, from: '2026-01-05', to: '2026-03-27', note: 'Q1 2026' } }, 30)).toBe(26);
  });

  it('falls back to the value measured over the baseline period, or to null', () => {
    const periodOnly = { baseline: { from: '2025-10-01', to: '2025-12-31', note: 'Q4 2025' } };
    expect(kpiBaseline(periodOnly, 4.5)).toBe(4.5);
    expect(kpiBaseline(periodOnly)).toBeNull();
  });
});
