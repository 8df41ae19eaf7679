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

function money(automation: string, name: string, unit: string, direction: Kpi['direction'], baseline: number | null, after: number | null, kind?: Kpi['money']): ProgramKpi {
  const currency = unit.slice(0, 3);
  return { automation, kpi: kpiOf({ name, unit, currency, direction, money: kind }), baseline, after, days: 30 };
}

/** The finance program over 30 days, with "after" values as a dashboard would measure them. */
const FINANCE: ProgramKpi[] = [
  touches('invoice-generation', 'manual-touches', 12, 41, 3), // (41 − 3) × 12 × 30 ÷ 60 = 228 h
  touches('payout-reconciliation', 'unmatched-lines', 18, 63, 5), // (63 − 5) × 18 × 30 ÷ 60 = 522 h
  touches('dunning-reminders', 'reminders-written', 5, 45, 2), // (45 − 2) × 5 × 30 ÷ 60 = 107.5 h
  money('invoice-generation', 'revenue-slipped-at-close', 'EUR/month-end', 'lower_is_better', 182_000, 12_000, 'at_stake'), // 12,000 at stake, 170,000 less
  money('payout-reconciliation', 'unreconciled-cash-at-close', 'EUR', 'lower_is_better', 312_000, 20_000, 'at_stake'), // 20,000 at stake, 292,000 less
  money('dunning-reminders', 'overdue-cash-recovered', 'EUR/month', 'higher_is_better', 410_000, 520_000, 'recovered'), // 110,000 more a month
  { automation: 'invoice-generation', kpi: kpiOf({ name: 'close-to-invoice-time', unit: 'hours', source: 'cycle_time_p50' }), baseline: 26, after: 0.5, days: 30 }, // neither
];

describe(programTotals.name, () => {
  it('adds up the finance program: 857.5 hours, and its money of three units never into one figure', () => {
    const totals = programTotals(FINANCE);

    // 228 + 522 + 107.5 = 857.5 hours
    expect(totals.hoursSaved).toBe(857.5);
    expect(totals.hoursItems).toEqual([
      { automation: 'invoice-generation', kpi: 'manual-touches', touchesAvoidedPerDay: 38, minutesPerTouch: 12, days: 30, hours: 228 },
      { automation: 'payout-reconciliation', kpi: 'unmatched-lines', touchesAvoidedPerDay: 58, minutesPerTouch: 18, days: 30, hours: 522 },
      { automation: 'dunning-reminders', kpi: 'reminders-written', touchesAvoidedPerDay: 43, minutesPerTouch: 5, days: 30, hours: 107.5 },
    ]);
    // A one-off balance (EUR), an amount per month (EUR/month) and one per month-end (EUR/month-end):
    // three lines, recovered before at stake, never the 572,000 their sum would make.
    const slipped = { automation: 'invoice-generation', kpi: 'revenue-slipped-at-close', currency: 'EUR', direction: 'lower_is_better', kind: 'at_stake' } as const;
    const unreconciled = { automation: 'payout-reconciliation', kpi: 'unreconciled-cash-at-close', currency: 'EUR', direction: 'lower_is_better', kind: 'at_stake' } as const;
    const recovered = { automation: 'dunning-reminders', kpi: 'overdue-cash-recovered', currency: 'EUR', direction: 'higher_is_better', kind: 'recovered' } as const;
    expect(totals.money).toEqual([
      {
        currency: 'EUR',
        unit: 'EUR/month',
        kind: 'recovered',
        before: 410_000,
        after: 520_000,
        change: 110_000,
        items: [{ ...recovered, unit: 'EUR/month', before: 410_000, after: 520_000, change: 110_000 }],
      },
      {
        currency: 'EUR',
        unit: 'EUR',
        kind: 'at_stake',
        before: 312_000,
        after: 20_000,
        change: 292_000,
        items: [{ ...unreconciled, unit: 'EUR', before: 312_000, after: 20_000, change: 292_000 }],
      },
      {
        currency: 'EUR',
        unit: 'EUR/month-end',
        kind: 'at_stake',
        before: 182_000,
        after: 12_000,
        change: 170_000,
        items: [{ ...slipped, unit: 'EUR/month-end', before: 182_000, after: 12_000, change: 170_000 }],
      },
    ]);
    expect(totals.skipped).toEqual([]);
  });

  it('adds money only within one currency, unit and kind', () => {
    // Two costs per month (saved): 23,800 → 6,300 and 14,200 → 2,200: 17,500 + 12,000 = 29,500 EUR a month saved.
    // A cost per quarter is another unit, a USD cost another currency: each its own line.
    const totals = programTotals([
      money('order-fulfillment', 'late-dispatch-compensation', 'EUR/month', 'lower_is_better', 23_800, 6_300, 'saved'),
      money('refund-handling', 'chargebacks', 'EUR/month', 'lower_is_better', 14_200, 2_200, 'saved'),
      money('regulatory-export', 'ledger-difference', 'EUR/quarter', 'lower_is_better', 4_870, 120, 'saved'),
      money('us-billing', 'chargebacks', 'USD/month', 'lower_is_better', 9_000, 4_000, 'saved'),
    ]);

    expect(totals.money.map(({ currency, unit, kind, before, after, change, items }) => [currency, unit, kind, before, after, change, items.length])).toEqual([
      ['EUR', 'EUR/month', 'saved', 38_000, 8_500, 29_500, 2],
      ['EUR', 'EUR/quarter', 'saved', 4_870, 120, 4_750, 1],
      ['USD', 'USD/month', 'saved', 9_000, 4_000, 5_000, 1],
    ]);
  });

  it('reads the kind from the direction and unit when the catalog does not say', () => {
    const totals = programTotals([
      money('a', 'cost', 'EUR/month', 'lower_is_better', 100, 40), // a cost per month: saved
      money('b', 'cash-in', 'EUR/month', 'higher_is_better', 100, 130), // more cash in: recovered
      money('c', 'balance', 'EUR', 'lower_is_better', 100, 10), // a balance: at stake
      money('d', 'at-close', 'EUR/month-end', 'lower_is_better', 100, 20), // a balance at each month-end: at stake
    ]);

    expect(totals.money.map((line) => [line.items[0]?.kpi, line.kind, line.change])).toEqual([
      ['cost', 'saved', 60],
      ['cash-in', 'recovered', 30],
      ['balance', 'at_stake', 90],
      ['at-close', 'at_stake', 80],
    ]);
  });

  it('reports money that went the wrong way as a negative change', () => {
    // 410,000 → 380,000 a month recovered, higher is better: −30,000
    const [line] = programTotals([money('dunning-reminders', 'overdue-cash-recovered', 'EUR/month', 'higher_is_better', 410_000, 380_000, 'recovered')]).money;

    expect(line).toMatchObject({ kind: 'recovered', before: 410_000, after: 380_000, change: -30_000 });
  });

  it('never adds money across currencies', () => {
    const totals = programTotals([...FINANCE, money('us-billing', 'chargebacks', 'USD/month', 'lower_is_better', 9_000, 4_000)]);

    expect(totals.money.map((total) => [total.currency, total.unit, total.change])).toEqual([
      ['EUR', 'EUR/month', 110_000],
      ['EUR', 'EUR', 292_000],
      ['EUR', 'EUR/month-end', 170_000],
      ['USD', 'USD/month', 5_000],
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
