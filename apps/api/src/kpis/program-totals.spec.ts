import type { Kpi } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { programTotals, type ProgramKpi } from './program-totals.js';

type KpiFields = ProgramKpi['kpi'];

function kpiOf(fields: Partial<KpiFields> & Pick<Kpi, 'name' | 'unit'>): KpiFields {
  return { title: fields.name, direction: 'lower_is_better', source: 'measurement', ...fields };
}

function touches(automation: string, name: string, minutesPerTouch: number | undefined, baseline: number | null, after: number | null, days = 30): ProgramKpi {
  return { automation, kpi: kpiOf({ name, unit: 'touches/day', source: 'manual_touches_per_day', minutesPerTouch }), baseline, after, days };
}

function money(automation: string, name: string, unit: string, direction: Kpi['direction'], baseline: number | null, after: number | null): ProgramKpi {
  const currency = unit.slice(0, 3);
  return { automation, kpi: kpiOf({ name, unit, currency, direction }), baseline, after, days: 30 };
}

/** The finance program over 30 days, with "after" values as a dashboard would measure them. */
const FINANCE: ProgramKpi[] = [
  touches('invoice-generation', 'manual-touches', 12, 41, 3), // (41 − 3) × 12 × 30 ÷ 60 = 228 h
  touches('payout-reconciliation', 'unmatched-lines', 18, 63, 5), // (63 − 5) × 18 × 30 ÷ 60 = 522 h
  touches('dunning-reminders', 'reminders-written', 5, 45, 2), // (45 − 2) × 5 × 30 ÷ 60 = 107.5 h
  money('invoice-generation', 'revenue-slipped-at-close', 'EUR/month-end', 'lower_is_better', 182_000, 12_000), // +170,000
  money('payout-reconciliation', 'unreconciled-cash-at-close', 'EUR', 'lower_is_better', 312_000, 20_000), // +292,000
  money('dunning-reminders', 'overdue-cash-recovered', 'EUR/month', 'higher_is_better', 410_000, 520_000), // +110,000
  { automation: 'invoice-generation', kpi: kpiOf({ name: 'close-to-invoice-time', unit: 'hours', source: 'cycle_time_p50' }), baseline: 26, after: 0.5, days: 30 }, // neither
];

describe(programTotals.name, () => {
  it('adds up the finance program: 857.5 hours and 572,000 EUR', () => {
    const totals = programTotals(FINANCE);

    // 228 + 522 + 107.5 = 857.5 hours
    expect(totals.hoursSaved).toBe(857.5);
    expect(totals.hoursItems).toEqual([
      { automation: 'invoice-generation', kpi: 'manual-touches', touchesAvoidedPerDay: 38, minutesPerTouch: 12, days: 30, hours: 228 },
      { automation: 'payout-reconciliation', kpi: 'unmatched-lines', touchesAvoidedPerDay: 58, minutesPerTouch: 18, days: 30, hours: 522 },
      { automation: 'dunning-reminders', kpi: 'reminders-written', touchesAvoidedPerDay: 43, minutesPerTouch: 5, days: 30, hours: 107.5 },
    ]);
    // 170,000 + 292,000 + 110,000 = 572,000 EUR, with its units kept apart
    expect(totals.money).toEqual([
      {
        currency: 'EUR',
        amount: 572_000,
        byUnit: [
          { unit: 'EUR', amount: 292_000 },
          { unit: 'EUR/month', amount: 110_000 },
          { unit: 'EUR/month-end', amount: 170_000 },
        ],
        items: [
          { automation: 'invoice-generation', kpi: 'revenue-slipped-at-close', unit: 'EUR/month-end', direction: 'lower_is_better', amount: 170_000 },
          { automation: 'payout-reconciliation', kpi: 'unreconciled-cash-at-close', unit: 'EUR', direction: 'lower_is_better', amount: 292_000 },
          { automation: 'dunning-reminders', kpi: 'overdue-cash-recovered', unit: 'EUR/month', direction: 'higher_is_better', amount: 110_000 },
        ],
      },
    ]);
    expect(totals.skipped).toEqual([]);
  });

  it('never adds money across currencies', () => {
    // 9,000 → 4,000 USD a month lower is better: +5,000 USD, beside the EUR total, not in it
    const totals = programTotals([...FINANCE, money('us-billing', 'chargebacks', 'USD/month', 'lower_is_better', 9_000, 4_000)]);

    expect(totals.money.map((total) => [total.currency, total.amount])).toEqual([
      ['EUR', 572_000],
      ['USD', 5_000],
    ]);
  });

  it('counts only the days the "after" value covers', () => {
    // a half-covered 30-day window: (41 − 3) × 12 × 15 ÷ 60 = 114 h
    expect(programTotals([touches('invoice-generation', 'manual-touches', 12, 41, 3, 15)]).hoursSaved).toBe(114);
  });

  it('reports negative hours when more hands are needed than before', () => {
    // 10 → 14 touches a day at 6 minutes over 10 days: −4 × 6 × 10 ÷ 60 = −4 h
    expect(programTotals([touches('order-fulfillment', 'orders-keyed-by-hand', 6, 10, 14, 10)]).hoursSaved).toBe(-4);
  });

  it('says which KPIs could not count, and why, instead of counting them as zero', () => {
    const totals = programTotals([
      touches('invoice-generation', 'manual-touches', 12, 41, null),
      touches('refund-handling', 'refund-touches', 7, null, 30),
      touches('crm-enrichment', 'enrichment-touches', undefined, 20, 5),
      money('order-fulfillment', 'late-dispatch-compensation', 'EUR/month', 'lower_is_better', 23_800, null),
    ]);

    expect(totals).toEqual({
      hoursSaved: null,
      hoursItems: [],
      money: [],
      skipped: [
        { automation: 'invoice-generation', kpi: 'manual-touches', reason: 'no_data' },
        { automation: 'refund-handling', kpi: 'refund-touches', reason: 'no_baseline' },
        { automation: 'crm-enrichment', kpi: 'enrichment-touches', reason: 'no_minutes_per_touch' },
        { automation: 'order-fulfillment', kpi: 'late-dispatch-compensation', reason: 'no_data' },
      ],
    });
  });

  it('is empty for a program without touch or money KPIs', () => {
    expect(programTotals([])).toEqual({ hoursSaved: null, hoursItems: [], money: [], skipped: [] });
  });

  it('refuses a negative number of days', () => {
    expect(() => programTotals([touches('invoice-generation', 'manual-touches', 12, 41, 3, -1)])).toThrow(RangeError);
  });
});
