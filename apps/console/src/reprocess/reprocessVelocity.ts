import { formatDuration } from '@/shared/format/durations';
import { formatNumber } from '@/shared/format/numbers';

export const DEFAULT_VELOCITY = 100;
export const MIN_VELOCITY = 1;
export const MAX_VELOCITY = 10_000;

export type VelocityReading = { ok: true; value: number } | { ok: false; problem: string };

/** The velocity as typed: a whole number of messages per second, 1 to 10,000. */
export function readVelocity(text: string): VelocityReading {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isInteger(value) || value < MIN_VELOCITY || value > MAX_VELOCITY) {
    return { ok: false, problem: `Enter a whole number of messages per second from ${formatNumber(MIN_VELOCITY)} to ${formatNumber(MAX_VELOCITY)}.` };
  }
  return { ok: true, value };
}

/**
 * "About 13 s at 100 messages a second" — the sending alone; the runtime's own work comes on top.
 * Messages an SDK runtime pulls (`pulled` of the `count`) go at its pace, never faster than the
 * velocity: it handles only so many at a time (the SDK's onReprocess concurrency, 4 unless set:
 * REPROCESS_DEFAULTS in libs/sdk), each as long as its work takes, so the estimate says so.
 */
export function describeEstimate(count: number, velocity: number, pulled = 0): string {
  if (count === 0) {
    return 'Nothing to send.';
  }
  const ms = Math.max(1, Math.ceil((count / velocity) * 1000));
  const rate = `${formatNumber(velocity)} ${velocity === 1 ? 'message' : 'messages'} a second`;
  const sending = ms < 1000 ? `Under a second at ${rate}` : `About ${formatDuration(ms)} at ${rate}`;
  if (pulled <= 0) {
    return `${sending}.`;
  }
  const which = pulled >= count ? 'these' : `${formatNumber(pulled)} of these`;
  return `${sending} at the most: the runtime's SDK pulls ${which} and handles only a few at a time (4 unless its onReprocess concurrency says otherwise), so when each takes it a while, the runtime sets the pace.`;
}
