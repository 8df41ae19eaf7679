/**
 * An automation's health over a window, from its runs: throughput, success, error and retry rates and
 * duration percentiles, per bucket (the api's own liveness is `probes/`).
 */
import { addHistograms, emptyHistogram, percentile } from './duration-histogram.js';
import type { RollupBucket } from './runs.repository.js';

export const WINDOWS = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export const BUCKETS = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '6h': 21_600_000, '1d': 86_400_000 } as const;
export type HealthWindow = keyof typeof WINDOWS;
export type HealthBucket = keyof typeof BUCKETS;

/** The bucket a window is drawn with when none is asked for: 60 to 168 points. */
export const DEFAULT_BUCKET: Record<HealthWindow, HealthBucket> = { '1h': '1m', '24h': '15m', '7d': '1h', '30d': '6h' };

export interface Counts {
  succeeded: number;
  failed: number;
  deadLettered: number;
  retried: number;
  histogram: number[];
}

export interface HealthFigures {
  throughput: number;
  succeeded: number;
  failed: number;
  deadLettered: number;
  retried: number;
  successRate: number | null;
  errorRate: number | null;
  retryRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

/**
 * Rates over finished attempts. Success rate: succeeded / runs that ended (succeeded, failed,
 * dead-lettered); error rate is its complement; retry rate: retried attempts / all finished attempts.
 */
export function figures(counts: Counts): HealthFigures {
  const ended = counts.succeeded + counts.failed + counts.deadLettered;
  const throughput = ended + counts.retried;
  return {
    throughput,
    succeeded: counts.succeeded,
    failed: counts.failed,
    deadLettered: counts.deadLettered,
    retried: counts.retried,
    successRate: ended === 0 ? null : counts.succeeded / ended,
    errorRate: ended === 0 ? null : (counts.failed + counts.deadLettered) / ended,
    retryRate: throughput === 0 ? null : counts.retried / throughput,
    p50Ms: percentile(counts.histogram, 0.5),
    p95Ms: percentile(counts.histogram, 0.95),
    p99Ms: percentile(counts.histogram, 0.99),
  };
}

export function countsOf(bucket: RollupBucket): Counts {
  return { succeeded: bucket.succeeded, failed: bucket.failed, deadLettered: bucket.dead_lettered, retried: bucket.retried, histogram: bucket.histogram ?? emptyHistogram() };
}

export function sumCounts(all: readonly Counts[]): Counts {
  return all.reduce<Counts>(
    (sum, c) => ({
      succeeded: sum.succeeded + c.succeeded,
      failed: sum.failed + c.failed,
      deadLettered: sum.deadLettered + c.deadLettered,
      retried: sum.retried + c.retried,
      histogram: addHistograms(sum.histogram, c.histogram),
    }),
    { succeeded: 0, failed: 0, deadLettered: 0, retried: 0, histogram: emptyHistogram() },
  );
}

/** Every bucket start from `from` to `to`, so the series has no gaps where nothing ran. */
export function bucketStarts(from: Date, to: Date, bucketMs: number): Date[] {
  const starts: Date[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += bucketMs) {
    starts.push(new Date(t));
  }
  return starts;
}
