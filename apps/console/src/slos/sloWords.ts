import type { SloIndicator, SloState, SloStatusFieldsFragment } from '@/gql/graphql';
import type { BadgeTone } from '@/shared/components/Badge';
import { formatDuration } from '@/shared/format/durations';
import { formatNumber } from '@/shared/format/numbers';

export type SloStatusData = SloStatusFieldsFragment;
export type BurnRate = SloStatusData['burnRates'][number];
export type ErrorBudget = NonNullable<SloStatusData['errorBudget']>;

/** An SLO's state in words a stakeholder reads. */
export const SLO_STATE_LABELS: Record<SloState, string> = {
  ok: 'Promise kept',
  burning: 'At risk',
  paging: 'At risk: on-call paged',
  breached: 'Breached',
  no_data: 'No data yet',
};

export const SLO_STATE_DESCRIPTIONS: Record<SloState, string> = {
  ok: 'The promise holds: failures stay within what it allows, and no alert fires.',
  burning:
    'The promise still holds over its window, but failures are using up the room it allows faster than it lasts, or a dead-letter limit is crossed right now; someone looks at it in working hours.',
  paging: 'The promise still holds over its window, but failures are using up the room it allows so fast that the on-call engineer is paged now.',
  breached: 'The promise is broken: over its window fewer were good than promised, or all the room for failures is used up.',
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

/** What an SLO counts: runs (success rate, latency) or minutes (freshness, dead letters). */
export type BudgetUnit = 'runs' | 'minutes';

export function budgetUnitOf(indicator: SloIndicator): BudgetUnit {
  return indicator === 'success_rate' || indicator === 'latency' ? 'runs' : 'minutes';
}

const count = (value: number, unit: BudgetUnit) => `${formatNumber(value)} ${value === 1 ? unit.slice(0, -1) : unit}`;

/** "one in every 200" for 99.5%; "about one in every 33" for 97%. */
function oneIn(objective: number): string {
  const every = 100 / (100 - objective);
  const rounded = Math.round(every);
  return Math.abs(every - rounded) < 0.001 ? `one in every ${formatNumber(rounded)}` : `about one in every ${formatNumber(rounded)}`;
}

/**
 * The error budget in words a stakeholder reads, never a fraction of a miss: "25% of the room for
 * failures left: 45 of the 60 misses allowed have happened", "Broken: 118 runs missed where 50 were
 * allowed (236% of the room for failures used)", and with too few runs for even one miss, "No misses
 * yet: 99.5% allows one in every 200 runs, and 6 runs so far." A miss is a bad run, or a bad minute
 * for freshness and dead-letter SLOs.
 */
export function describeBudget(budget: ErrorBudget, objective: number, unit: BudgetUnit = 'runs'): string {
  if (budget.noData) {
    return 'Nothing counted in the window yet, so none of the room for failures has been used.';
  }
  const percent = formatNumber(Math.round(budget.consumedFraction * 100));
  if (budget.allowedBad < 1) {
    return budget.bad === 0
      ? `No misses yet: ${formatNumber(objective)}% allows ${oneIn(objective)} ${unit}, and ${count(budget.total, unit)} so far.`
      : `Broken: ${formatNumber(budget.bad)} of ${count(budget.total, unit)} missed, where ${formatNumber(objective)}% allows ${oneIn(objective)}.`;
  }
  const allowed = Math.floor(budget.allowedBad + 1e-9);
  if (budget.overspent) {
    return `Broken: ${count(budget.bad, unit)} missed where ${formatNumber(allowed)} were allowed (${percent}% of the room for failures used).`;
  }
  if (budget.consumedFraction >= 1) {
    return `No room for failures left: all ${formatNumber(allowed)} misses allowed have happened.`;
  }
  return `${formatNumber(Math.round(budget.remainingFraction * 100))}% of the room for failures left: ${formatNumber(budget.bad)} of the ${formatNumber(allowed)} misses allowed have happened.`;
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
