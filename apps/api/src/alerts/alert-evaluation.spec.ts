import { describe, expect, it } from 'vitest';
import { DEFAULT_BURN_RATE_POLICY, type BurnRateRuleResult } from '../slos/burn-rate-alerts.js';
import { alertSummary, decideAlerts, spanInWords, type EvaluatedSlo } from './alert-evaluation.js';

const [FAST, SUSTAINED, SLOW] = DEFAULT_BURN_RATE_POLICY.rules as [BurnRateRuleResult['rule'], BurnRateRuleResult['rule'], BurnRateRuleResult['rule']];
const HOUR = 3_600_000;

function result(rule: BurnRateRuleResult['rule'], long: number | null, short: number | null): BurnRateRuleResult {
  const firing = long !== null && short !== null && long >= rule.burnRate && short >= rule.burnRate;
  return {
    rule,
    long: { window: rule.longWindow, windowMs: 0, good: 0, total: 0, burnRate: long },
    short: { window: rule.shortWindow, windowMs: 0, good: 0, total: 0, burnRate: short },
    firing,
    budgetSpentInLongWindow: null,
  };
}

const invoices: EvaluatedSlo['slo'] = { name: 'invoices-succeed', title: '99.5% of closed-won deals invoiced', window: '30d', runbook: 'reprocess-dead-letters' };

function evaluated(fast: [number | null, number | null], slow: [number | null, number | null] = [0, 0]): EvaluatedSlo {
  return { automation: 'invoice-generation', slo: invoices, rules: [result(FAST, ...fast), result(SUSTAINED, 0, 0), result(SLOW, ...slow)] };
}

describe(alertSummary.name, () => {
  it('says how fast the budget burns over both windows and how long it lasts at that rate', () => {
    // 30 days ÷ 15 = 2 days.
    expect(alertSummary(invoices, result(FAST, 15, 20))).toBe(
      '99.5% of closed-won deals invoiced: error budget burning 15.0× over the last 1h (20.0× over 5m). At this rate the 30d budget lasts 2 days.',
    );
    // 30 days ÷ 14.4 = 50 hours = 2 days 2 hours.
    expect(alertSummary(invoices, result(FAST, 14.4, null))).toContain('(no data over 5m). At this rate the 30d budget lasts 2 days 2 hours.');
  });

  it('writes spans in words', () => {
    expect(spanInWords(50 * 60_000)).toBe('50 minutes');
    expect(spanInWords(60_000)).toBe('1 minute');
    expect(spanInWords(HOUR)).toBe('1 hour');
    expect(spanInWords(47 * HOUR)).toBe('47 hours');
    expect(spanInWords(73 * HOUR)).toBe('3 days 1 hour');
  });
});

describe(decideAlerts.name, () => {
  it('fires a new alert where a rule fires and none is open, with its severity and runbook', () => {
    expect(decideAlerts([], [evaluated([15, 20])])).toEqual([
      {
        kind: 'fire',
        automation: 'invoice-generation',
        slo: 'invoices-succeed',
        rule: 'fast-burn',
        severity: 'page',
        summary: expect.stringContaining('15.0×') as string,
        runbook: 'reprocess-dead-letters',
      },
    ]);
  });

  it('keeps an open alert while its rule fires, instead of firing it again', () => {
    const open = [{ id: '7', automation: 'invoice-generation', slo: 'invoices-succeed', rule: 'fast-burn' }];
    expect(decideAlerts(open, [evaluated([16, 30])])).toEqual([{ kind: 'keep', id: '7', summary: expect.stringContaining('16.0×') as string }]);
  });

  it('resolves an open alert once either window falls under the threshold (the short window resets it quickly)', () => {
    const open = [{ id: '7', automation: 'invoice-generation', slo: 'invoices-succeed', rule: 'fast-burn' }];
    expect(decideAlerts(open, [evaluated([15, 2])])).toEqual([{ kind: 'resolve', id: '7', detail: 'The burn rate fell below 14.4× (15.0× over 1h, 2.0× over 5m).' }]);
  });

  it('treats rules separately: a slow burn opens a ticket beside a page', () => {
    const decisions = decideAlerts([], [evaluated([15, 20], [1.2, 1.5])]);
    expect(decisions.map((d) => (d.kind === 'fire' ? [d.rule, d.severity] : d.kind))).toEqual([
      ['fast-burn', 'page'],
      ['slow-burn', 'ticket'],
    ]);
  });

  it('resolves alerts whose SLO or rule is gone, but not those of an automation whose evaluation failed', () => {
    const open = [
      { id: '1', automation: 'invoice-generation', slo: 'renamed-slo', rule: 'fast-burn' },
      { id: '2', automation: 'archived-one', slo: 'x', rule: 'fast-burn' },
      { id: '3', automation: 'broken-one', slo: 'x', rule: 'fast-burn' },
    ];
    const decisions = decideAlerts(open, [evaluated([0, 0])], new Set(['broken-one']));
    expect(decisions.map((d) => [d.kind, d.kind === 'fire' ? null : d.id])).toEqual([
      ['resolve', '1'],
      ['resolve', '2'],
    ]);
  });

  it('does nothing when nothing fires and nothing is open', () => {
    expect(decideAlerts([], [evaluated([null, null])])).toEqual([]);
  });
});
