import { parseDuration } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import {
  alertWindowsMs,
  burnRateForBudgetSpent,
  checkBurnRatePolicy,
  countsFromMap,
  DEFAULT_BURN_RATE_POLICY,
  evaluateBurnRates,
  type BurnRatePolicy,
  type CountsInLast,
} from './burn-rate-alerts.js';
import type { GoodTotal } from './error-budget.js';

type Window = '5m' | '30m' | '1h' | '6h' | '3d';

/** Bad and total events per window; everything else good. */
function counts(bad: Record<Window, [bad: number, total: number]>): CountsInLast {
  return countsFromMap(new Map(Object.entries(bad).map(([window, [b, total]]): [number, GoodTotal] => [parseDuration(window), { good: total - b, total }])));
}

/**
 * All fixtures are for a 99.5 % SLO: a 0.5 % budget, so the burn rate is the bad share ÷ 0.5 %.
 * A healthy automation: 1,000 runs an hour with 1 bad (0.1 % → burn 0.2).
 */
const HEALTHY: Record<Window, [number, number]> = {
  '5m': [0, 83],
  '30m': [0, 500],
  '1h': [1, 1_000], // 0.1 % ÷ 0.5 % = 0.2
  '6h': [6, 6_000], // 0.2
  '3d': [72, 72_000], // 0.2
};

describe(evaluateBurnRates.name, () => {
  it('fires nothing for a healthy automation', () => {
    const evaluation = evaluateBurnRates(99.5, counts(HEALTHY));

    expect(evaluation.firing).toEqual([]);
    expect(evaluation.severity).toBeNull();
    expect(evaluation.results.map((r) => [r.rule.name, r.long.burnRate, r.short.burnRate])).toEqual([
      ['fast-burn', 0.2, 0],
      ['sustained-burn', 0.2, 0],
      ['slow-burn', 0.2, 0.2],
    ]);
  });

  it('pages at exactly 14.4× over 1 h when the last 5 min burn at least as fast', () => {
    // 1 h: 72 bad of 1,000 = 7.2 % ÷ 0.5 % = 14.4 (the threshold itself); 5 min: 8 of 100 = 8 % → 16
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [72, 1_000], '5m': [8, 100] }));

    expect(evaluation.severity).toBe('page');
    expect(evaluation.firing).toHaveLength(1);
    expect(evaluation.firing[0]).toMatchObject({
      rule: { name: 'fast-burn', severity: 'page', burnRate: 14.4 },
      long: { window: '1h', windowMs: 3_600_000, good: 928, total: 1_000, burnRate: 14.4 },
      short: { window: '5m', windowMs: 300_000, good: 92, total: 100, burnRate: 16 },
      firing: true,
    });
  });

  it('does not page just below the threshold', () => {
    // 1 h: 71 of 1,000 = 7.1 % → 14.2 < 14.4, although the last 5 min burn at 16
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [71, 1_000], '5m': [8, 100] }));

    expect(evaluation.firing).toEqual([]);
    expect(evaluation.results[0]?.long.burnRate).toBeCloseTo(14.2, 12);
  });

  it('stops paging once the last 5 min are clean, even while the hour still looks bad', () => {
    // 1 h: 100 of 1,000 = 10 % → 20; 5 min: 0 of 90 → 0: the problem stopped
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [100, 1_000], '5m': [0, 90] }));

    expect(evaluation.firing).toEqual([]);
  });

  it('does not page for a 5-minute blip the hour does not confirm', () => {
    // 5 min: 50 of 100 → 100×; 1 h: 20 of 1,000 = 2 % → 4
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [20, 1_000], '5m': [50, 100] }));

    expect(evaluation.firing).toEqual([]);
  });

  it('does not fire when a window had no traffic at all', () => {
    // 1 h: 100 of 1,000 → 20; 5 min: nothing ran → no burn rate
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [100, 1_000], '5m': [0, 0] }));

    expect(evaluation.firing).toEqual([]);
    expect(evaluation.results[0]?.short.burnRate).toBeNull();
  });

  it('pages at exactly 6× over 6 h and 30 min', () => {
    // 6 h: 180 of 6,000 = 3 % ÷ 0.5 % = 6; 30 min: 15 of 500 = 3 % → 6
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '6h': [180, 6_000], '30m': [15, 500] }));

    expect(evaluation.severity).toBe('page');
    expect(evaluation.firing.map((r) => [r.rule.name, r.long.burnRate, r.short.burnRate])).toEqual([['sustained-burn', 6, 6]]);
  });

  it('opens a ticket at exactly 1× over 3 d and 6 h', () => {
    // 3 d: 360 of 72,000 = 0.5 % → 1; 6 h: 30 of 6,000 = 0.5 % → 1 (below the 6× page)
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '3d': [360, 72_000], '6h': [30, 6_000] }));

    expect(evaluation.severity).toBe('ticket');
    expect(evaluation.firing.map((r) => [r.rule.name, r.long.burnRate, r.short.burnRate])).toEqual([['slow-burn', 1, 1]]);
  });

  it('names every firing rule, the page outranking the ticket', () => {
    // 1 h → 14.4, 5 min → 16; 6 h: 36 of 6,000 = 0.6 % → 1.2; 3 d: 432 of 72,000 = 0.6 % → 1.2
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [72, 1_000], '5m': [8, 100], '6h': [36, 6_000], '3d': [432, 72_000] }));

    expect(evaluation.firing.map((r) => r.rule.name)).toEqual(['fast-burn', 'slow-burn']);
    expect(evaluation.severity).toBe('page');
  });

  it('says how much of a 30-day budget the long window spent, for the alert text', () => {
    // 14.4 × 1 h ÷ 720 h = 0.02: 2 % of the month's budget in the last hour
    const evaluation = evaluateBurnRates(99.5, counts({ ...HEALTHY, '1h': [72, 1_000], '5m': [8, 100] }), { sloWindow: '30d' });

    expect(evaluation.firing[0]?.budgetSpentInLongWindow).toBeCloseTo(0.02, 12);
    expect(evaluateBurnRates(99.5, counts(HEALTHY)).results[0]?.budgetSpentInLongWindow).toBeNull();
  });

  it('takes other thresholds and windows', () => {
    // A 7-day SLO paging at 10× over 2 h and 10 min; 99 % objective: 1 % budget.
    const policy: BurnRatePolicy = { rules: [{ name: 'weekly-fast', severity: 'page', burnRate: 10, longWindow: '2h', shortWindow: '10m' }] };
    // 2 h: 20 of 200 = 10 % ÷ 1 % = 10; 10 min: 3 of 20 = 15 % → 15
    const twoHoursTenMinutes = countsFromMap(
      new Map([
        [7_200_000, { good: 180, total: 200 }],
        [600_000, { good: 17, total: 20 }],
      ]),
    );

    const evaluation = evaluateBurnRates(99, twoHoursTenMinutes, { policy });

    expect(evaluation.firing.map((r) => [r.rule.name, r.long.burnRate, r.short.burnRate])).toEqual([['weekly-fast', 10, 15]]);
  });

  it('refuses a policy it cannot use, naming every problem', () => {
    const policy: BurnRatePolicy = {
      rules: [
        { name: 'a', severity: 'page', burnRate: 0, longWindow: '1h', shortWindow: '1h' },
        { name: 'a', severity: 'ticket', burnRate: 2, longWindow: '1 day', shortWindow: '6h' },
      ],
    };

    expect(checkBurnRatePolicy(policy)).toEqual([
      'rules[0] (a).burnRate: a number above 0, got 0',
      'rules[0] (a).shortWindow: shorter than the long window 1h, got 1h',
      'rules[1] (a).longWindow: "1 day" is not a duration: a whole number and a unit s, m, h or d, e.g. "30d"',
      'rules[1].name: a unique, non-empty name, got "a"',
    ]);
    expect(() => evaluateBurnRates(99.5, counts(HEALTHY), { policy })).toThrow(/burnRate: a number above 0/);
  });

  it('accepts the default policy', () => {
    expect(checkBurnRatePolicy(DEFAULT_BURN_RATE_POLICY)).toEqual([]);
  });
});

