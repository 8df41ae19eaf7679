import { DURATION_PATTERN, type Slo } from '@roundhouse/contracts';

const MS_PER_UNIT = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Milliseconds in a catalog duration: `"90s"`, `"2m"`, `"26h"`, `"32d"`. A day is always 24 hours
 * (SLO windows are rolling, not calendar days, so daylight-saving changes do not stretch them).
 * Throws a RangeError for anything the catalog's `duration` contract would reject.
 */
export function parseDuration(text: string): number {
  if (!DURATION_PATTERN.test(text)) {
    throw new RangeError(`${JSON.stringify(text)} is not a duration: a whole number and a unit s, m, h or d, e.g. "30d"`);
  }
  const unit = text.slice(-1) as keyof typeof MS_PER_UNIT;
  return Number(text.slice(0, -1)) * MS_PER_UNIT[unit];
}

/** The SLO window (default `30d`) in milliseconds. */
export function sloWindowMs(slo: Pick<Slo, 'window'>): number {
  return parseDuration(slo.window);
}

/** The latency bound or maximum age in milliseconds, or null for SLOs without one (success rate, backlog). */
export function sloThresholdMs(slo: Pick<Slo, 'threshold'>): number | null {
  return slo.threshold === undefined ? null : parseDuration(slo.threshold);
}
