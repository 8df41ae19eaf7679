import type { Kpi, KpiDirection } from '@roundhouse/contracts';

/**
 * Totals across the automations of a program (a dashboard's `program_totals` panel): staff hours
 * saved, and money, per currency.
 */

/** One KPI of one automation, with its before and after over the dashboard's window. */
export interface ProgramKpi {
  automation: string;
  kpi: Pick<Kpi, 'name' | 'title' | 'unit' | 'direction' | 'source' | 'currency' | 'minutesPerTouch'>;
  /** See `kpiBaseline`. */
  baseline: number | null;
  /** The "after" value over the window, null without data. */
  after: number | null;
  /** Days of the window the "after" value covers (window days × coverage): what "per day" is multiplied by. */
  days: number;
}

export interface HoursSavedItem {
  automation: string;
  kpi: string;
  /** Baseline − after, in touches per day; negative when more hands are needed than before. */
  touchesAvoidedPerDay: number;
  minutesPerTouch: number;
  days: number;
  /** touchesAvoidedPerDay × minutesPerTouch × days ÷ 60. */
  hours: number;
}

export interface MoneyItem {
  automation: string;
  kpi: string;
  unit: string;
  direction: KpiDirection;
  /** The change in the KPI's own unit, positive when better: baseline − after when lower is better, after − baseline otherwise. */
  amount: number;
}

export interface CurrencyTotal {
  currency: string;
  /** The sum of the items. Only ever within one currency. */
  amount: number;
  /**
   * Subtotals per unit: "EUR/month" (a rate) and "EUR" (a balance at a date) add up in the total as
   * asked, but the console should show them apart whenever there is more than one.
   */
  byUnit: { unit: string; amount: number }[];
  items: MoneyItem[];
}

export type SkippedReason = 'no_data' | 'no_baseline' | 'no_minutes_per_touch';

export interface SkippedKpi {
  automation: string;
  kpi: string;
  reason: SkippedReason;
}

export interface ProgramTotals {
  /** Sum of the hours items; null when no KPI could contribute (which is not the same as 0 hours saved). */
  hoursSaved: number | null;
  hoursItems: HoursSavedItem[];
  /** One total per currency, by currency code. */
  money: CurrencyTotal[];
  /** KPIs that would have counted but could not, and why, so the console can say what is missing. */
  skipped: SkippedKpi[];
}

function countsForHours(kpi: ProgramKpi['kpi']): boolean {
  return kpi.minutesPerTouch !== undefined || kpi.source === 'manual_touches_per_day';
}

function hoursItem(entry: ProgramKpi, baseline: number, after: number, minutesPerTouch: number): HoursSavedItem {
  if (!(entry.days >= 0) || !Number.isFinite(entry.days)) {
    throw new RangeError(`${entry.automation}/${entry.kpi.name}: days must be 0 or more; got ${entry.days}`);
  }
  const touchesAvoidedPerDay = baseline - after;
  return {
    automation: entry.automation,
    kpi: entry.kpi.name,
    touchesAvoidedPerDay,
    minutesPerTouch,
    days: entry.days,
    hours: (touchesAvoidedPerDay * minutesPerTouch * entry.days) / 60,
  };
}

function currencyTotals(items: readonly (MoneyItem & { currency: string })[]): CurrencyTotal[] {
  const byCurrency = new Map<string, MoneyItem[]>();
  for (const { currency, ...item } of items) {
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), item]);
  }
  return [...byCurrency.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, list]) => {
      const units = new Map<string, number>();
      for (const item of list) {
        units.set(item.unit, (units.get(item.unit) ?? 0) + item.amount);
      }
      return {
        currency,
        amount: list.reduce((sum, item) => sum + item.amount, 0),
        byUnit: [...units.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([unit, amount]) => ({ unit, amount })),
        items: list,
      };
    });
}

/**
 * Program totals:
 * - hours saved, from KPIs that count manual touches (a `minutesPerTouch`, or source
 *   `manual_touches_per_day`): (baseline − after touches per day) × minutes per touch × days ÷ 60.
 *   Negative when a KPI needs more hands than before; reported, not hidden.
 * - money, from KPIs with a currency: the change in the better direction, summed per currency and
 *   never across currencies. The amounts are in each KPI's own unit (per month, at month-end, …),
 *   not multiplied by days.
 *
 * Example: invoice touches 41 → 3 a day at 12 minutes over 30 days: 38 × 12 × 30 ÷ 60 = 228 hours.
 */
export function programTotals(entries: readonly ProgramKpi[]): ProgramTotals {
  const hoursItems: HoursSavedItem[] = [];
  const money: (MoneyItem & { currency: string })[] = [];
  const skipped: SkippedKpi[] = [];
  for (const entry of entries) {
    const { kpi, baseline, after } = entry;
    const hours = countsForHours(kpi);
    if (!hours && kpi.currency === undefined) {
      continue;
    }
    if (after === null || baseline === null) {
      skipped.push({ automation: entry.automation, kpi: kpi.name, reason: after === null ? 'no_data' : 'no_baseline' });
      continue;
    }
    if (hours && kpi.minutesPerTouch === undefined) {
      skipped.push({ automation: entry.automation, kpi: kpi.name, reason: 'no_minutes_per_touch' });
    } else if (hours && kpi.minutesPerTouch !== undefined) {
      hoursItems.push(hoursItem(entry, baseline, after, kpi.minutesPerTouch));
    }
    if (kpi.currency !== undefined) {
      const amount = kpi.direction === 'lower_is_better' ? baseline - after : after - baseline;
      money.push({ currency: kpi.currency, automation: entry.automation, kpi: kpi.name, unit: kpi.unit, direction: kpi.direction, amount });
    }
  }
  return {
    hoursSaved: hoursItems.length === 0 ? null : hoursItems.reduce((sum, item) => sum + item.hours, 0),
    hoursItems,
    money: currencyTotals(money),
    skipped,
  };
}
