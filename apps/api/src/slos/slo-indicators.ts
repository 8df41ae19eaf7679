import type { GoodTotal } from './error-budget.js';

/**
 * The five SLO indicators, each turned into good/total counts for error budgets and burn rates, and
 * into a current status for the SLO table.
 *
 * - success_rate and latency count events (runs); freshness and the two dead-letter indicators
 *   count minutes: a minute is good when the promise held at its start.
 */

// ---------------------------------------------------------------------------------------------
// success_rate

/** Runs that ended in a window, as the per-minute rollups count them. */
export interface RunOutcomes {
  succeeded: number;
  failed: number;
  deadLettered: number;
}

/**
 * Good = succeeded, total = runs that ended (succeeded, failed for good, dead-lettered). Attempts
 * that ended in "retrying" are not events: the retry that follows is counted when it ends. This is
 * the same success rate as the automation's health page.
 */
export function successRateCounts(runs: RunOutcomes): GoodTotal {
  return { good: runs.succeeded, total: runs.succeeded + runs.failed + runs.deadLettered };
}

// ---------------------------------------------------------------------------------------------
// latency: counted at each SLO's threshold exactly, at ingest (run_latency_minute), never from the histogram.

// ---------------------------------------------------------------------------------------------
// freshness

export interface FreshnessCountsInput {
  /**
   * When successes happened (epoch ms), in any order, including the last one before `from`: a
   * success the day before the window can keep its first hours fresh. From the rollups these are the
   * minutes with at least one success, which is exact to the minute.
   */
  successes: readonly number[];
  /** Start of the window (epoch ms), inclusive; the first sampled minute. */
  from: number;
  /** End of the window (epoch ms), exclusive. */
  to: number;
  /** The SLO threshold: the most a last success may be old, in ms. */
  thresholdMs: number;
  /** Sampling step, one minute unless told otherwise. */
  stepMs?: number;
}

/** How many of the points from + k × step (k = 0, 1, …, below `to`) lie in [start, end]. */
function pointsIn(start: number, end: number, from: number, to: number, stepMs: number): number {
  const last = Math.ceil((to - from) / stepMs) - 1;
  const firstK = Math.max(0, Math.ceil((start - from) / stepMs));
  const lastK = Math.min(last, Math.floor((end - from) / stepMs));
  return Math.max(0, lastK - firstK + 1);
}

/**
 * Freshness in good and total minutes: the window is sampled at the start of every minute, and a
 * minute is good when the last success at that moment is at most `thresholdMs` old. Minutes before
 * any success at all are bad: an automation that never succeeds is not fresh. Choose `from` no
 * earlier than the automation began reporting, or it will be blamed for minutes before it existed.
 *
 * Example: a daily job with a 26-hour threshold, window of 48 hours, successes at 0 h and 24 h: every
 * minute is within 24 hours of a success, so 2,880 of 2,880 minutes are good. Had the 24 h run
 * failed, minutes from 26 h on are stale: 1,561 good (0 h to 26 h inclusive), 1,319 bad.
 */
export function freshnessCounts(input: FreshnessCountsInput): GoodTotal {
  const { from, to, thresholdMs } = input;
  const stepMs = input.stepMs ?? 60_000;
  if (!(stepMs > 0) || !(thresholdMs >= 0)) {
    throw new RangeError(`The step must be above 0 ms and the threshold 0 ms or more; got step ${stepMs}, threshold ${thresholdMs}`);
  }
  if (!(to > from)) {
    return { good: 0, total: 0 };
  }
  const total = Math.ceil((to - from) / stepMs);
  // Each success keeps [s, s + threshold] fresh; merge the overlapping spans, then count the
  // sampled minutes inside them.
  const sorted = [...input.successes].sort((a, b) => a - b);
  let good = 0;
  let spanStart: number | null = null;
  let spanEnd = 0;
  for (const success of sorted) {
    if (spanStart !== null && success <= spanEnd) {
      spanEnd = Math.max(spanEnd, success + thresholdMs);
      continue;
    }
    if (spanStart !== null) {
      good += pointsIn(spanStart, spanEnd, from, to, stepMs);
    }
    spanStart = success;
    spanEnd = success + thresholdMs;
  }
  if (spanStart !== null) {
    good += pointsIn(spanStart, spanEnd, from, to, stepMs);
  }
  return { good, total };
}

export type FreshnessStatus =
  | { noData: true; lastSuccessAt: null; ageMs: null; fresh: false; thresholdMs: number }
  | { noData: false; lastSuccessAt: Date; ageMs: number; fresh: boolean; thresholdMs: number };

/** Now: how old the last success is, and whether that is within the threshold. Never succeeded: `noData`, and not fresh. */
export function freshnessStatus(lastSuccessAt: Date | null, now: Date, thresholdMs: number): FreshnessStatus {
  if (lastSuccessAt === null) {
    return { noData: true, lastSuccessAt: null, ageMs: null, fresh: false, thresholdMs };
  }
  const ageMs = Math.max(0, now.getTime() - lastSuccessAt.getTime());
  return { noData: false, lastSuccessAt, ageMs, fresh: ageMs <= thresholdMs, thresholdMs };
}

// ---------------------------------------------------------------------------------------------
// dead_letter_backlog and dead_letter_age

/**
 * Minutes a sampled gauge stayed within its limit (at or under it): the pending dead letters against
 * `maxBacklog`, or the age of the oldest pending one (0 when none is pending) against the threshold.
 * One sample per minute; minutes without a sample are not counted either way.
 *
 * Example: samples [0, 120, 499, 500, 501, 640] against a backlog of at most 500 → 4 good of 6.
 */
export function withinLimitCounts(samples: readonly number[], limit: number): GoodTotal {
  return { good: samples.filter((value) => value <= limit).length, total: samples.length };
}

export interface BacklogStatus {
  pending: number;
  maxBacklog: number;
  /** pending ≤ maxBacklog. */
  withinLimit: boolean;
  /** maxBacklog − pending: how many more may pile up before the SLO is breached; negative when over. */
  headroom: number;
}

export function backlogStatus(pending: number, maxBacklog: number): BacklogStatus {
  return { pending, maxBacklog, withinLimit: pending <= maxBacklog, headroom: maxBacklog - pending };
}

export interface OldestDeadLetterStatus {
  /** Null when nothing is pending: the promise holds. */
  oldestPendingSince: Date | null;
  ageMs: number | null;
  thresholdMs: number;
  withinLimit: boolean;
}

/** Now: how long the oldest pending dead letter has waited. Nothing pending holds the promise. */
export function oldestDeadLetterStatus(oldestPendingSince: Date | null, now: Date, thresholdMs: number): OldestDeadLetterStatus {
  if (oldestPendingSince === null) {
    return { oldestPendingSince: null, ageMs: null, thresholdMs, withinLimit: true };
  }
  const ageMs = Math.max(0, now.getTime() - oldestPendingSince.getTime());
  return { oldestPendingSince, ageMs, thresholdMs, withinLimit: ageMs <= thresholdMs };
}
