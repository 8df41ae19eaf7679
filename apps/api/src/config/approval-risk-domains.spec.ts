import { describe, expect, it } from 'vitest';
import { loadConfig } from './app.config.js';
import { parseRiskDomains } from './approval-risk-domains.js';

describe(parseRiskDomains.name, () => {
  it('reads a list, or none, and refuses a name that is not a risk domain', () => {
    expect(parseRiskDomains(' revenue, billing ')).toEqual(['revenue', 'billing']);
    expect(parseRiskDomains('none')).toEqual([]);
    expect(parseRiskDomains('money')).toBeUndefined();
  });

  it('stops start-up with a sentence naming the key', () => {
    expect(() => loadConfig({ ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'money' })).toThrow(
      'ROUNDHOUSE_APPROVAL_RISK_DOMAINS is "money": expected a comma-separated list of risk domains (revenue, billing, inventory, regulatory, customer), or none.',
    );
  });
});
