import type { KpiReportFieldsFragment } from '@/gql/graphql';
import { formatDate } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import { currencyAmount } from './moneyWords';

export type KpiReport = KpiReportFieldsFragment;

/** Rounds for reading: whole numbers from 10 up, one decimal below. */
export function roundForReading(value: number): number {
  return Math.abs(value) >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}

const wholeFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const smallFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 2 });
const TIGHT_UNITS = new Set(['%', '‰']);

/**
 * A number as a stakeholder reads it: whole from 100 up ("80,654"), two decimals from 1 ("8.06"),
 * two significant digits below ("0.00074"), so a small value never reads as 0.
 */
export function formatKpiNumber(value: number): string {
  const size = Math.abs(value);
  if (size >= 100) {
    return wholeFormat.format(value);
  }
  if (size >= 1 || size === 0) {
    return formatNumber(value);
  }
  return smallFormat.format(value);
}

/** What a headline says when the range has nothing to compute it from. */
export const NO_DATA_IN_RANGE = 'No data in this range';

/** Time units a KPI may be kept in, largest first, with their length in milliseconds and their words. */
const TIME_UNITS = [
  { names: ['d', 'day', 'days'], ms: 86_400_000, one: 'day', many: 'days' },
  { names: ['h', 'hour', 'hours'], ms: 3_600_000, one: 'hour', many: 'hours' },
  { names: ['min', 'minute', 'minutes'], ms: 60_000, one: 'minute', many: 'minutes' },
  { names: ['s', 'second', 'seconds'], ms: 1_000, one: 'second', many: 'seconds' },
  { names: ['ms', 'millisecond', 'milliseconds'], ms: 1, one: 'millisecond', many: 'milliseconds' },
] as const;

/** "1 day", "2 days", "1 working day": a plain plural unit in the singular when the number reads 1. */
function withUnit(number: string, unit: string): string {
  if (TIGHT_UNITS.has(unit)) {
    return `${number}${unit}`;
  }
  const singular = number === '1' || number === '−1' || number === '-1';
  return `${number} ${singular && /^[a-z ]*[a-z]s$/i.test(unit) && !unit.endsWith('ss') ? unit.slice(0, -1) : unit}`;
}

/**
 * A quantity of time in a unit that fits its size: kept in its own unit from 1 up ("26 hours",
 * "1 day"), and in the largest smaller unit that reads 1 or more below it: 0.00074 hours is
 * "2.7 seconds", 0.5 hours "30 minutes". Null for a unit that is not a time unit.
 */
export function formatTimeQuantity(value: number, unit: string): string | null {
  const index = TIME_UNITS.findIndex((candidate) => (candidate.names as readonly string[]).includes(unit.trim().toLowerCase()));
  const own = TIME_UNITS[index];
  if (own === undefined) {
    return null;
  }
  const ms = Math.abs(value) * own.ms;
  const smallest = TIME_UNITS[TIME_UNITS.length - 1] ?? own;
  const fitting = Math.abs(value) >= 1 || value === 0 ? own : (TIME_UNITS.slice(index + 1).find((candidate) => ms >= candidate.ms) ?? smallest);
  const number = formatKpiNumber((value * own.ms) / fitting.ms);
  return `${number} ${number === '1' || number === '-1' ? fitting.one : fitting.many}`;
}

/** Hours of staff time: "858 hours", "1 hour", "45 minutes" for less than one. */
export function formatHours(hours: number): string {
  return formatTimeQuantity(hours, 'hours') ?? `${formatKpiNumber(hours)} hours`;
}

/**
 * When a figure covers fewer days than its range: "From 1 day of data in this 90-day range"; null
 * when it covers (nearly) all of it.
 */