describe(alertWindowsMs.name, () => {
  it('lists each window the default policy reads once, shortest first', () => {
    // 5 min, 30 min, 1 h, 6 h (long for one rule, short for another), 3 d
    expect(alertWindowsMs()).toEqual([300_000, 1_800_000, 3_600_000, 21_600_000, 259_200_000]);
  });
});

describe(countsFromMap.name, () => {
  it('refuses a window that was not prepared', () => {
    const countsInLast = countsFromMap(new Map([[300_000, { good: 1, total: 1 }]]));

    expect(countsInLast(300_000)).toEqual({ good: 1, total: 1 });
    expect(() => countsInLast(3_600_000)).toThrow(/No counts prepared for a 3600000 ms window \(have: 300000\)/);
  });
});

describe(burnRateForBudgetSpent.name, () => {
  it.each([
    // share of a 30-day budget, long window, burn rate = share × 720 h ÷ window
    [0.02, '1h', 14.4], // 0.02 × 720 ÷ 1
    [0.05, '6h', 6], // 0.05 × 720 ÷ 6
    [0.1, '3d', 1], // 0.10 × 720 ÷ 72
  ])('derives the workbook defaults: %d of the budget in %s → %d', (fraction, window, expected) => {
    expect(burnRateForBudgetSpent(fraction, window, '30d')).toBeCloseTo(expected, 12);
  });

  it('gives other rates for another SLO window', () => {
    // 2 % of a 7-day budget in 1 h: 0.02 × 168 h ÷ 1 h = 3.36
    expect(burnRateForBudgetSpent(0.02, '1h', '7d')).toBeCloseTo(3.36, 12);
  });
});
