import type { ReprocessAction, ReprocessCanaryInput, ReprocessCanaryStage, ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';
import { messages } from './reprocessWords';

export type Canary = NonNullable<ReprocessRequestSummaryFragment['canary']>;

/** Where a canary is, in words (the request page's first stage, the request list). */
export const CANARY_STAGE_LABELS: Record<ReprocessCanaryStage, string> = {
  awaiting_approval: 'waits for approval',
  sending: 'sending',
  waiting: 'waiting for outcomes',
  passed: 'passed',
  stopped: 'stopped the request',
  cancelled: 'cancelled before a decision',
};

/** What the person typed in the dialog's canary fields. */
export interface CanaryChoice {
  on: boolean;
  sliceText: string;
  unit: 'percent' | 'count';
  thresholdText: string;
}

export const DEFAULT_CANARY: CanaryChoice = { on: false, sliceText: '10', unit: 'percent', thresholdText: '20' };

type Read = { ok: true; value: ReprocessCanaryInput | null; size: number } | { ok: false; problem: string };

const whole = (text: string): number | undefined => (/^\s*\d+\s*$/.test(text) ? Number(text) : undefined);

/** The canary input from the fields, checked against the count on screen (the api checks again). */
export function readCanary(choice: CanaryChoice, count: number): Read {
  if (!choice.on) {
    return { ok: true, value: null, size: 0 };
  }
  const slice = whole(choice.sliceText);
  const threshold = /^\s*\d+(\.\d+)?\s*$/.test(choice.thresholdText) ? Number(choice.thresholdText) : undefined;
  if (threshold === undefined || threshold > 100) {
    return { ok: false, problem: 'The failure threshold is a percentage from 0 to 100.' };
  }
  if (choice.unit === 'percent') {
    if (slice === undefined || slice < 1 || slice > 99) {
      return { ok: false, problem: 'The first slice is 1 to 99 percent of the messages.' };
    }
    const size = Math.ceil((count * slice) / 100);
    return size >= count && count > 0
      ? { ok: false, problem: `${slice}% of ${messages(count)} leaves none for after the canary.` }
      : { ok: true, value: { percent: slice, maxFailureRate: threshold / 100 }, size };
  }
  if (slice === undefined || slice < 1) {
    return { ok: false, problem: 'The first slice is at least 1 message.' };
  }
  if (count > 0 && slice >= count) {
    return { ok: false, problem: `The first slice must be smaller than the ${messages(count)} selected.` };
  }
  return { ok: true, value: { count: slice, maxFailureRate: threshold / 100 }, size: slice };
}

/** The canary of a request with `action`: only a reprocess has outcomes to wait for. */
export function readCanaryFor(action: ReprocessAction, choice: CanaryChoice, count: number): Read {
  return readCanary(action === 'reprocess' ? choice : DEFAULT_CANARY, count);
}

/** The part of the start input the canary adds, if any. */
export function canaryInput(read: Read): { canary?: ReprocessCanaryInput } {
  return read.ok && read.value !== null ? { canary: read.value } : {};
}

export const percent = (rate: number) => `${Number((rate * 100).toFixed(1))}%`;

/** What the dialog says the canary will do. */
export function canaryPlanSentence(size: number, count: number, maxFailureRate: number): string {
  return `The first ${messages(size)} go out alone. The other ${formatNumber(count - size)} follow only when the runtime has reported every outcome of the first and at most ${percent(maxFailureRate)} of them failed again; otherwise the request stops and they wait again.`;
}

/** The first stage in words: what was sent, and what the runtime reported. */
export function sliceOutcomes(canary: Canary): string {
  return `${formatNumber(canary.sent)} of ${messages(canary.size)} sent · ${formatNumber(canary.succeeded)} succeeded · ${formatNumber(canary.failed)} failed again · ${formatNumber(canary.awaiting)} awaiting an outcome`;
}

/** Where the first stage is, in words, with the decision's reason once there is one. */
export function sliceVerdict(canary: Canary): string {
  if (canary.decision) {
    return canary.decision.by ? `${canary.decision.reason} (${canary.decision.by.name} continued without waiting).` : `${canary.decision.reason}.`;
  }
  switch (canary.stage) {
    case 'awaiting_approval':
      return `Nothing is sent before the approval. Then the first slice goes out alone; the runtime’s outcomes decide whether the rest follows (at most ${percent(canary.maxFailureRate)} may fail again).`;
    case 'cancelled':
      return `The request ended before the canary decided: ${formatNumber(canary.succeeded + canary.failed)} of ${formatNumber(canary.size)} outcomes were known.`;
    case 'sending':
      return `Sending the first slice; the runtime’s outcomes decide whether the rest follows (at most ${percent(canary.maxFailureRate)} may fail again).`;
    default:
      return `Waiting for the runtime’s outcomes: ${formatNumber(canary.succeeded + canary.failed)} of ${formatNumber(canary.size)} known. A message whose outcome never comes keeps it waiting; you may send the rest without it, or cancel.`;
  }
}

/** The second stage in words. */
export function restWords(canary: Canary, requestState: string): string {
  switch (canary.stage) {
    case 'awaiting_approval':
    case 'sending':
    case 'waiting':
      return requestState === 'cancelled' ? 'Not sent: the request was cancelled before the canary decided.' : 'Held until the canary passes.';
    case 'cancelled':
      return 'Not sent: the request was cancelled before the canary decided.';
    case 'passed':
      return 'Sent after the canary passed (progress above).';
    case 'stopped':
      return 'Not sent: the canary stopped the request. These dead letters wait again.';
  }
}