export function daysOfData(days: number, rangeDays: number): string | null {
  if (days >= rangeDays - 0.05) {
    return null;
  }
  const range = `${formatNumber(Math.round(rangeDays * 10) / 10)}-day range`;
  if (days < 1) {
    return `From less than a day of data in this ${range}`;
  }
  const shown = formatNumber(roundForReading(days));
  return `From ${shown} ${shown === '1' ? 'day' : 'days'} of data in this ${range}`;
}

/**
 * A KPI value with its unit: "26 hours", "4.5%", "1 day", time in a unit that fits its size
 * ("2.7 seconds", not "0.00074 hours"), and money with its period: "€410,000 per month" for a unit
 * "EUR/month" with currency EUR (whole euros from 100 up).
 */
export function formatKpiValue(value: number, unit: string, currency: string | null): string {
  if (currency) {
    const money = currencyAmount(value, currency);
    const period = unit.startsWith(`${currency}/`) ? unit.slice(currency.length + 1) : '';
    const per = period === '' ? '' : period.endsWith('-end') ? ` at each ${period}` : ` per ${period}`;
    return `${money}${per}`;
  }
  return formatTimeQuantity(value, unit) ?? withUnit(formatKpiNumber(value), unit);
}

export function kpiValue(kpi: Pick<KpiReport, 'unit' | 'currency'>, value: number): string {
  return formatKpiValue(value, kpi.unit, kpi.currency);
}

/** A percentage for a sentence; just under 100 stays under it ("over 99%", never a rounded-up "100%"). */
function percentWords(value: number): string {
  const size = Math.abs(value);
  return size > 99 && size < 100 ? 'over 99%' : `${formatNumber(roundForReading(size))}%`;
}

/** "31% better than before", "12% worse than before", "No change from before"; null when not known. */
export function describeImprovement(kpi: KpiReport): string | null {
  if (kpi.improvementPercent === null) {
    return null;
  }
  const percent = percentWords(kpi.improvementPercent);
  if (kpi.change === 'unchanged' || kpi.improvementPercent === 0) {
    return 'No change from before';
  }
  return kpi.improvementPercent > 0 ? `${percent} better than before` : `${percent} worse than before`;
}

/** "74% of the way to the target", "target reached", "further from the target than before"; null when not known. */
export function describeProgress(kpi: KpiReport): string | null {
  if (kpi.progressPercent === null) {
    return null;
  }
  if (kpi.targetReached === true || kpi.progressPercent >= 100) {
    return kpi.progressPercent > 100 ? `target reached and beaten (${formatNumber(roundForReading(kpi.progressPercent))}% of the way)` : 'target reached';
  }
  if (kpi.progressPercent < 0) {
    return 'further from the target than before';
  }
  return `${formatNumber(roundForReading(kpi.progressPercent))}% of the way to the target`;
}

/** The verdict line: "31% better than before; 74% of the way to the target." */
export function describeVerdict(kpi: KpiReport): string | null {
  const parts = [describeImprovement(kpi), describeProgress(kpi)].filter((part) => part !== null);
  return parts.length === 0 ? null : `${parts.join('; ')}.`;
}

/** "Change: −18.5 hours (after minus before)". */
export function describeDelta(kpi: KpiReport): string | null {
  if (kpi.delta === null) {
    return null;
  }
  const sign = kpi.delta > 0 ? '+' : kpi.delta < 0 ? '−' : '';
  return `${sign}${kpiValue(kpi, Math.abs(kpi.delta))}`;
}

/** How the "before" was agreed: the note, and the measured period when there is one. */
export function describeBaseline(kpi: KpiReport): string {
  const period =
    kpi.baselineFrom && kpi.baselineTo
      ? ` Measured from ${formatDate(kpi.baselineFrom)} to ${formatDate(kpi.baselineTo)}.`
      : kpi.baselineFrom
        ? ` Measured from ${formatDate(kpi.baselineFrom)}.`
        : '';
  return `${kpi.baselineNote}${period}`;
}

export const DIRECTION_WORDS = {
  lower_is_better: 'Lower is better',
  higher_is_better: 'Higher is better',
} as const;
