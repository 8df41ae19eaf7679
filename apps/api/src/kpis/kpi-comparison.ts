import type { Kpi, KpiDirection } from '@roundhouse/contracts';

/**
 * Before/after arithmetic for one KPI: the agreed baseline ("before"), the value over a chosen
 * window ("after"), the change, the % improvement and the progress towards the target.
 *
 * Nothing here divides by zero or returns Infinity or NaN: a figure that cannot be computed is
 * `{ defined: false, reason }`, and the console says why in words.
 */

/** The "after" value over a window, and how much of that window the value covers. */
export interface KpiAfter {
  /** Null when there was nothing to measure in the window. */
  value: number | null;
  /** Fraction (0 to 1) of the window with data; below 1 the window is partial. See `windowCoverage`. */
  coverage: number;
}

export interface KpiComparisonInput {
  direction: KpiDirection;
  /** The agreed "before"; null when it is a measured period nobody has measured yet. See `kpiBaseline`. */
  baseline: number | null;
  target: number;
  after: KpiAfter;
}

export type ImprovementUndefinedReason = 'no_data' | 'no_baseline' | 'zero_baseline';

/** How much better (positive) or worse (negative) "after" is than "before", in percent of "before". */
export type KpiImprovement = { defined: true; percent: number } | { defined: false; reason: ImprovementUndefinedReason };

export type ProgressUndefinedReason = 'no_data' | 'no_baseline' | 'target_equals_baseline' | 'target_not_better_than_baseline';

/**
 * How far "after" has moved from the baseline towards the target, in percent of that distance.
 * `percent` is not clamped: above 100 the target is beaten, below 0 the KPI got worse than before.
 * `displayPercent` is the same clamped to 0–100, for a progress bar.
 */
export type KpiProgress = { defined: true; percent: number; displayPercent: number; reached: boolean } | { defined: false; reason: ProgressUndefinedReason };

/** Whether "after" is better than "before", in the KPI's direction. */
export type KpiChange = 'better' | 'worse' | 'unchanged';

export interface KpiComparison {
  direction: KpiDirection;
  baseline: number | null;
  target: number;
  after: number | null;
  /** No "after" value in the window. */
  noData: boolean;
  coverage: number;
  /** Part of the window had no data (coverage below 1): the console flags the figure as provisional. */
  partial: boolean;
  /** after − baseline, in the KPI's unit, signed as measured (a drop is negative whatever the direction). */
  delta: number | null;
  change: KpiChange | null;
  improvement: KpiImprovement;
  progress: KpiProgress;
}

/**
 * The baseline to compare with: the catalog's agreed value when it has one (a `from`–`to` period next
 * to it only says where the value came from), otherwise the value the caller measured over the
 * baseline period, otherwise null.
 */
export function kpiBaseline(kpi: Pick<Kpi, 'baseline'>, measured: number | null = null): number | null {
  return kpi.baseline.value ?? measured;
}

/** after − baseline, signed so that positive is better in the KPI's direction. */
function gain(direction: KpiDirection, baseline: number, after: number): number {
  return direction === 'lower_is_better' ? baseline - after : after - baseline;
}

function improvementOf(direction: KpiDirection, baseline: number | null, after: number | null): KpiImprovement {
  if (after === null) {
    return { defined: false, reason: 'no_data' };
  }
  if (baseline === null) {
    return { defined: false, reason: 'no_baseline' };
  }
  if (baseline === 0) {
    return { defined: false, reason: 'zero_baseline' };
  }
  return { defined: true, percent: (gain(direction, baseline, after) * 100) / Math.abs(baseline) };
}

function progressOf(direction: KpiDirection, baseline: number | null, target: number, after: number | null): KpiProgress {
  if (after === null) {
    return { defined: false, reason: 'no_data' };
  }
  if (baseline === null) {
    return { defined: false, reason: 'no_baseline' };
  }
  const distance = gain(direction, baseline, target);
  if (distance === 0) {
    return { defined: false, reason: 'target_equals_baseline' };
  }
  if (distance < 0) {
    return { defined: false, reason: 'target_not_better_than_baseline' };
  }
  const percent = (gain(direction, baseline, after) * 100) / distance;
  return { defined: true, percent, displayPercent: Math.min(100, Math.max(0, percent)), reached: gain(direction, target, after) >= 0 };
}

function changeOf(direction: KpiDirection, baseline: number | null, after: number | null): KpiChange | null {
  if (after === null || baseline === null) {
    return null;
  }
  const g = gain(direction, baseline, after);
  return g > 0 ? 'better' : g < 0 ? 'worse' : 'unchanged';
}

/**
 * Compares "after" with "before" for one KPI.
 *
 * Example, lower is better: manual touches 40/day before, 10/day after, target 0 → delta −30,
 * improvement (40 − 10) ÷ 40 = 75 %, progress (40 − 10) ÷ (40 − 0) = 75 %.
 */
export function compareKpi(input: KpiComparisonInput): KpiComparison {
  const { direction, baseline, target, after } = input;
  if (!(after.coverage >= 0 && after.coverage <= 1)) {
    throw new RangeError(`Coverage is a fraction from 0 to 1; got ${after.coverage}`);
  }
  const value = after.value;
  return {
    direction,
    baseline,
    target,
    after: value,
    noData: value === null,
    coverage: after.coverage,
    partial: after.coverage < 1,
    delta: value === null || baseline === null ? null : value - baseline,
    change: changeOf(direction, baseline, value),
    improvement: improvementOf(direction, baseline, value),
    progress: progressOf(direction, baseline, target, value),
  };
}
