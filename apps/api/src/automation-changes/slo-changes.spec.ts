import type { Slo } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { describeSloChanges } from './slo-changes.js';

const succeed: Slo = { name: 'invoices-succeed', title: '99.5% of invoices issued', indicator: 'success_rate', objective: 99.5, window: '28d', runbook: 'triage' };
const fresh: Slo = { name: 'invoices-fresh', title: 'An invoice run every hour', indicator: 'freshness', objective: 99, threshold: '1h', window: '30d' };

describe(describeSloChanges.name, () => {
  it('says nothing when only the order changes', () => {
    expect(describeSloChanges([succeed, fresh], [fresh, succeed])).toEqual([]);
  });

  it('names each changed field, before → after', () => {
    expect(describeSloChanges([succeed], [{ ...succeed, objective: 99, window: '30d' }])).toEqual(['invoices-succeed: objective 99.5% → 99%; window 28d → 30d']);
  });

  it('says which SLOs are added and removed, in words', () => {
    expect(describeSloChanges([succeed], [fresh])).toEqual([
      'invoices-succeed: removed (was 99.5% success rate over 28d)',
      'invoices-fresh: new, 99% freshness within 1h over 30d',
    ]);
  });
});
