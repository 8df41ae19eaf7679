import { parseDuration } from '@roundhouse/contracts';
import { burnRate, type GoodTotal } from './error-budget.js';

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

export const ALERT_SEVERITIES = ['page', 'ticket'] as const;
/** page: wake someone up; ticket: handle it in working hours. */
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface BurnRateRule {
  /** Stable name, part of an alert's identity (automation, SLO, rule). */
  name: string;
  severity: AlertSeverity;
  /** Fires when the burn rate is at or above this over both windows. */
  burnRate: number;
  /** A catalog duration, e.g. "1h". */
  longWindow: string;
  /** A catalog duration shorter than the long window, e.g. "5m" (the workbook uses 1/12 of it). */
  shortWindow: string;
}

export interface BurnRatePolicy {
  rules: readonly BurnRateRule[];
}

/** The SRE workbook's recommended rules for a 30-day SLO. */
export const DEFAULT_BURN_RATE_POLICY: BurnRatePolicy = Object.freeze({
  rules: Object.freeze([
    Object.freeze({ name: 'fast-burn', severity: 'page', burnRate: 14.4, longWindow: '1h', shortWindow: '5m' } as const),
    Object.freeze({ name: 'sustained-burn', severity: 'page', burnRate: 6, longWindow: '6h', shortWindow: '30m' } as const),
    Object.freeze({ name: 'slow-burn', severity: 'ticket', burnRate: 1, longWindow: '3d', shortWindow: '6h' } as const),
  ]),
});

function durationProblem(text: string): string | null {
  try {
    parseDuration(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function ruleProblems(rule: BurnRateRule, index: number): string[] {
  const where = `rules[${index}] (${rule.name})`;
  const problems: string[] = [];
  if (!ALERT_SEVERITIES.includes(rule.severity)) {
    problems.push(`${where}.severity: one of ${ALERT_SEVERITIES.join(', ')}`);
  }
  if (!Number.isFinite(rule.burnRate) || rule.burnRate <= 0) {
    problems.push(`${where}.burnRate: a number above 0, got ${rule.burnRate}`);
  }
  const longProblem = durationProblem(rule.longWindow);
  const shortProblem = durationProblem(rule.shortWindow);
  if (longProblem !== null) {
    problems.push(`${where}.longWindow: ${longProblem}`);
  }
  if (shortProblem !== null) {
    problems.push(`${where}.shortWindow: ${shortProblem}`);
  }
  if (longProblem === null && shortProblem === null && parseDuration(rule.shortWindow) >= parseDuration(rule.longWindow)) {
    problems.push(`${where}.shortWindow: shorter than the long window ${rule.longWindow}, got ${rule.shortWindow}`);
  }
  return problems;
}

/** What is wrong with a policy, one sentence per problem; empty when it can be used. */
export function checkBurnRatePolicy(policy: BurnRatePolicy): string[] {
  const problems = policy.rules.flatMap(ruleProblems);
  const names = policy.rules.map((rule) => rule.name);
  names.forEach((name, index) => {
    if (name.trim() === '' || names.indexOf(name) !== index) {
      problems.push(`rules[${index}].name: a unique, non-empty name, got ${JSON.stringify(name)}`);
    }
  });
  return problems;
}

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
