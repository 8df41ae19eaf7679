import type { Lifecycle, RiskDomain, Slo } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { changesNeedingApproval } from './automation-change-gate.js';

describe(changesNeedingApproval.name, () => {
  const policy = { riskDomains: ['revenue', 'billing'] as const };
  const slo: Slo = { name: 'payouts-match', title: 'Payouts matched', indicator: 'success_rate', objective: 99, window: '30d' };
  const payouts: { lifecycle: Lifecycle; ownerTeam: string; riskDomains: RiskDomain[]; slos: Slo[] } = {
    lifecycle: 'production',
    ownerTeam: 'finance-ops',
    riskDomains: ['revenue', 'billing'],
    slos: [slo],
  };

  it('lets one person change what separation of duties does not look at', () => {
    expect(changesNeedingApproval(payouts, { ...payouts, riskDomains: ['revenue', 'billing', 'customer'] }, policy)).toEqual([]);
    expect(
      changesNeedingApproval(
        { ...payouts, lifecycle: 'experimental', riskDomains: ['customer'] },
        { ...payouts, lifecycle: 'experimental', ownerTeam: 'order-ops', riskDomains: [] },
        policy,
      ),
    ).toEqual([]);
  });

  it('holds a move of an automation touching a listed risk domain, whatever its lifecycle', () => {
    expect(changesNeedingApproval({ ...payouts, lifecycle: 'experimental' }, { ...payouts, lifecycle: 'experimental', ownerTeam: 'order-ops' }, policy)).toEqual([
      'owner team: finance-ops → order-ops (it touches revenue and billing)',
    ]);
  });

  it('holds taking a listed risk domain away, or swapping it for another', () => {
    expect(changesNeedingApproval(payouts, { ...payouts, riskDomains: ['customer'] }, policy)).toEqual([
      'risk domains: revenue and billing → customer (revenue and billing taken away)',
    ]);
    expect(changesNeedingApproval(payouts, { ...payouts, riskDomains: [] }, policy)).toEqual(['risk domains: revenue and billing → none (revenue and billing taken away)']);
  });

  it('holds leaving production and the SLOs of a production automation, each on its own line', () => {
    expect(changesNeedingApproval(payouts, { ...payouts, lifecycle: 'deprecated', ownerTeam: 'order-ops', slos: [{ ...slo, objective: 95 }] }, policy)).toEqual([
      'owner team: finance-ops → order-ops (it touches revenue and billing)',
      'lifecycle: production → deprecated',
      'payouts-match: objective 99% → 95%',
    ]);
  });
});
