import { dashboardDateRange, durationParts, type DashboardDateRange, type DashboardTrendInterval, type DurationUnit } from '@roundhouse/contracts';
import { InputError } from '../errors/domain-errors.js';
import { kpiWindow, windowDays, type TimeWindow } from './kpi-window.js';

/** A date range as asked (a dashboard's `defaultRange` or a viewer's pick), resolved against `now`. */
export interface ResolvedRange extends TimeWindow {
  spec: DashboardDateRange;
  /** Length in 24-hour days. */
  days: number;
  /** Plain words: "Last 30 days" or "1 Sep 2026 – 30 Nov 2026". */
  label: string;
}

/** The range as the API receives it: every field optional, GraphQL nulls included. */
export interface DateRangeArgs {
  last?: string | null;
  from?: string | null;
  to?: string | null;
}

const UNIT_WORDS: Readonly<Record<DurationUnit, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day' };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayLabel(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day ?? ''} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

/** "Last 30 days", "Last hour", "1 Sep 2026 – 30 Nov 2026", "1 Sep 2026". */
export function rangeLabel(spec: DashboardDateRange): string {
  if (spec.last !== undefined) {
    const { count, unit } = durationParts(spec.last);
    return count === 1 ? `Last ${UNIT_WORDS[unit]}` : `Last ${count} ${UNIT_WORDS[unit]}s`;
  }
  const from = dayLabel(spec.from ?? '');
  const to = dayLabel(spec.to ?? '');
  return from === to ? from : `${from} – ${to}`;
}

/** The range asked, or `fallback` when none was (no argument, or one with every field empty). */
export function rangeOrDefault(args: DateRangeArgs | null | undefined, fallback: DateRangeArgs): DateRangeArgs {
  const given = args !== null && args !== undefined && Object.values(args).some((value) => value !== null && value !== undefined && value !== '');
  return given ? args : fallback;
}

/**
 * Validates a range with the dashboards' contract (`dashboardDateRange`) and resolves it against
 * `now`. A bad range is an InputError naming the field under `fieldPrefix` ("range.to"); so is a
 * range that starts after today (a range that runs on past today is shown, with partial data).
 */
export function resolveRange(args: DateRangeArgs, now: Date, fieldPrefix = 'range'): ResolvedRange {
  const present = Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined && value !== ''));
  const parsed = dashboardDateRange.safeParse(present);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => {
      const path = [fieldPrefix, ...issue.path.map(String)].join('.');
      const key = issue.path[0];
      const found = typeof key === 'string' && key in present ? JSON.stringify(present[key]) : 'nothing';
      return { path, message: `${path}: found ${found}; allowed: ${issue.message}`, found, allowed: issue.message };
    });
    throw new InputError(`The date range is not valid. ${fields.map((f) => f.message).join('; ')}.`, fields);
  }
  const spec = parsed.data;
  const window = kpiWindow(spec, now);
  if (spec.from !== undefined && window.from.getTime() > now.getTime()) {
    const today = now.toISOString().slice(0, 10);
    const path = `${fieldPrefix}.from`;
    const allowed = `a date up to today (${today}): nothing can have been measured after today yet`;
    const message = `${path}: found "${spec.from}"; allowed: ${allowed}`;
    throw new InputError(
      `The range ${rangeLabel(spec)} is in the future: nothing has been measured in it yet, so it cannot be shown. Choose dates that start today (${dayLabel(today)}) or earlier.`,
      [{ path, message, found: `"${spec.from}"`, allowed }],
    );
  }
  return { spec, ...window, days: windowDays(window), label: rangeLabel(spec) };
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/** Most points a trend may have: an hourly trend over 31 days. */
export const MAX_TREND_POINTS = 31 * 24;

export const INTERVAL_MS: Readonly<Record<DashboardTrendInterval, number>> = { hour: HOUR_MS, day: DAY_MS, week: WEEK_MS };

/** The start of the hour, UTC day or ISO week (Monday 00:00 UTC) holding `at`. */
export function bucketStart(at: Date, interval: DashboardTrendInterval): Date {
  const ms = at.getTime();
  switch (interval) {
    case 'hour':
      return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS);
    case 'day':
      return new Date(Math.floor(ms / DAY_MS) * DAY_MS);
    case 'week': {
      const day = Math.floor(ms / DAY_MS) * DAY_MS;
      const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
      return new Date(day - sinceMonday * DAY_MS);
    }
  }
}

/** One trend bucket: its start (the point's `at`), and the part of the range it covers. */
export interface TrendBucket {
  at: Date;
  from: Date;
  to: Date;
}

/** The plan of a trend: the first bucket's start and the bucket length, as the repository groups by them. */
export interface TrendPlan {
  interval: DashboardTrendInterval;
  origin: Date;
  stepMs: number;
  buckets: TrendBucket[];
}

/**
 * The buckets of a trend over a range, oldest first: whole hours, UTC days or ISO weeks, the first
 * and last clipped to the range. More than `MAX_TREND_POINTS` is an InputError on `interval`.
 */
export function trendPlan(range: TimeWindow, interval: DashboardTrendInterval): TrendPlan {
  const stepMs = INTERVAL_MS[interval];
  const origin = bucketStart(range.from, interval);
  const end = range.to.getTime();
  const count = Math.ceil((end - origin.getTime()) / stepMs);
  if (count > MAX_TREND_POINTS) {
    const allowed = `at most ${MAX_TREND_POINTS} points (an hourly trend covers at most 31 days); choose a shorter range or a longer interval`;
    const message = `interval: found "${interval}", which gives ${count} points over this range; allowed: ${allowed}`;
    throw new InputError(`The trend has too many points. ${message}.`, [{ path: 'interval', message, found: `"${interval}"`, allowed }]);
  }
  const buckets: TrendBucket[] = [];
  for (let at = origin.getTime(); at < end; at += stepMs) {
    buckets.push({ at: new Date(at), from: new Date(Math.max(at, range.from.getTime())), to: new Date(Math.min(at + stepMs, end)) });
  }
  return { interval, origin, stepMs, buckets };
}
