import type { KpiMoneyKind } from '@/gql/graphql';
import { MONEY_KIND_LABELS } from '@/shared/format/labels';
import type { ProgramTotalsData } from './dashboardTypes';

export type MoneyTotal = ProgramTotalsData['money'][number];
export type MoneyItem = MoneyTotal['items'][number];

export const MONEY_KIND_HOW: Record<KpiMoneyKind, string> = {
  saved: 'A cost that went down: before minus now, in the KPI’s own period.',
  recovered: 'Cash that came in: now minus before, in the KPI’s own period.',
  at_stake: 'A balance still at risk: what it stands at now, and how much less than before.',
};

/**
 * The period of a money unit in words: "EUR/month" → "per month", "EUR/month-end" → "at each
 * month-end", "EUR" → "" (an amount, not a rate).
 */
export function moneyPeriod(unit: string, currency: string): string {
  const trimmed = unit.trim();
  if (trimmed === currency || !trimmed.startsWith(`${currency}/`)) {
    return trimmed === currency ? '' : `(${trimmed})`;
  }
  const period = trimmed.slice(currency.length + 1);
  return period.endsWith('-end') ? `at each ${period}` : `per ${period}`;
}

/** An amount in its currency, whole from 100 up: "€170,000", "€12.50", "-€5,000". */
export function currencyAmount(value: number, currency: string): string {
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** An amount of money, whole from 100 up, with a true minus sign: "€170,000", "€12.50", "−€5,000". */
export function formatMoney(value: number, currency: string): string {
  return currencyAmount(value, currency).replace('-', '−');
}

/** Money with its period: "€170,000 per month", "€20,000" (an amount), "€12,000 at each month-end". */
export function formatMoneyIn(value: number, unit: string, currency: string): string {
  const period = moneyPeriod(unit, currency);
  return period === '' ? formatMoney(value, currency) : `${formatMoney(value, currency)} ${period}`;
}

type MoneyLine = Pick<MoneyTotal, 'currency' | 'unit' | 'kind' | 'before' | 'after' | 'change'>;

/** The headline label of a line: "Money saved, per month", "Money still at stake, at each month-end", "Money recovered". */
export function moneyLineLabel(line: Pick<MoneyLine, 'kind' | 'unit' | 'currency'>): string {
  const period = moneyPeriod(line.unit, line.currency);
  return period === '' ? MONEY_KIND_LABELS[line.kind] : `${MONEY_KIND_LABELS[line.kind]}, ${period}`;
}

/**
 * The figure a line stands for: money saved and more money recovered are the change; money at stake
 * is what is at stake now.
 */
export function moneyLineAmount(line: MoneyLine): number {
  return line.kind === 'at_stake' ? line.after : line.change;
}

/** The headline value: "€29,500 per month", "€110,000 more per month", "€32,000 at each month-end". */
export function moneyLineValue(line: MoneyLine): string {
  const period = moneyPeriod(line.unit, line.currency);
  const tail = period === '' ? '' : ` ${period}`;
  switch (line.kind) {
    case 'saved':
      return line.change >= 0 ? `${formatMoney(line.change, line.currency)}${tail}` : `${formatMoney(-line.change, line.currency)} more spent${tail}`;
    case 'recovered':
      return `${formatMoney(Math.abs(line.change), line.currency)} ${line.change >= 0 ? 'more' : 'less'}${tail}`;
    case 'at_stake':
      return `${formatMoney(line.after, line.currency)}${tail}`;
  }
}

/** The line under the headline: before and now, and for money at stake how much less (or more) than before. */
export function moneyLineDetail(line: MoneyLine): string {
  const before = formatMoneyIn(line.before, line.unit, line.currency);
  const now = formatMoneyIn(line.after, line.unit, line.currency);
  switch (line.kind) {
    case 'saved':
      return `Cost before: ${before}; now: ${now}.`;
    case 'recovered':
      return `Recovered before: ${before}; now: ${now}.`;
    case 'at_stake': {
      const change = formatMoney(Math.abs(line.change), line.currency);
      return line.change >= 0 ? `Before: ${before}, so ${change} less at stake.` : `Before: ${before}, so ${change} more at stake.`;
    }
  }
}
