import type { RunFieldsFragment, TrailQuery } from '@/gql/graphql';

export type TrailRun = RunFieldsFragment;
export type TrailStep = TrailQuery['trailSteps'][number];

const time = (value: string | null) => (value === null ? Number.POSITIVE_INFINITY : new Date(value).getTime());

/** Runs in the order they happened: by start, then by finish (still running last), then attempt. */
export function inTimeOrder(runs: readonly TrailRun[]): TrailRun[] {
  return [...runs].sort((a, b) => time(a.startedAt) - time(b.startedAt) || time(a.finishedAt) - time(b.finishedAt) || a.attempt - b.attempt);
}

/** When a run ended, for drawing: its finish, else start + duration, else (still running) `now`. */
export function endOf(run: TrailRun, now: number): number {
  if (run.finishedAt !== null) {
    return new Date(run.finishedAt).getTime();
  }
  const start = new Date(run.startedAt).getTime();
  return run.durationMs !== null ? start + run.durationMs : Math.max(now, start);
}

export interface TrailSpan {
  start: number;
  end: number;
  /** end − start, never 0 (one instant still draws). */
  length: number;
}

export function spanOf(runs: readonly TrailRun[], now: number): TrailSpan | undefined {
  if (runs.length === 0) {
    return undefined;
  }
  const start = Math.min(...runs.map((run) => new Date(run.startedAt).getTime()));
  const end = Math.max(...runs.map((run) => endOf(run, now)));
  return { start, end, length: Math.max(end - start, 1) };
}

/** Evenly spaced instants along the span for the axis, ends included. */
export function axisTicks(span: TrailSpan, count = 5): number[] {
  return Array.from({ length: count }, (_, index) => span.start + (span.length * index) / (count - 1));
}

/**
 * The steps (OpenTelemetry child spans) of one attempt: of its automation and run, started while
 * it ran (attempts of one run share the run id), in the order they started.
 */
export function stepsOf(run: TrailRun, steps: readonly TrailStep[]): TrailStep[] {
  const start = new Date(run.startedAt).getTime();
  const end = time(run.finishedAt);
  return steps
    .filter((step) => step.automation.slug === run.automation.slug && step.runId === run.runId && time(step.startedAt) >= start && time(step.startedAt) <= end)
    .sort((a, b) => time(a.startedAt) - time(b.startedAt));
}
