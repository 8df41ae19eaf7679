import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { formatDuration } from '@/shared/format/durations';
import { formatNumber } from '@/shared/format/numbers';

type ProgressCounts = ReprocessRequestSummaryFragment['progress'];

/** One reading of the ledger: when it was seen and how many messages had been picked up by then. */
export interface PickupSample {
  at: number;
  pickedUp: number;
}

/** How far back the observed rate looks: recent enough to follow a slowdown, long enough to smooth one second's jitter. */
export const RATE_WINDOW_MS = 30_000;

/** Messages the runtime has picked up: delivered and waiting for its word, or with an outcome it reported. */
export function pickedUpCount(progress: ProgressCounts): number {
  return progress.acknowledged + progress.succeeded + progress.failed;
}

/** Messages not picked up yet: waiting, or sent and not taken. */
export function notPickedUpCount(progress: ProgressCounts): number {
  return progress.queued + progress.dispatched;
}

/** Adds a reading and drops those older than the window (keeping the one just before it, so the window is covered). */
export function addSample(samples: readonly PickupSample[], sample: PickupSample): PickupSample[] {
  const all = [...samples, sample];
  const firstInWindow = all.findIndex((s) => sample.at - s.at <= RATE_WINDOW_MS);
  return all.slice(Math.max(0, firstInWindow - 1));
}

/** Messages picked up per second over the readings, or null while there is no rate yet (one reading, or none picked up since). */
export function observedRate(samples: readonly PickupSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined || last.at <= first.at) {
    return null;
  }
  const picked = last.pickedUp - first.pickedUp;
  return picked > 0 ? (picked / (last.at - first.at)) * 1000 : null;
}

/** "About 1 min 20 s left at 12.5 a second (the observed pick-up rate)", or "estimating…" until a rate is seen. */
export function describeTimeRemaining(remaining: number, rate: number | null): string {
  if (remaining === 0) {
    return 'Every message has been picked up.';
  }
  if (rate === null) {
    return 'Time remaining: estimating…';
  }
  const ms = Math.max(1000, Math.ceil((remaining / rate) * 1000));
  const perSecond = formatNumber(Math.round(rate * 10) / 10);
  return `About ${formatDuration(ms)} left, at the observed pick-up rate of ${perSecond} a second.`;
}
