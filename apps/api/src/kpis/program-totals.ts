import { KPI_MONEY_KINDS, kpiMoneyKind, type Kpi, type KpiDirection, type KpiMoneyKind } from '@roundhouse/contracts';

/**
 * Totals across the automations of a program (a dashboard's `program_totals` panel): staff hours
 * saved, and money per currency, unit and kind.
 */

/** One KPI of one automation, with its before and after over the dashboard's window. */
export interface ProgramKpi {
  automation: string;
  kpi: Pick<Kpi, 'name' | 'title' | 'unit' | 'direction' | 'source' | 'currency' | 'money' | 'minutesPerTouch'>;
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

/**
 * One money KPI of one automation. Every figure is in the KPI's own unit ("EUR/month" is per month,
 * "EUR/month-end" at each month-end, "EUR" a one-off amount or a balance), never multiplied by days.
 */
export interface MoneyItem {
  automation: string;
  kpi: string;
  currency: string;
  unit: string;
  direction: KpiDirection;
  /** Money saved (a cost that went down), recovered (cash that came in) or still at stake (a balance at risk). */
  kind: KpiMoneyKind;
  before: number;
  after: number;
  /** The change, positive when better: before − after when lower is better, after − before otherwise. */
  change: number;
}

/**
 * The money of one currency, unit and kind: the only figures that may be added. "EUR/month" and
 * "EUR/month-end" are different units, money saved and money at stake different things, so each
 * has its own line.
 */
export interface MoneyTotal {
  currency: string;
  unit: string;
  kind: KpiMoneyKind;
  /** Sums of the items' before, after and change. */
  before: number;
  after: number;
  change: number;
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
  /** One total per currency, unit and kind, by currency, then kind (saved, recovered, at stake), then unit. */
  money: MoneyTotal[];
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

const KIND_ORDER: readonly KpiMoneyKind[] = KPI_MONEY_KINDS;

function moneyTotals(items: readonly MoneyItem[]): MoneyTotal[] {
  const lines = new Map<string, MoneyTotal>();
  for (const item of items) {
    const key = `${item.currency}\u0000${item.kind}\u0000${item.unit}`;
    const line = lines.get(key) ?? { currency: item.currency, unit: item.unit, kind: item.kind, before: 0, after: 0, change: 0, items: [] };
    line.before += item.before;
    line.after += item.after;
    line.change += item.change;
    line.items.push(item);
    lines.set(key, line);
  }
  return [...lines.values()].sort((a, b) => a.currency.localeCompare(b.currency) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.unit.localeCompare(b.unit));
}

function moneyItem(entry: ProgramKpi, before: number, after: number): MoneyItem | null {
  const { kpi } = entry;
  const kind = kpiMoneyKind(kpi);
  if (kpi.currency === undefined || kind === null) {
    return null;
  }
  const change = kpi.direction === 'lower_is_better' ? before - after : after - before;
  return { automation: entry.automation, kpi: kpi.name, currency: kpi.currency, unit: kpi.unit, direction: kpi.direction, kind, before, after, change };
}

/**
 * Program totals:
 * - hours saved, from KPIs that count manual touches (a `minutesPerTouch`, or source
 *   `manual_touches_per_day`): (baseline − after touches per day) × minutes per touch × days ÷ 60.
 *   Negative when a KPI needs more hands than before; reported, not hidden.
 * - money, from KPIs with a currency: before, after and the change in the better direction, added
 *   up only within one currency, one unit and one kind (saved, recovered, at stake; `kpiMoneyKind`).
 *   "€170,000 per month-end" and "€110,000 per month" are never one figure. The amounts stay in each
 *   KPI's own unit, not multiplied by days.
 *
 * Example: invoice touches 41 → 3 a day at 12 minutes over 30 days: 38 × 12 × 30 ÷ 60 = 228 hours.
 */
export function programTotals(entries: readonly ProgramKpi[]): ProgramTotals {
  const hoursItems: HoursSavedItem[] = [];
  const money: MoneyItem[] = [];
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
    const item = moneyItem(entry, baseline, after);
    if (item !== null) {
      money.push(item);
    }
  }
  return {
    hoursSaved: hoursItems.length === 0 ? null : hoursItems.reduce((sum, item) => sum + item.hours, 0),
    hoursItems,
    money: moneyTotals(money),
    skipped,
  };
}
