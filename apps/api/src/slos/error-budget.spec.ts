import { describe, expect, it } from 'vitest';
import { burnRate, errorBudget, type MeasuredErrorBudget } from './error-budget.js';
import { stateOf } from './slo-state.js';

function measured(objective: number, good: number, total: number): MeasuredErrorBudget {
  const budget = errorBudget(objective, { good, total });
  if (budget.noData) {
    throw new Error('expected a measured budget');
  }
  return budget;
}

describe(errorBudget.name, () => {
  it('99.9 % over 30 d with 1,000,000 runs allows 1,000 bad; 250 bad have consumed 25 %, 75 % remains', () => {
    // budget = 1 − 0.999 = 0.001; allowed = 1,000,000 × 0.001 = 1,000; consumed = 250 / 1,000 = 0.25
    expect(errorBudget(99.9, { good: 999_750, total: 1_000_000 })).toEqual({
      noData: false,
      objective: 99.9,
      good: 999_750,
      total: 1_000_000,
      bad: 250,
      allowedBad: 1_000,
      consumedFraction: 0.25,
      remainingFraction: 0.75,
      overspent: false,
      attainedPercent: 99.975, // 999,750 / 1,000,000
    });
  });

  it('says so when nothing was counted: the budget is intact, there is no attainment', () => {
    expect(errorBudget(99.5, { good: 0, total: 0 })).toEqual({
      noData: true,
      objective: 99.5,
      good: 0,
      total: 0,
      bad: 0,
      allowedBad: 0,
      consumedFraction: 0,
      remainingFraction: 1,
      overspent: false,
      attainedPercent: null,
    });
  });

  it('spending exactly the budget leaves 0 and is not overspending', () => {
    // 99.5 % of 2,000 runs → 2,000 × 0.005 = 10 bad allowed; 10 bad → consumed 10 / 10 = 1
    const budget = measured(99.5, 1_990, 2_000);
    expect(budget.allowedBad).toBe(10);
    expect(budget.consumedFraction).toBe(1);
    expect(budget.remainingFraction).toBe(0);
    expect(budget.overspent).toBe(false);
  });

  it('goes negative when overspent', () => {
    // 13 bad of 10 allowed → consumed 1.3, remaining 1 − 1.3 = −0.3; attained 1,987 / 2,000 = 99.35 %
    const budget = measured(99.5, 1_987, 2_000);
    expect(budget.consumedFraction).toBe(1.3);
    expect(budget.remainingFraction).toBeCloseTo(-0.3, 12);
    expect(budget.overspent).toBe(true);
    expect(budget.attainedPercent).toBe(99.35);
  });

  it('can be overspent many times over', () => {
    // 99 % of 100 runs → 1 bad allowed; all 100 bad → consumed 100, remaining −99
    const budget = measured(99, 0, 100);
    expect(budget).toMatchObject({ allowedBad: 1, consumedFraction: 100, remainingFraction: -99, overspent: true, attainedPercent: 0 });
  });

  it('is untouched when every event was good', () => {
    expect(measured(98, 500, 500)).toMatchObject({ bad: 0, allowedBad: 10, consumedFraction: 0, remainingFraction: 1, attainedPercent: 100 });
  });

  it('keeps objectives with several decimals exact', () => {
    // 99.95 % of 20,000 → 20,000 × 0.0005 = 10 allowed; 5 bad → 50 % consumed
    expect(measured(99.95, 19_995, 20_000)).toMatchObject({ allowedBad: 10, consumedFraction: 0.5, remainingFraction: 0.5 });
    // 99.99 % of 1,000,000 → 100 allowed; 101 bad → overspent by one run
    expect(measured(99.99, 999_899, 1_000_000)).toMatchObject({ allowedBad: 100, consumedFraction: 1.01, overspent: true });
  });

  it('leaves allowed bad events unrounded for small totals', () => {
    // 99.5 % of 1,001 → 5.005 allowed; 5 bad is within it
    expect(measured(99.5, 996, 1_001)).toMatchObject({ allowedBad: 5.005, overspent: false });
  });

  it.each([0, 100, -1, 101, Number.NaN])('rejects an objective of %d %%', (objective) => {
    expect(() => errorBudget(objective, { good: 1, total: 1 })).toThrow(RangeError);
  });

  it.each([
    [11, 10],
    [-1, 10],
    [1, Number.POSITIVE_INFINITY],
  ])('rejects good %d of total %d', (good, total) => {
    expect(() => errorBudget(99, { good, total })).toThrow(RangeError);
  });
});

describe(burnRate.name, () => {
  it('is null when nothing was counted in the window', () => {
    expect(burnRate(99.5, { good: 0, total: 0 })).toBeNull();
  });

  it.each([
    // objective, good, total, burn rate: (bad / total) ÷ (1 − objective)
    [99.5, 928, 1_000, 14.4], // 72 / 1,000 = 7.2 % ÷ 0.5 % = 14.4
    [99.9, 9_856, 10_000, 14.4], // 144 / 10,000 = 1.44 % ÷ 0.1 % = 14.4
    [99, 564, 600, 6], // 36 / 600 = 6 % ÷ 1 % = 6
    [99.5, 5_970, 6_000, 1], // 30 / 6,000 = 0.5 % ÷ 0.5 % = 1
    [98, 1_000, 1_000, 0], // nothing bad burns nothing
    [95, 0, 40, 20], // all bad: 100 % ÷ 5 % = 20, the most a 95 % SLO can burn
  ])('at %d %% with %d good of %d is exactly %d', (objective, good, total, expected) => {
    expect(burnRate(objective, { good, total })).toBe(expected);
  });

  it('over the whole SLO window equals the share of the budget consumed', () => {
    const counts = { good: 999_750, total: 1_000_000 };
    expect(burnRate(99.9, counts)).toBe(measured(99.9, counts.good, counts.total).consumedFraction);
  });
});

describe(stateOf.name, () => {
  it('is Breached once the objective is missed over the window or the budget is spent, whatever fires', () => {
    // 98.82 % against 99.5 %: 10,000 runs allow 50 bad; 118 bad spent 236 % of the budget.
    const overspent = errorBudget(99.5, { good: 9882, total: 10_000 });
    expect(overspent.consumedFraction).toBeCloseTo(2.36, 12);
    expect(stateOf(overspent, null, null)).toBe('breached');
    expect(stateOf(overspent, 'ticket', null)).toBe('breached');
    expect(stateOf(overspent, 'page', null)).toBe('breached');
    // Exactly 50 bad: the whole budget spent, nothing left for one more failure.
    expect(stateOf(errorBudget(99.5, { good: 9950, total: 10_000 }), null, null)).toBe('breached');
  });

  it('is At risk while burning but not yet broken, and kept otherwise', () => {
    // 49 bad of 10,000 at 99.5 %: 98 % of the budget spent, not broken.
    const nearly = errorBudget(99.5, { good: 9951, total: 10_000 });
    expect(stateOf(nearly, 'ticket', null)).toBe('burning');
    expect(stateOf(nearly, 'page', null)).toBe('paging');
    expect(stateOf(nearly, null, null)).toBe('ok');
    // A dead-letter limit crossed right now, with the budget intact: at risk.
    expect(stateOf(errorBudget(99, { good: 100, total: 100 }), null, true)).toBe('burning');
    expect(stateOf(errorBudget(99, { good: 0, total: 0 }), null, true)).toBe('burning');
    expect(stateOf(errorBudget(99, { good: 0, total: 0 }), null, false)).toBe('ok');
    expect(stateOf(errorBudget(99, { good: 0, total: 0 }), null, null)).toBe('no_data');
  });
});
