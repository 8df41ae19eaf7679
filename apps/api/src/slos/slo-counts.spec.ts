import type { Slo } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { errorBudget } from './error-budget.js';
import { sloCounts } from './slo-counts.js';

const MINUTE = 60_000;

/** An SLO as the catalog contract yields it (window defaulted). */
function sloOf(fields: Pick<Slo, 'indicator' | 'objective'> & Partial<Slo>): Slo {
  return { name: 'an-slo', title: 'An SLO', window: '30d', ...fields };
}

describe(sloCounts.name, () => {
  it('counts a success-rate SLO from run outcomes', () => {
    const slo = sloOf({ indicator: 'success_rate', objective: 99.5 });

    const counts = sloCounts(slo, { indicator: 'success_rate', runs: { succeeded: 1_987, failed: 3, deadLettered: 10 } });

    // 1,987 good of 2,000; 99.5 % allows 10 bad, 13 were → 130 % of the budget spent
    expect(counts).toEqual({ good: 1_987, total: 2_000 });
    expect(errorBudget(slo.objective, counts)).toMatchObject({ consumedFraction: 1.3, overspent: true });
  });

  it('counts a latency SLO from the runs counted at its threshold exactly', () => {
    // "95 % of invoices sent within 15 minutes": 96 of 100 runs took at most 15 minutes.
    const slo = sloOf({ indicator: 'latency', objective: 95, percentile: 95, threshold: '15m' });

    expect(sloCounts(slo, { indicator: 'latency', runs: 100, within: 96 })).toEqual({ good: 96, total: 100 });
  });

  it('counts a freshness SLO in minutes', () => {
    // threshold 15 min, one success at 0, window 0 to 60 min → fresh at minutes 0–15 → 16 of 60
    const slo = sloOf({ indicator: 'freshness', objective: 99.5, threshold: '15m' });

    expect(sloCounts(slo, { indicator: 'freshness', successes: [0], from: 0, to: 60 * MINUTE })).toEqual({ good: 16, total: 60 });
  });

  it('counts dead-letter backlog and oldest-age SLOs from per-minute samples', () => {
    const backlog = sloOf({ indicator: 'dead_letter_backlog', objective: 99, maxBacklog: 500 });
    const age = sloOf({ indicator: 'dead_letter_age', objective: 99, threshold: '30m' });

    expect(sloCounts(backlog, { indicator: 'dead_letter_backlog', pendingSamples: [10, 600, 500] })).toEqual({ good: 2, total: 3 });
    // 0 (nothing pending), 29 min, 31 min against 30 min → 2 of 3
    expect(sloCounts(age, { indicator: 'dead_letter_age', oldestAgeSamplesMs: [0, 29 * MINUTE, 31 * MINUTE] })).toEqual({ good: 2, total: 3 });
  });

  it('refuses data for another indicator', () => {
    const slo = sloOf({ indicator: 'latency', objective: 95, threshold: '15m' });

    expect(() => sloCounts(slo, { indicator: 'success_rate', runs: { succeeded: 1, failed: 0, deadLettered: 0 } })).toThrow(/measures latency; got success_rate data/);
  });

  it('refuses an SLO missing what its indicator needs (the catalog contract would have)', () => {
    expect(() => sloCounts(sloOf({ indicator: 'freshness', objective: 99 }), { indicator: 'freshness', successes: [], from: 0, to: MINUTE })).toThrow(/needs a threshold/);
    expect(() => sloCounts(sloOf({ indicator: 'dead_letter_backlog', objective: 99 }), { indicator: 'dead_letter_backlog', pendingSamples: [] })).toThrow(/needs maxBacklog/);
  });
});
