import type { FieldError } from '../errors/domain-errors.js';

/** How a request's first slice is sized, and the share of it that may fail again for the rest to follow. */
export interface CanaryPlan {
  count?: number | null;
  percent?: number | null;
  maxFailureRate: number;
}

/** A request's canary as kept: the plan and the slice's size in messages. */
export interface CanarySpec extends CanaryPlan {
  size: number;
}

/** What the canary decided (automatically, or a person continuing it), with the slice's numbers then. */
export interface CanaryDecision {
  outcome: 'passed' | 'stopped';
  reason: string;
  at: string;
  by: { id: string; name: string } | null;
  succeeded: number;
  failed: number;
  /** Slice messages still without an outcome (a person continued without them). */
  awaiting: number;
}

/**
 * Where a canary is, in order: waiting for the request's approval (nothing sent), sending its slice,
 * waiting for its outcomes, or decided; cancelled when the request ended (rejected or cancelled)
 * before the canary decided.
 */
export type CanaryStage = 'awaiting_approval' | 'sending' | 'waiting' | 'passed' | 'stopped' | 'cancelled';
export const CANARY_STAGES: readonly CanaryStage[] = ['awaiting_approval', 'sending', 'waiting', 'passed', 'stopped', 'cancelled'];

/** The slice's ledger: sent or not, and the runtime's outcomes. */
export interface CanaryCounts {
  size: number;
  unsent: number;
  awaiting: number;
  succeeded: number;
  failed: number;
  rest: number;
}

/** Checks a canary plan at the edge (the total is checked once the snapshot is taken: checkSlice). */
export function checkCanary(plan: CanaryPlan | null | undefined, action: string, problems: FieldError[]): void {
  if (plan === null || plan === undefined) {
    return;
  }
  if (action !== 'reprocess') {
    problems.push({ path: 'canary', message: 'only a reprocess has outcomes to wait for; a discard has no canary', found: action });
  }
  const count = plan.count ?? null;
  const percent = plan.percent ?? null;
  if ((count === null) === (percent === null)) {
    problems.push({ path: 'canary', message: 'give exactly one of count or percent', found: JSON.stringify({ count, percent }) });
  } else if (count !== null && (!Number.isInteger(count) || count < 1)) {
    problems.push({ path: 'canary.count', message: 'messages in the first slice', found: String(count), allowed: 'a whole number, at least 1 and fewer than the request holds' });
  } else if (percent !== null && (!Number.isInteger(percent) || percent < 1 || percent > 99)) {
    problems.push({ path: 'canary.percent', message: 'share of the request in the first slice', found: String(percent), allowed: '1 to 99' });
  }
  if (!Number.isFinite(plan.maxFailureRate) || plan.maxFailureRate < 0 || plan.maxFailureRate > 1) {
    problems.push({
      path: 'canary.maxFailureRate',
      message: 'the share of the slice that may fail again for the rest to follow',
      found: String(plan.maxFailureRate),
      allowed: '0 to 1',
    });
  }
}

/** The slice's size for a request of `total` messages; a string says why there is no slice to take. */
export function sliceSize(plan: CanaryPlan, total: number): number | string {
  const size = plan.count ?? Math.ceil((total * (plan.percent ?? 0)) / 100);
  if (size >= total) {
    return `a first slice of ${size} leaves nothing for after it: the request holds ${total} dead letter(s)`;
  }
  return Math.max(1, size);
}

function percentOf(rate: number): string {
  return `${Number((rate * 100).toFixed(1))}%`;
}

/**
 * The decision once every slice message has an outcome: the rest follows when the share that
 * failed again is at most the threshold set; otherwise the request stops.
 */
export function decide(spec: CanarySpec, counts: Pick<CanaryCounts, 'succeeded' | 'failed' | 'rest'>): Pick<CanaryDecision, 'outcome' | 'reason'> {
  const known = counts.succeeded + counts.failed;
  const rate = known === 0 ? 0 : counts.failed / known;
  const measured = `canary: ${counts.failed} of ${known} failed again (${percentOf(rate)})`;
  if (rate <= spec.maxFailureRate) {
    return { outcome: 'passed', reason: `${measured}, within the ${percentOf(spec.maxFailureRate)} you set; sending the other ${counts.rest}` };
  }
  return { outcome: 'stopped', reason: `${measured}, above the ${percentOf(spec.maxFailureRate)} you set; the other ${counts.rest} were not sent and wait again` };
}

/** Where the canary is now, given its request's state. */
export function stageOf(counts: CanaryCounts, decision: CanaryDecision | null, requestState: string): CanaryStage {
  if (decision !== null) {
    return decision.outcome;
  }
  if (requestState === 'awaiting_approval') {
    return 'awaiting_approval';
  }
  if (requestState === 'cancelled') {
    return 'cancelled';
  }
  return counts.unsent > 0 ? 'sending' : 'waiting';
}

/** The request's note while its canary waits for outcomes. */
export function waitingNote(counts: CanaryCounts): string {
  const known = counts.succeeded + counts.failed;
  return `Canary: waiting for outcomes — ${known} of ${counts.size} known (${counts.failed} failed again); the other ${counts.rest} wait for its decision.`;
}
