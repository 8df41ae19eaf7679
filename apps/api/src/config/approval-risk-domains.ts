import { RISK_DOMAINS, type RiskDomain } from '@roundhouse/contracts';

/**
 * ROUNDHOUSE_APPROVAL_RISK_DOMAINS as written: `revenue,billing` → ['revenue', 'billing']; `none` →
 * []; undefined when a name is not a risk domain. The approval policy (approvals/) reads it from here.
 */
export function parseRiskDomains(value: string): RiskDomain[] | undefined {
  if (value.trim().toLowerCase() === 'none') {
    return [];
  }
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0 || names.some((name) => !(RISK_DOMAINS as readonly string[]).includes(name))) {
    return undefined;
  }
  return [...new Set(names)] as RiskDomain[];
}
