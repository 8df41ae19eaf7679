import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app.config.js';
import { approvalPolicyOf, approvalReasons } from './approval-policy.js';

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

describe(approvalPolicyOf.name, () => {
  it('reads the policy from the configuration: more than 100 messages, or revenue and billing, by default', () => {
    expect(approvalPolicyOf(loadConfig({}))).toEqual({ bulkThreshold: 100, riskDomains: ['revenue', 'billing'] });
    expect(approvalPolicyOf(loadConfig({ ROUNDHOUSE_APPROVAL_RISK_DOMAINS: 'none' }))).toEqual({ bulkThreshold: 100, riskDomains: [] });
  });
});
