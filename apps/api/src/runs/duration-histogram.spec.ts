import { describe, expect, it } from 'vitest';
import { bucketOf, emptyHistogram, HISTOGRAM_RELATIVE_ERROR, percentile } from './duration-histogram.js';

/** A seeded generator, so the data is the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function exactPercentile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? 0;
}

describe(percentile.name, () => {
  it('is null for an empty histogram', () => {
    expect(percentile(emptyHistogram(), 0.95)).toBeNull();
  });

  it.each([
    ['log-normal latencies around 800 ms', (r: () => number) => Math.exp(Math.log(800) + (r() + r() + r() - 1.5) * 2)],
    ['uniform 1 ms to 60 s', (r: () => number) => 1 + r() * 60_000],
    ['a slow tail: 95% near 200 ms, 5% near 30 s', (r: () => number) => (r() < 0.95 ? 150 + r() * 100 : 20_000 + r() * 20_000)],
  ])('stays within the documented %s error of exact p50, p95 and p99: %s', (_name, draw) => {
    const next = random(42);
    const values = Array.from({ length: 20_000 }, () => draw(next));
    const histogram = emptyHistogram();
    for (const value of values) {
      histogram[bucketOf(value)] = (histogram[bucketOf(value)] ?? 0) + 1;
    }
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = exactPercentile(sorted, q);
      const estimate = percentile(histogram, q) ?? 0;
      expect(Math.abs(estimate - exact) / exact, `p${q * 100}: ${estimate} vs ${exact}`).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    }
  });

  it('puts durations in ascending buckets, four per doubling', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(1);
    expect(bucketOf(2)).toBe(5);
    expect(bucketOf(1000)).toBeLessThan(bucketOf(1200));
    expect(bucketOf(10 ** 12)).toBe(120);
  });
});
