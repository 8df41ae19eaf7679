import { ALERT_SEVERITIES, checkBurnRatePolicy, DEFAULT_BURN_RATE_POLICY, type AlertSeverity, type BurnRatePolicy, type BurnRateRule } from './burn-rate-alerts.js';

/** Injection token for the burn-rate policy every SLO is evaluated with (`ROUNDHOUSE_BURN_RATE_RULES`). */
export const BURN_RATE_POLICY = Symbol('BURN_RATE_POLICY');

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
    rules.push({ name, severity: severity as AlertSeverity, burnRate: burnRate.trim() === '' ? Number.NaN : Number(burnRate), longWindow: windows[0] ?? '', shortWindow: windows[1] ?? '' });
  });
  if (problems.length === 0 && rules.length === 0) {
    problems.push('no rules');
  }
  const policy: BurnRatePolicy = { rules };
  problems.push(...(problems.length === 0 ? checkBurnRatePolicy(policy) : []));
  return problems.length === 0 ? { ok: true, policy } : { ok: false, problems };
}
