import { parseDuration } from '@roundhouse/contracts';

/**
 * ROUNDHOUSE_BURN_RATE_RULES: the burn-rate rules every SLO is evaluated with (slos/burn-rate-alerts.ts
 * evaluates them), their syntax, their checks and their default.
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

/** The default policy written in the setting's own syntax, for documentation and error messages. */
export const DEFAULT_BURN_RATE_RULES = formatBurnRatePolicy(DEFAULT_BURN_RATE_POLICY);

export function formatBurnRatePolicy(policy: BurnRatePolicy): string {
  return policy.rules.map((rule) => `${rule.name}:${rule.severity}:${rule.burnRate}:${rule.longWindow}/${rule.shortWindow}`).join(',');
}

export type BurnRatePolicyParse = { ok: true; policy: BurnRatePolicy } | { ok: false; problems: string[] };

/**
 * Reads rules written as `name:severity:burnRate:longWindow/shortWindow`, comma-separated, e.g.
 * `fast-burn:page:14.4:1h/5m,slow-burn:ticket:1:3d/6h`. Empty text is the default policy.
 */
export function parseBurnRatePolicy(text: string | undefined): BurnRatePolicyParse {
  if (text === undefined || text.trim() === '') {
    return { ok: true, policy: DEFAULT_BURN_RATE_POLICY };
  }
  const problems: string[] = [];
  const rules: BurnRateRule[] = [];
  text.split(',').forEach((part, index) => {
    const fields = part.trim().split(':');
    const windows = fields[3]?.split('/') ?? [];
    if (fields.length !== 4 || windows.length !== 2) {
      problems.push(`rule ${index + 1} ("${part.trim()}"): expected name:severity:burnRate:longWindow/shortWindow, e.g. fast-burn:page:14.4:1h/5m`);
      return;
    }
    const [name, severity, burnRate] = fields as [string, string, string];
    if (!(ALERT_SEVERITIES as readonly string[]).includes(severity)) {
      problems.push(`rule ${index + 1} (${name}): severity is "${severity}", expected ${ALERT_SEVERITIES.join(' or ')}`);
      return;
    }
    rules.push({
      name,
      severity: severity as AlertSeverity,
      burnRate: burnRate.trim() === '' ? Number.NaN : Number(burnRate),
      longWindow: windows[0] ?? '',
      shortWindow: windows[1] ?? '',
    });
  });
  if (problems.length === 0 && rules.length === 0) {
    problems.push('no rules');
  }
  const policy: BurnRatePolicy = { rules };
  problems.push(...(problems.length === 0 ? checkBurnRatePolicy(policy) : []));
  return problems.length === 0 ? { ok: true, policy } : { ok: false, problems };
}
