import type { KpiSource } from '@roundhouse/contracts';
import { percentile } from '../runs/index.js';

/** Run totals over a window, as summed from the per-minute rollups. */
export interface RunTotals {
  succeeded: number;
  failed: number;
  deadLettered: number;
  manualTouches: number;
  /** Fixed-bucket duration histogram (`runs/duration-histogram.ts`). */
  histogram: readonly number[];
}

const MS_PER_UNIT: Readonly<Record<string, number>> = {
  ms: 1,
  milliseconds: 1,
  s: 1_000,
  seconds: 1_000,
  min: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  days: 86_400_000,
};

/** Milliseconds in one of a KPI's time units ("minutes", "hours", "days", …), or null when the unit is not a fixed duration. */
export function msPerUnit(unit: string): number | null {
  return MS_PER_UNIT[unit.trim().toLowerCase()] ?? null;
}

export type DerivedKpiValue = { value: number; reason: null } | { value: null; reason: 'no_runs' | 'no_days' | 'unit_not_a_duration' };

export interface DerivedKpiContext {
  /** The KPI's unit: a time unit for cycle times, "%" (else a 0–1 fraction) for error rates. */
  unit: string;
  /** Days with data in the window (window days × coverage), for per-day KPIs. */
  days: number;
}

function perDay(count: number, days: number): DerivedKpiValue {
  return days > 0 ? { value: count / days, reason: null } : { value: null, reason: 'no_days' };
}

/**
 * A KPI derived from runs, over a window:
 * - cycle_time_p50 / cycle_time_p95: the run-duration percentile in the KPI's unit. It comes from
 *   the histogram, so it is the middle of the percentile's bucket, within 9.05 % of the exact value.
 * - error_rate: runs that ended failed or dead-lettered ÷ runs that ended, in % when the unit is "%".
 * - manual_touches_per_day: runs a person had to step in for, per day with data.
 * - throughput_per_day: runs that ended, per day with data.
 */
export function derivedKpiValue(source: Exclude<KpiSource, 'measurement'>, runs: RunTotals, context: DerivedKpiContext): DerivedKpiValue {
  const ended = runs.succeeded + runs.failed + runs.deadLettered;
  switch (source) {
    case 'cycle_time_p50':
    case 'cycle_time_p95': {
      const unitMs = msPerUnit(context.unit);
      if (unitMs === null) {
        return { value: null, reason: 'unit_not_a_duration' };
      }
      const ms = percentile(runs.histogram, source === 'cycle_time_p50' ? 0.5 : 0.95);
      return ms === null ? { value: null, reason: 'no_runs' } : { value: ms / unitMs, reason: null };
    }
    case 'error_rate': {
      if (ended === 0) {
        return { value: null, reason: 'no_runs' };
      }
      const scale = context.unit.trim() === '%' ? 100 : 1;
      return { value: ((runs.failed + runs.deadLettered) * scale) / ended, reason: null };
    }
    case 'manual_touches_per_day':
      return perDay(runs.manualTouches, context.days);
    case 'throughput_per_day':
      return perDay(ended, context.days);
  }
}
