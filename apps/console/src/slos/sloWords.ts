import type { SloState, SloStatusFieldsFragment } from '@/gql/graphql';
import type { BadgeTone } from '@/shared/components/Badge';
import { formatDuration } from '@/shared/format/durations';
import { formatNumber } from '@/shared/format/numbers';

export type SloStatusData = SloStatusFieldsFragment;
export type BurnRate = SloStatusData['burnRates'][number];
export type ErrorBudget = NonNullable<SloStatusData['errorBudget']>;

/** An SLO's state in words a stakeholder reads. */
export const SLO_STATE_LABELS: Record<SloState, string> = {
  ok: 'Promise kept',
  burning: 'At risk (ticket)',
  paging: 'Failing now (paging)',
  breached: 'Over its limit',
  no_data: 'No data yet',
};

export const SLO_STATE_DESCRIPTIONS: Record<SloState, string> = {
  ok: 'The promise holds: no alert rule fires.',
  burning: 'Failures are using up the error budget faster than it lasts; someone looks at it in working hours.',
  paging: 'Failures are using up the error budget so fast that the on-call engineer is paged now.',
  breached: 'The dead-letter backlog or the age of the oldest dead letter is over its limit right now.',
  no_data: 'Nothing was counted in the SLO window, so there is nothing to judge.',
};

export const SLO_STATE_TONES: Record<SloState, BadgeTone> = {
  ok: 'good',
  burning: 'caution',
  paging: 'danger',
  breached: 'danger',
  no_data: 'muted',
};

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

/** A percentage already in percent: 99.42 → "99.42%". */
export function formatPercentValue(value: number, digits = 2): string {
  const factor = 10 ** digits;
  return `${formatNumber(Math.round(value * factor) / factor)}%`;
}

const allowed = (value: number) => formatNumber(value >= 10 ? Math.floor(value) : Math.round(value * 100) / 100);

/**
 * "25% of the budget left (45 of 60 allowed misses used)", "Overspent: 130% of the budget used (…)".
 * A miss is a bad run, or a bad minute for freshness and dead-letter SLOs.
 */
export function describeBudget(budget: ErrorBudget): string {
  if (budget.noData) {
    return 'Nothing counted in the window yet, so no budget has been used.';
  }
  const used = `${formatNumber(budget.bad)} of ${allowed(budget.allowedBad)} allowed misses used`;
  if (budget.overspent) {
    return `Overspent: ${formatNumber(Math.round(budget.consumedFraction * 100))}% of the budget used (${used}).`;
  }
  return `${formatNumber(Math.round(budget.remainingFraction * 100))}% of the budget left (${used}).`;
}

function rate(value: number | null, window: string): string {
  return value === null ? `nothing counted over the last ${window}` : `${oneDecimal(value)}× over the last ${window}`;
}

/**
 * One burn-rate rule in words: "Fast burn (pages): spending the budget 15.2× as fast as it lasts over
 * the last 1h and 16× over the last 5m; alerts at 14.4× — firing."
 */
export function describeBurnRate(burn: BurnRate): string {
  const name = burn.rule.replaceAll('-', ' ');
  const who = burn.severity === 'page' ? 'pages the on-call engineer' : 'opens a ticket';
  const state = burn.firing ? 'firing now' : 'not firing';
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${who}): budget spent ${rate(burn.longBurnRate, burn.longWindow)} and ${rate(burn.shortBurnRate, burn.shortWindow)}; alerts at ${oneDecimal(burn.threshold)}× — ${state}.`;
}

export const BURN_RATE_EXPLANATION =
  'A burn rate of 1× spends exactly the whole error budget by the end of the SLO window; 14.4× spends a 30-day budget in about 2 days. A rule alerts when both its long and its short window are at or above its threshold.';

/** How long ago, in words: "3 h 10 min", "2 days 4 h". */
export function formatAge(since: string, now: number = Date.now()): string {
  const ms = Math.max(0, now - new Date(since).getTime());
  const day = 86_400_000;
  if (ms >= 2 * day) {
    const days = Math.floor(ms / day);
    const hours = Math.floor((ms % day) / 3_600_000);
    return hours === 0 ? `${days} days` : `${days} days ${hours} h`;
  }
  return formatDuration(ms);
}
