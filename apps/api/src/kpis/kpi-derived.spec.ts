import { describe, expect, it } from 'vitest';
import { bucketOf, emptyHistogram, HISTOGRAM_RELATIVE_ERROR } from '../runs/duration-histogram.js';
import { derivedKpiValue, msPerUnit, type RunTotals } from './kpi-derived.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function runs(fields: Partial<RunTotals> & { durations?: [ms: number, count: number][] }): RunTotals {
  const histogram = emptyHistogram();
  for (const [ms, count] of fields.durations ?? []) {
    histogram[bucketOf(ms)] = (histogram[bucketOf(ms)] ?? 0) + count;
  }
  return { succeeded: 0, failed: 0, deadLettered: 0, manualTouches: 0, histogram, ...fields };
}

describe(derivedKpiValue.name, () => {
  it('reads a median cycle time in the KPI’s unit, within the histogram’s 9.05 %', () => {
    // 10 runs of 1 h land in bucket 88 (2^21.75 to 2^22 ms); its middle 2^21.875 ms ≈ 3,846,194 ms ≈ 1.0684 h
    const value = derivedKpiValue('cycle_time_p50', runs({ succeeded: 10, durations: [[HOUR, 10]] }), { unit: 'hours', days: 1 });

    expect(value.reason).toBeNull();
    expect(value.value).toBeCloseTo(1.0684, 4);
    expect(Math.abs((value.value ?? 0) - 1)).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
  });

  it('reads p95 from the 95th of 100 runs', () => {
    // nearest rank ⌈0.95 × 100⌉ = 95: with 95 runs at 2 min the 95th is 2 min; with 94, it is one of the 60-min runs
    const fast = derivedKpiValue(
      'cycle_time_p95',
      runs({
        durations: [
          [2 * MINUTE, 95],
          [60 * MINUTE, 5],
        ],
      }),
      { unit: 'minutes', days: 1 },
    );
    const slow = derivedKpiValue(
      'cycle_time_p95',
      runs({
        durations: [
          [2 * MINUTE, 94],
          [60 * MINUTE, 6],
        ],
      }),
      { unit: 'minutes', days: 1 },
    );

    expect(Math.abs((fast.value ?? 0) - 2) / 2).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    expect(Math.abs((slow.value ?? 0) - 60) / 60).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
  });

  it('has no cycle time without runs, or in a unit that is not a duration', () => {
    expect(derivedKpiValue('cycle_time_p50', runs({}), { unit: 'hours', days: 30 })).toEqual({ value: null, reason: 'no_runs' });
    expect(derivedKpiValue('cycle_time_p50', runs({ durations: [[HOUR, 1]] }), { unit: 'touches/day', days: 30 })).toEqual({ value: null, reason: 'unit_not_a_duration' });
  });

  it('reads an error rate over the runs that ended, in % when the unit is %', () => {
    // 4 failed + 6 dead-lettered of 1,000 ended = 1 %
    const totals = runs({ succeeded: 990, failed: 4, deadLettered: 6 });

    expect(derivedKpiValue('error_rate', totals, { unit: '%', days: 30 })).toEqual({ value: 1, reason: null });
    expect(derivedKpiValue('error_rate', totals, { unit: 'ratio', days: 30 })).toEqual({ value: 0.01, reason: null });
    expect(derivedKpiValue('error_rate', runs({}), { unit: '%', days: 30 })).toEqual({ value: null, reason: 'no_runs' });
  });

  it('reads manual touches and throughput per day with data', () => {
    // 90 touches over 30 days = 3 a day; 1,000 runs over 25 days = 40 a day
    expect(derivedKpiValue('manual_touches_per_day', runs({ manualTouches: 90 }), { unit: 'touches/day', days: 30 })).toEqual({ value: 3, reason: null });
    expect(derivedKpiValue('throughput_per_day', runs({ succeeded: 990, failed: 10 }), { unit: 'runs/day', days: 25 })).toEqual({ value: 40, reason: null });
    expect(derivedKpiValue('manual_touches_per_day', runs({ manualTouches: 90 }), { unit: 'touches/day', days: 0 })).toEqual({ value: null, reason: 'no_days' });
  });
});

describe(msPerUnit.name, () => {
  it('knows the time units KPIs use, and nothing else', () => {
    expect(msPerUnit('minutes')).toBe(60_000);
    expect(msPerUnit('Hours')).toBe(3_600_000);
    expect(msPerUnit('days')).toBe(86_400_000);
    expect(msPerUnit('working days')).toBeNull();
    expect(msPerUnit('EUR')).toBeNull();
  });
});
