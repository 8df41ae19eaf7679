import type { ReprocessItemState, ReprocessRequestState, ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { formatPercent } from '@/shared/format/numbers';

/** Ledger states in the order a message moves through them; the last three are where it ends. */
export const ITEM_STATES: readonly ReprocessItemState[] = ['queued', 'dispatched', 'acknowledged', 'succeeded', 'failed', 'cancelled'];

/**
 * The bar's order from the left: outcomes first (succeeded, failed again, never sent), then messages on their way,
 * then those waiting at the right end, so the bar fills from the left as the request advances.
 */
export const BAR_ORDER: readonly ReprocessItemState[] = ['succeeded', 'failed', 'cancelled', 'acknowledged', 'dispatched', 'queued'];

/** The stylesheet's colours: grey waiting, blues on the way, green done, red failed, light grey never sent. */
export const ITEM_STATE_COLOURS: Record<ReprocessItemState, string> = {
  queued: '#9aa3b0',
  dispatched: '#4b7fb0',
  acknowledged: '#8fb0cb',
  succeeded: '#1f6b45',
  failed: '#a3282e',
  cancelled: '#d5d9e0',
};

export interface ProgressRow {
  state: ReprocessItemState;
  count: number;
  /** 0..1 of the request's messages. */
  share: number;
}

type ProgressCounts = ReprocessRequestSummaryFragment['progress'];

/** Every state with its count and share of the whole; the whole is the snapshot (or the ledger, if it holds more). */
export function progressRows(progress: ProgressCounts, total: number): ProgressRow[] {
  const counted = ITEM_STATES.reduce((sum, state) => sum + progress[state], 0);
  const whole = Math.max(total, counted);
  return ITEM_STATES.map((state) => ({ state, count: progress[state], share: whole === 0 ? 0 : progress[state] / whole }));
}

export function formatShare(share: number): string {
  return formatPercent(share);
}

/** Messages whose outcome is known: succeeded, failed, or never sent. */
export function finishedCount(progress: ProgressCounts): number {
  return progress.succeeded + progress.failed + progress.cancelled;
}

/** Messages still on their way: waiting, sent, or delivered and waiting for the runtime's word. */
export function openCount(progress: ProgressCounts): number {
  return progress.queued + progress.dispatched + progress.acknowledged;
}

const MOVING_STATES: ReadonlySet<ReprocessRequestState> = new Set(['requested', 'running', 'paused']);

/** Whether the request may still change by itself or by a person's hand: it is asked again every second. */
export function isMoving(request: { state: ReprocessRequestState }): boolean {
  return MOVING_STATES.has(request.state);
}

export const LIVE_REFRESH_MS = 1_000;
/** A request waiting for someone else's approval. */
export const APPROVAL_REFRESH_MS = 5_000;
/** A finished request whose runtime has not reported every outcome yet. */
export const OUTCOMES_REFRESH_MS = 5_000;

/** How often a request's page asks again: every second while it moves, every few seconds while it waits for approval or outcomes are due, else never. */
export function refetchIntervalFor(request: { state: ReprocessRequestState; progress: ProgressCounts } | undefined): number | false {
  if (request === undefined) {
    return false;
  }
  if (isMoving(request)) {
    return LIVE_REFRESH_MS;
  }
  if (request.state === 'awaiting_approval') {
    return APPROVAL_REFRESH_MS;
  }
  return request.state === 'done' && openCount(request.progress) > 0 ? OUTCOMES_REFRESH_MS : false;
}

export function reprocessPath(id: string): string {
  return `/reprocess/${encodeURIComponent(id)}`;
}
