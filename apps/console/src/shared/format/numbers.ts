const numberFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const TIGHT_UNITS = new Set(['%', '‰']);

/**
 * A value with its unit, as a stakeholder would say it: "26 hours", "4.5%", "$12,400".
 * A currency code turns the value into money.
 */
export function formatQuantity(value: number, unit: string, currency?: string | null): string {
  if (currency) {
    const digits = Number.isInteger(value) ? 0 : 2;
    return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
  if (TIGHT_UNITS.has(unit)) {
    return `${formatNumber(value)}${unit}`;
  }
  return `${formatNumber(value)} ${unit}`;
}

const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** A rate from 0 to 1 as a percentage: 0.975 → "97.5%". */
export function formatPercent(rate: number): string {
  return percentFormat.format(rate);
}
