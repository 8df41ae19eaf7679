import type { KpiReportFieldsFragment } from '@/gql/graphql';
import { formatDate } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';

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

/**
 * A KPI value with its unit: "26 hours", "4.5%", and money with its period: "€410,000 per month"
 * for a unit "EUR/month" with currency EUR (whole euros from 100 up).
 */
export function formatKpiValue(value: number, unit: string, currency: string | null): string {
  if (currency) {
    const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2;
    const money = new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
    const per = unit.startsWith(`${currency}/`) ? ` per ${unit.slice(currency.length + 1)}` : '';
    return `${money}${per}`;
  }
  const number = formatKpiNumber(value);
  return TIGHT_UNITS.has(unit) ? `${number}${unit}` : `${number} ${unit}`;
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
