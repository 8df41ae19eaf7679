import type { RunEventV2, RunStatus } from '@roundhouse/contracts';

/** A run event (a start, an end, or both: `run`) with its place in the request, so that its outcome can be told. */
export interface IndexedRunEvent {
  index: number;
  event: RunEventV2;
}

/** What a batch says about one attempt, merged from all of its events in the batch. */
export interface RunPatch {
  automation: string;
  runId: string;
  attempt: number;
  startedAt: string;
  /** `startedAt` in milliseconds since the epoch, read once. */
  startedAtMs: number;
  correlationId: string | null;
  status: RunStatus;
  finishedAt: string | null;
  durationMs: number | null;
  errorClass: string | null;
  errorMessage: string | null;
  manualTouch: boolean;
  /** The attempt's phases (its natural key with the run's): the start events, and the end that won, by index in the request (a `run` event is in both). */
  starts: number[];
  end: number | null;
  /** Ends that lost to a later one in the same batch: duplicates of the attempt's end. */
  lostEnds: number[];
}

/** An attempt's key as one string: automation, run, attempt and start (in ms), NUL-separated (slugs and times hold no NUL). */
export function attemptKey(automation: string, runId: string, attempt: number, startedAtMs: number): string {
  return `${automation}\u0000${startedAtMs}\u0000${attempt}\u0000${runId}`;
}

/** Orders patches by automation, run, attempt and start: the order every batch locks attempts in. */
export function compareAttempts(a: RunPatch, b: RunPatch): number {
  if (a.automation !== b.automation) {
    return a.automation < b.automation ? -1 : 1;
  }
  if (a.runId !== b.runId) {
    return a.runId < b.runId ? -1 : 1;
  }
  return a.attempt - b.attempt || a.startedAtMs - b.startedAtMs;
}

function terminal(event: RunEventV2): Partial<RunPatch> | undefined {
  switch (event.type) {
    case 'run':
      return {
        status: event.outcome,
        finishedAt: event.occurredAt,
        durationMs: event.durationMs,
        manualTouch: event.manualTouch,
        errorClass: event.errorClass ?? null,
        errorMessage: event.errorMessage ?? null,
      };
    case 'run_started':
      return undefined;
    case 'run_finished':
      return { status: 'succeeded', finishedAt: event.occurredAt, durationMs: event.durationMs, manualTouch: event.manualTouch, errorClass: null, errorMessage: null };
    case 'run_failed':
      return {
        status: event.outcome,
        finishedAt: event.occurredAt,
        durationMs: event.durationMs,
        manualTouch: event.manualTouch,
        errorClass: event.errorClass,
        errorMessage: event.errorMessage,
      };
  }
}

/**
 * Merges run events into one patch per attempt, in any order: the start adds nothing a terminal
 * event lacks, and of two terminal events the later one wins. A `run` event is the attempt's start
 * and an end at once. The database merges patches across
 * batches the same way, so events converge whatever order they arrive in.
 */
export function mergeRunEvents(events: readonly IndexedRunEvent[]): RunPatch[] {
  const patches = new Map<string, RunPatch>();
  for (const { index, event } of events) {
    const startedAtMs = Date.parse(event.startedAt);
    const key = attemptKey(event.automation, event.runId, event.attempt, startedAtMs);
    let current = patches.get(key);
    if (current === undefined) {
      current = {
        automation: event.automation,
        runId: event.runId,
        attempt: event.attempt,
        startedAt: event.startedAt,
        startedAtMs,
        correlationId: null,
        status: 'running',
        finishedAt: null,
        durationMs: null,
        errorClass: null,
        errorMessage: null,
        manualTouch: false,
        starts: [],
        end: null,
        lostEnds: [],
      };
      patches.set(key, current);
    }
    current.correlationId ??= event.correlationId ?? null;
    const end = terminal(event);
    if (end === undefined || event.type === 'run') {
      current.starts.push(index);
    }
    if (end === undefined) {
      continue;
    }
    if (current.finishedAt === null || Date.parse(event.occurredAt) >= Date.parse(current.finishedAt)) {
      Object.assign(current, end);
      if (current.end !== null) {
        current.lostEnds.push(current.end);
      }
      current.end = index;
    } else {
      current.lostEnds.push(index);
    }
  }
  return [...patches.values()];
}
