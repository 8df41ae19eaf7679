import type { Kpi } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { emptyHistogram } from '../runs/duration-histogram.js';
import { compareKpi } from './kpi-comparison.js';
import { bucketValue, kpiCaveat, kpiHowComputed, kpiValue, type SeriesFacts } from './kpi-values.js';

const SEPTEMBER_1_TO_10 = { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2026-09-11T00:00:00Z') };
const NOW = new Date('2026-11-27T00:00:00Z');

function facts(overrides: Partial<SeriesFacts> = {}): SeriesFacts {
  return {
    runs: { succeeded: 0, failed: 0, deadLettered: 0, manualTouches: 0, histogram: emptyHistogram() },
    rollupMinutes: 0,
    mean: null,
    measurements: 0,
    firstDataAt: new Date('2026-08-01T00:00:00Z'),
    ...overrides,
  };
}

function kpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    name: 'k',
    title: 'K',
    unit: 'touches/day',
    direction: 'lower_is_better',
    source: 'manual_touches_per_day',
    baseline: { value: 40, note: 'tally' },
    target: 0,
    ...overrides,
  };
}

describe(kpiValue.name, () => {
  it('divides manual touches by the days of the window with data', () => {
    const value = kpiValue(kpi(), facts({ runs: { ...facts().runs, succeeded: 20, manualTouches: 30 }, rollupMinutes: 2 }), SEPTEMBER_1_TO_10, NOW);

    expect(value).toEqual({ value: 3, coverage: 1, days: 10, reason: null, measurements: 0 });
  });

  it('counts half the days when the automation began reporting half-way through', () => {
    const value = kpiValue(kpi(), facts({ runs: { ...facts().runs, manualTouches: 10 }, rollupMinutes: 1, firstDataAt: new Date('2026-09-06T00:00:00Z') }), SEPTEMBER_1_TO_10, NOW);

    expect(value).toMatchObject({ value: 2, coverage: 0.5, days: 5 });
  });

  it('is the mean of the measurements, and empty without any', () => {
    const measured = kpi({ source: 'measurement', unit: 'hours' });

    expect(kpiValue(measured, facts({ mean: 5, measurements: 2 }), SEPTEMBER_1_TO_10, NOW)).toMatchObject({ value: 5, measurements: 2, reason: null });
    expect(kpiValue(measured, facts(), SEPTEMBER_1_TO_10, NOW)).toMatchObject({ value: null, reason: 'no_data' });
  });
});

describe(bucketValue.name, () => {
  it('is null for a bucket without data, even for a per-day KPI', () => {
    expect(bucketValue(kpi(), undefined, SEPTEMBER_1_TO_10, new Date('2026-08-01T00:00:00Z'), NOW)).toBeNull();
    expect(bucketValue(kpi(), facts({ rollupMinutes: 0 }), SEPTEMBER_1_TO_10, new Date('2026-08-01T00:00:00Z'), NOW)).toBeNull();
  });
});

describe(kpiCaveat.name, () => {
  it('is null when improvement and progress are both shown', () => {
    const comparison = compareKpi({ direction: 'lower_is_better', baseline: 40, target: 0, after: { value: 3, coverage: 1 } });

    expect(kpiCaveat(kpi(), comparison, null)).toBeNull();
  });

  it('says the baseline period had no data, once', () => {
    const measuredPeriod = kpi({ baseline: { from: '2026-08-01', to: '2026-08-10', note: 'n' } });
    const comparison = compareKpi({ direction: 'lower_is_better', baseline: null, target: 0, after: { value: 3, coverage: 1 } });

    expect(kpiCaveat(measuredPeriod, comparison, null)).toBe('The baseline period (1 Aug 2026 – 10 Aug 2026) has no data, so there is nothing to compare with.');
  });

  it('says why a zero baseline has no percentage but still has progress', () => {
    const comparison = compareKpi({ direction: 'higher_is_better', baseline: 0, target: 10, after: { value: 5, coverage: 1 } });

    expect(kpiCaveat(kpi({ direction: 'higher_is_better' }), comparison, null)).toBe('The baseline is 0, so the change cannot be shown as a percentage.');
  });
});

describe(kpiHowComputed.name, () => {
  it('explains a per-day KPI with its days, and a measured baseline', () => {
    const text = kpiHowComputed(kpi({ baseline: { from: '2026-08-01', to: '2026-08-10', note: 'n' } }), { value: 3, coverage: 1, days: 10, reason: null, measurements: 0 });

    expect(text).toBe(
      'Runs someone had to step in for by hand, divided by the 10 days of the selected dates with data. "Before" is the same figure over the baseline period (1 Aug 2026 – 10 Aug 2026).',
    );
  });
});
