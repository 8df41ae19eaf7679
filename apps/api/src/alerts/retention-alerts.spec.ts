import { describe, expect, it } from 'vitest';
import { RETENTION_ALERT_SLO, decideRetentionAlerts, retentionRunbook } from './retention-alerts.js';

const expiring = { automation: 'crm-enrichment', sourceQueue: 'enrich-leads', message: '12 pending dead letters expire in 9 h (removeOnFail after 24 h).' };

describe(decideRetentionAlerts.name, () => {
  it('fires a ticket with the runbook for failures about to expire, keeps it while they still do, resolves it once none do', () => {
    expect(decideRetentionAlerts([], [expiring], () => 'enrichment-failures')).toEqual([
      {
        kind: 'fire',
        automation: 'crm-enrichment',
        slo: RETENTION_ALERT_SLO,
        rule: 'expiring:enrich-leads',
        severity: 'ticket',
        summary: expiring.message,
        runbook: 'enrichment-failures',
      },
    ]);
    const open = [{ id: '7', automation: 'crm-enrichment', slo: RETENTION_ALERT_SLO, rule: 'expiring:enrich-leads' }];
    expect(decideRetentionAlerts(open, [{ ...expiring, message: '12 pending dead letters expire in 8 h.' }], () => null)).toEqual([
      { kind: 'keep', id: '7', summary: '12 pending dead letters expire in 8 h.' },
    ]);
    expect(decideRetentionAlerts(open, [], () => null)).toMatchObject([{ kind: 'resolve', id: '7' }]);
  });

  it('leaves SLO alerts alone, and its own alerts too when the sources could not be read', () => {
    const slo = { id: '3', automation: 'crm-enrichment', slo: 'enrichment-success', rule: 'fast-burn' };
    expect(decideRetentionAlerts([slo], [], () => null)).toEqual([]);
    expect(decideRetentionAlerts([{ id: '7', automation: 'crm-enrichment', slo: RETENTION_ALERT_SLO, rule: 'expiring:enrich-leads' }], null, () => null)).toEqual([]);
  });
});

describe(retentionRunbook.name, () => {
  it("links the runbook a dead-letter SLO names, else any SLO's, else none", () => {
    expect(
      retentionRunbook([
        { indicator: 'success_rate', runbook: 'general' },
        { indicator: 'dead_letter_backlog', runbook: 'dead-letters' },
      ]),
    ).toBe('dead-letters');
    expect(retentionRunbook([{ indicator: 'latency' }, { indicator: 'success_rate', runbook: 'general' }])).toBe('general');
    expect(retentionRunbook([{ indicator: 'latency' }])).toBeNull();
  });
});
