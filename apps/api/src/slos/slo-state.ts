import type { ErrorBudget } from './error-budget.js';

/**
 * breached: the promise is broken over the SLO window: the objective is missed, or the whole error
 * budget is spent (whatever the alert rules say). paging: not broken, but a page rule fires.
 * burning: not broken, but a ticket rule fires, or a dead-letter SLO's limit is crossed right now.
 * ok: none of these. no_data: nothing was counted in the SLO window and no limit is crossed now.
 */
export type SloState = 'ok' | 'burning' | 'paging' | 'breached' | 'no_data';

/** See `SloState`: broken beats burning, a page beats a ticket. */
export function stateOf(budget: ErrorBudget, firing: 'page' | 'ticket' | null, overLimitNow: boolean | null): SloState {
  if (!budget.noData && budget.consumedFraction >= 1) {
    return 'breached';
  }
  if (firing === 'page') {
    return 'paging';
  }
  if (firing === 'ticket' || overLimitNow === true) {
    return 'burning';
  }
  return budget.noData && overLimitNow === null ? 'no_data' : 'ok';
}
