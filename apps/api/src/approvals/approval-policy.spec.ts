import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app.config.js';
import { approvalPolicyOf, approvalReasons, parseRiskDomains } from './approval-policy.js';

describe(approvalReasons.name, () => {
  const policy = { bulkThreshold: 100, riskDomains: ['revenue', 'billing'] as const };

  it('lets one person act alone on a small request touching no listed risk domain', () => {
    expect(approvalReasons(policy, 'reprocess', 100, [{ slug: 'ticket-triage', riskDomains: ['customer'] }])).toEqual([]);
  });

  it('says each reason in words', () => {
    expect(
      approvalReasons(policy, 'discard', 240, [
        { slug: 'invoice-generation', riskDomains: ['revenue', 'billing'] },
        { slug: 'dunning-reminders', riskDomains: ['billing', 'customer'] },
      ]),
    ).toEqual(['240 messages is more than the 100 one person may discard alone', 'invoice-generation touches revenue and billing', 'dunning-reminders touches billing']);
  });
});

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
    expect(approvalPolicyOf(loadConfig({}))).toEqual({ bulkThreshold: 100, riskDomains: ['revenue', 'billing'] });
  });
});
