import { describe, expect, it } from 'vitest';
import { MetricsService, type PartitionState } from './metrics.service.js';

describe('the partition gauges on /metrics', () => {
  it('show what the database says at each scrape, and nothing (not the last values) when it cannot be read', async () => {
    const metrics = new MetricsService();
    let reads = 0;
    let answer: () => Promise<PartitionState[]> = () => Promise.resolve([{ table: 'run', defaultRows: 0, daysAhead: 7 }]);
    metrics.watchPartitions(() => {
      reads += 1;
      return answer();
    });

    const first = await metrics.registry.metrics();
    expect(first).toContain('roundhouse_partition_default_rows{table="run"} 0');
    expect(first).toContain('roundhouse_partition_days_ahead{table="run"} 7');
    // One read of the database for both gauges.
    expect(reads).toBe(1);

    answer = () => Promise.reject(new Error('connection terminated'));
    const during = await metrics.registry.metrics();
    expect(during).not.toMatch(/roundhouse_partition_days_ahead\{/);
    expect(during).not.toMatch(/roundhouse_partition_default_rows\{/);

    answer = () => Promise.resolve([{ table: 'run', defaultRows: 3, daysAhead: 2 }]);
    const after = await metrics.registry.metrics();
    expect(after).toContain('roundhouse_partition_default_rows{table="run"} 3');
    expect(after).toContain('roundhouse_partition_days_ahead{table="run"} 2');
  });
});
