import { parseDuration, type DashboardDateRange } from '@roundhouse/contracts';

const DAY_MS = 86_400_000;

/** A half-open time window [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * The "after" window of a dashboard's date range. `last: 30d` is the 30 days up to `now`;
 * `from`–`to` are whole calendar days in UTC, both included: 2026-07-01 to 2026-09-30 is
 * [2026-07-01T00:00Z, 2026-10-01T00:00Z).
 */
export function kpiWindow(range: DashboardDateRange, now: Date): TimeWindow {
  if (range.last !== undefined) {
    return { from: new Date(now.getTime() - parseDuration(range.last)), to: new Date(now.getTime()) };
  }
  if (range.from !== undefined && range.to !== undefined) {
    return { from: new Date(`${range.from}T00:00:00Z`), to: new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS) };
  }
  throw new RangeError('A date range needs either last or both from and to');
}

/**
 * The fraction of a window that can have data: the part that is already past (not after `now`) and
 * not before the automation began reporting (`dataSince`, null when it never has). A window that
 * runs into the future, or starts before the first report, is partial. Quiet stretches inside the
 * covered part (a weekend without runs) are data, not gaps: nothing ran.
 *
 * Example: the 30 days of September, asked on 16 September 00:00 for an automation reporting since
 * 1 August → 15 of 30 days → 0.5.
 */
export function windowCoverage(window: TimeWindow, dataSince: Date | null, now: Date): number {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (!(to > from)) {
    throw new RangeError(`A window must end after it starts; got ${window.from.toISOString()} to ${window.to.toISOString()}`);
  }
  if (dataSince === null) {
    return 0;
  }
  const covered = Math.min(to, now.getTime()) - Math.max(from, dataSince.getTime());
  return Math.max(0, covered) / (to - from);
}

/** The window's length in days (24-hour days), e.g. to turn a coverage into days with data. */
export function windowDays(window: TimeWindow): number {
  return (window.to.getTime() - window.from.getTime()) / DAY_MS;
}
