import { emptyHistogram } from '../src/runs/duration-histogram.js';

/** Milliseconds, for placing rollup rows in time. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A duration histogram with `count` runs in `bucket` and none elsewhere, as SQL array text for rollup rows. */
export function histogramText(bucket: number, count: number): string {
  const h = emptyHistogram();
  h[bucket] = count;
  return `{${h.join(',')}}`;
}
