import { describe, expect, it } from 'vitest';
import { describeBudget, SLO_STATE_LABELS, type ErrorBudget } from './sloWords';

function budget(objective: number, good: number, total: number): ErrorBudget {
  // As the api computes it: allowed = total × (100 − objective) / 100; spent = bad ÷ allowed.
  const bad = total - good;
  const allowedBad = (total * (100 - objective)) / 100;
  const consumedFraction = total === 0 ? 0 : bad / allowedBad;
  return { noData: total === 0, good, total, bad, allowedBad, consumedFraction, remainingFraction: 1 - consumedFraction, overspent: bad > allowedBad };
}

describe(describeBudget.name, () => {
  it('says how much room for failures is left, in whole misses', () => {
    // 99.5% of 12,000 runs allows 60 misses; 45 happened: 25% left.
    expect(describeBudget(budget(99.5, 11_955, 12_000), 99.5)).toBe('25% of the room for failures left: 45 of the 60 misses allowed have happened.');
    // 99.5% of 10,000 allows 50; exactly 50 happened.
    expect(describeBudget(budget(99.5, 9_950, 10_000), 99.5)).toBe('No room for failures left: all 50 misses allowed have happened.');
  });

  it('calls an overspent budget broken: 98.82% against 99.5% is 236% of the room used', () => {
    // 10,000 runs allow 50 misses; 118 missed: 118 ÷ 50 = 236%.
    expect(describeBudget(budget(99.5, 9_882, 10_000), 99.5)).toBe('Broken: 118 runs missed where 50 were allowed (236% of the room for failures used).');
    expect(describeBudget(budget(95, 1_561, 1_800), 95, 'minutes')).toBe('Broken: 239 minutes missed where 90 were allowed (266% of the room for failures used).');
  });

  it('never speaks of a fraction of a miss when too few were counted for one', () => {
    // 6 runs at 99.5% allow 0.03 misses.
    expect(describeBudget(budget(99.5, 6, 6), 99.5)).toBe('No misses yet: 99.5% allows one in every 200 runs, and 6 runs so far.');
    expect(describeBudget(budget(98, 3, 4), 98)).toBe('Broken: 1 of 4 runs missed, where 98% allows one in every 50.');
    expect(describeBudget(budget(97, 1, 1), 97)).toBe('No misses yet: 97% allows about one in every 33 runs, and 1 run so far.');
    expect(describeBudget(budget(99.5, 6, 6), 99.5)).not.toMatch(/0\.03/);
  });

  it('says nothing was counted rather than showing a full budget', () => {
    expect(describeBudget(budget(99.5, 0, 0), 99.5)).toBe('Nothing counted in the window yet, so none of the room for failures has been used.');
  });
});

describe('SLO_STATE_LABELS', () => {
  it('says Breached for a broken promise and At risk only for one that still holds', () => {
    expect(SLO_STATE_LABELS.breached).toBe('Breached');
    expect(SLO_STATE_LABELS.burning).toBe('At risk');
    expect(SLO_STATE_LABELS.paging).toBe('At risk: on-call paged');
  });
});
