/** A duration written as a whole number and a unit: `90s`, `15m`, `6h`, `30d`. */
export const DURATION_PATTERN = /^[1-9][0-9]*(s|m|h|d)$/;

/** A duration's units and their length in milliseconds. A day is always 24 hours. */
export const DURATION_UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export type DurationUnit = keyof typeof DURATION_UNIT_MS;

/** A duration's number and unit: `"30d"` is `{ count: 30, unit: 'd' }`. */
export interface DurationParts {
  count: number;
  unit: DurationUnit;
}

/**
 * The number and unit of a catalog duration (`"90s"`, `"2m"`, `"26h"`, `"32d"`). Throws a
 * RangeError for anything the catalog's `duration` contract would reject.
 */
export function durationParts(text: string): DurationParts {
  if (!DURATION_PATTERN.test(text)) {
    throw new RangeError(`${JSON.stringify(text)} is not a duration: a whole number and a unit s, m, h or d, e.g. "30d"`);
  }
  return { count: Number(text.slice(0, -1)), unit: text.slice(-1) as DurationUnit };
}

/**
 * Milliseconds in a catalog duration: `"90s"`, `"2m"`, `"26h"`, `"32d"`. A day is always 24 hours
 * (SLO windows and `last` ranges are rolling, not calendar days, so daylight-saving changes do not
 * stretch them). Throws a RangeError for anything the catalog's `duration` contract would reject.
 */
export function parseDuration(text: string): number {
  const { count, unit } = durationParts(text);
  return count * DURATION_UNIT_MS[unit];
}
