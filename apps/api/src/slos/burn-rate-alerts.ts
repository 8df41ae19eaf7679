import { parseDuration } from '@roundhouse/contracts';
import { ALERT_SEVERITIES, checkBurnRatePolicy, DEFAULT_BURN_RATE_POLICY, type AlertSeverity, type BurnRatePolicy, type BurnRateRule } from '../config/burn-rate-rules.js';
import { burnRate, type GoodTotal } from './error-budget.js';

// The policy's model and checks are the ROUNDHOUSE_BURN_RATE_RULES setting's (config/burn-rate-rules.ts); the SLO feature offers them with its evaluation.
export { ALERT_SEVERITIES, checkBurnRatePolicy, DEFAULT_BURN_RATE_POLICY, type AlertSeverity, type BurnRatePolicy, type BurnRateRule };

/**
 * Multi-window, multi-burn-rate alerting, as in Google's SRE workbook ("Alerting on SLOs", approach
 * 6). A rule fires when the burn rate is at or above its threshold over BOTH its long window (the
 * budget really is being spent) AND its short window (it is still happening now, so the alert resets
 * soon after the problem stops).
 *
 * The default thresholds assume a 30-day SLO window: 14.4× for an hour spends 2 % of the budget,
 * 6× for six hours spends 5 %, 1× for three days spends 10 %. For another SLO window the same burn
 * rates spend a different share of the budget; `burnRateForBudgetSpent` turns a share into a rate.
 */

/** Every window length (ms, ascending, once each) a policy reads, so the caller can count them all in one query. */
export function alertWindowsMs(policy: BurnRatePolicy = DEFAULT_BURN_RATE_POLICY): number[] {
  const windows = new Set(policy.rules.flatMap((rule) => [parseDuration(rule.longWindow), parseDuration(rule.shortWindow)]));
  return [...windows].sort((a, b) => a - b);
}

/** Good/total counts in the last `windowMs` milliseconds, ending now. */
export type CountsInLast = (windowMs: number) => GoodTotal;

/** Reads counts prepared per window length (as from `alertWindowsMs`); a window that was not prepared is a programming error. */
export function countsFromMap(counts: ReadonlyMap<number, GoodTotal>): CountsInLast {
  return (windowMs) => {
    const found = counts.get(windowMs);
    if (found === undefined) {
      throw new RangeError(`No counts prepared for a ${windowMs} ms window (have: ${[...counts.keys()].join(', ') || 'none'})`);
    }
    return found;
  };
}

export interface WindowBurn extends GoodTotal {
  /** As written in the rule, e.g. "1h". */
  window: string;
  windowMs: number;
  /** Null when nothing was counted in the window. */
  burnRate: number | null;
}

export interface BurnRateRuleResult {
  rule: BurnRateRule;
  long: WindowBurn;
  short: WindowBurn;
  /** Both burn rates are at or above the rule's threshold. */
  firing: boolean;
  /**
   * Share of the SLO window's whole budget spent during the long window (long burn rate × long
   * window ÷ SLO window), for the alert text; null without an SLO window or without data.
   */
  budgetSpentInLongWindow: number | null;
}

export interface BurnRateEvaluation {
  /** Every rule of the policy, in policy order. */
  results: BurnRateRuleResult[];
  /** The rules that fire, in policy order. */
  firing: BurnRateRuleResult[];
  /** The most urgent severity among the firing rules, or null when none fires. */
  severity: AlertSeverity | null;
}

export interface BurnRateOptions {
  policy?: BurnRatePolicy;
  /** The SLO's window, e.g. "30d", to state how much of its budget each rule's long window spent. */
  sloWindow?: string;
}

function windowBurn(objective: number, window: string, countsInLast: CountsInLast): WindowBurn {
  const windowMs = parseDuration(window);
  const { good, total } = countsInLast(windowMs);
  return { window, windowMs, good, total, burnRate: burnRate(objective, { good, total }) };
}

function atOrAbove(rate: number | null, threshold: number): boolean {
  return rate !== null && rate >= threshold;
}

/**
 * Which burn-rate rules fire for an SLO with `objective` (percent), given good/total counts over the
 * last N milliseconds for each window the policy names. Thresholds are inclusive: a burn rate of
 * exactly 14.4 fires the 14.4× rule.
 */
export function evaluateBurnRates(objective: number, countsInLast: CountsInLast, options: BurnRateOptions = {}): BurnRateEvaluation {
  const policy = options.policy ?? DEFAULT_BURN_RATE_POLICY;
  const problems = checkBurnRatePolicy(policy);
  if (problems.length > 0) {
    throw new RangeError(`The burn-rate policy cannot be used: ${problems.join('; ')}`);
  }
  const sloWindowMs = options.sloWindow === undefined ? null : parseDuration(options.sloWindow);
  const results = policy.rules.map((rule): BurnRateRuleResult => {
    const long = windowBurn(objective, rule.longWindow, countsInLast);
    const short = windowBurn(objective, rule.shortWindow, countsInLast);
    return {
      rule,
      long,
      short,
      firing: atOrAbove(long.burnRate, rule.burnRate) && atOrAbove(short.burnRate, rule.burnRate),
      budgetSpentInLongWindow: sloWindowMs === null || long.burnRate === null ? null : (long.burnRate * long.windowMs) / sloWindowMs,
    };
  });
  const firing = results.filter((result) => result.firing);
  const severity = ALERT_SEVERITIES.find((level) => firing.some((result) => result.rule.severity === level)) ?? null;
  return { results, firing, severity };
}

/**
 * The burn rate that spends `fraction` of an SLO window's budget within `longWindow`:
 * fraction × SLO window ÷ long window. With a 30-day SLO: 2 % in 1 hour → 14.4, 5 % in 6 hours → 6,
 * 10 % in 3 days → 1.
 */
export function burnRateForBudgetSpent(fraction: number, longWindow: string, sloWindow: string): number {
  return (fraction * parseDuration(sloWindow)) / parseDuration(longWindow);
}
