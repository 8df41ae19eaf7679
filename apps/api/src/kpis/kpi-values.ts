import type { Kpi } from '@roundhouse/contracts';
import type { KpiComparison } from './kpi-comparison.js';
import { derivedKpiValue, type RunTotals } from './kpi-derived.js';
import { rangeLabel } from './kpi-range.js';
import { windowCoverage, windowDays, type TimeWindow } from './kpi-window.js';

/**
 * What one KPI series holds over one window, as read from the rollups (derived KPIs) or the
 * measurements (measurement KPIs), and how a KPI's value, caveat and explanation follow from it.
 */
export interface SeriesFacts {
  /** Run totals over the window (zero for a measurement series). */
  runs: RunTotals;
  /** Rollup minutes with any run in the window (0 for a measurement series). */
  rollupMinutes: number;
  /** Mean of the measurements in the window; null without any (or for a run series). */
  mean: number | null;
  /** Measurements in the window. */
  measurements: number;
  /** The first data the series ever had (first rollup minute or first measurement); null when none. */
  firstDataAt: Date | null;
}

export type KpiValueReason = 'no_data' | 'no_runs' | 'no_days' | 'unit_not_a_duration';

export interface KpiValue {
  value: number | null;
  /** Fraction of the window with data (see `windowCoverage`). */
  coverage: number;
  /** Days of the window with data: window days × coverage. */
  days: number;
  /** Why there is no value; null when there is one. */
  reason: KpiValueReason | null;
  /** Measurements averaged (measurement KPIs). */
  measurements: number;
}

/**
 * A KPI's value over a window: the mean of the measurements in it, or the figure derived from the
 * run totals (`derivedKpiValue`), per day of the window that has data.
 */
export function kpiValue(kpi: Pick<Kpi, 'source' | 'unit'>, facts: SeriesFacts, window: TimeWindow, now: Date): KpiValue {
  const coverage = windowCoverage(window, facts.firstDataAt, now);
  const days = windowDays(window) * coverage;
  if (kpi.source === 'measurement') {
    const value = facts.measurements > 0 ? facts.mean : null;
    return { value, coverage, days, reason: value === null ? 'no_data' : null, measurements: facts.measurements };
  }
  const derived = derivedKpiValue(kpi.source, facts.runs, { unit: kpi.unit, days });
  return { value: derived.value, coverage, days, reason: derived.reason, measurements: 0 };
}

/** A trend bucket's value: like `kpiValue`, but null for a bucket without any data at all. */
export function bucketValue(kpi: Pick<Kpi, 'source' | 'unit'>, facts: SeriesFacts | undefined, bucket: TimeWindow, firstDataAt: Date | null, now: Date): number | null {
  if (facts === undefined || (facts.rollupMinutes === 0 && facts.measurements === 0)) {
    return null;
  }
  return kpiValue(kpi, { ...facts, firstDataAt }, bucket, now).value;
}

function baselinePeriod(kpi: Pick<Kpi, 'baseline'>): string {
  const { from, to } = kpi.baseline;
  return from === undefined || to === undefined ? 'the baseline period' : `the baseline period (${rangeLabel({ from, to })})`;
}

function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

const NO_VALUE_WORDS: Readonly<Record<KpiValueReason, string>> = {
  no_data: 'Nothing was measured in the selected dates.',
  no_runs: 'No runs finished in the selected dates.',
  no_days: 'The automation has no data in the selected dates yet.',
  unit_not_a_duration: 'The unit is not a duration (hours, minutes, …), so a run time cannot be shown in it.',
};

/** Why improvement or progress is not shown, in plain words; null when both are. */
export function kpiCaveat(kpi: Pick<Kpi, 'baseline'>, comparison: KpiComparison, afterReason: KpiValueReason | null): string | null {
  const reasons = [comparison.improvement.defined ? null : comparison.improvement.reason, comparison.progress.defined ? null : comparison.progress.reason].filter(
    (reason) => reason !== null,
  );
  const words = reasons.map((reason) => {
    switch (reason) {
      case 'no_data':
        return NO_VALUE_WORDS[afterReason ?? 'no_data'];
      case 'no_baseline':
        return `${capitalized(baselinePeriod(kpi))} has no data, so there is nothing to compare with.`;
      case 'zero_baseline':
        return 'The baseline is 0, so the change cannot be shown as a percentage.';
      case 'target_equals_baseline':
        return 'The target equals the baseline, so there is no progress to show.';
      case 'target_not_better_than_baseline':
        return 'The target is not better than the baseline, so progress towards it cannot be shown.';
    }
  });
  const unique = [...new Set(words)];
  return unique.length === 0 ? null : unique.join(' ');
}

function daysText(days: number): string {
  const rounded = Math.round(days * 10) / 10;
  return `${rounded} day${rounded === 1 ? '' : 's'}`;
}

function afterText(kpi: Pick<Kpi, 'source' | 'unit'>, value: KpiValue): string {
  const FROM_ROLLUPS = 'Read from per-minute run summaries, so within about 9 % of the exact figure.';
  switch (kpi.source) {
    case 'measurement':
      return `The average (mean) of the ${value.measurements} value${value.measurements === 1 ? '' : 's'} the automation reported in the selected dates.`;
    case 'cycle_time_p50':
      return `The median run time, in ${kpi.unit}: half of the runs that finished in the selected dates took less. ${FROM_ROLLUPS}`;
    case 'cycle_time_p95':
      return `The run time, in ${kpi.unit}, that 95 of every 100 runs finished in the selected dates stayed under. ${FROM_ROLLUPS}`;
    case 'error_rate':
      return `Runs that failed or were set aside as dead letters, divided by all runs that finished in the selected dates${kpi.unit.trim() === '%' ? ', in percent' : ''}.`;
    case 'manual_touches_per_day':
      return `Runs someone had to step in for by hand, divided by the ${daysText(value.days)} of the selected dates with data.`;
    case 'throughput_per_day':
      return `Runs that finished, divided by the ${daysText(value.days)} of the selected dates with data.`;
  }
}

/** How "after" (and "before") are computed, in plain words, for a tooltip. */
export function kpiHowComputed(kpi: Pick<Kpi, 'source' | 'unit' | 'baseline'>, after: KpiValue): string {
  const before = kpi.baseline.value !== undefined ? '"Before" is the value agreed when the automation was planned.' : `"Before" is the same figure over ${baselinePeriod(kpi)}.`;
  return `${afterText(kpi, after)} ${before}`;
}
