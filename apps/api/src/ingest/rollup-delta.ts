import type { ResilienceV1, RunStatus } from '@roundhouse/contracts';
import { bucketOf, emptyHistogram } from '../runs/index.js';

/** An attempt that reached its end in this batch, for the first time. */
export interface CountedRun {
  automation: string;
  status: RunStatus;
  finishedAt: Date;
  durationMs: number;
  manualTouch: boolean;
}

/** What one batch adds to one automation's minute. */
export interface RollupDelta {
  automation: string;
  minute: Date;
  succeeded: number;
  failed: number;
  deadLettered: number;
  retried: number;
  manualTouches: number;
  histogram: number[];
  dependencyRetries: number;
  dependencyTimeouts: number;
  circuitOpens: number;
}

function minuteOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000);
}

/** Sums newly counted attempts and resilience signals per automation and minute, in key order. */
export function rollupDeltas(runs: readonly CountedRun[], signals: readonly ResilienceV1[]): RollupDelta[] {
  const deltas = new Map<string, RollupDelta>();
  const deltaFor = (automation: string, at: Date): RollupDelta => {
    const minute = minuteOf(at);
    const key = `${automation}\u0000${minute.getTime()}`;
    let delta = deltas.get(key);
    if (delta === undefined) {
      delta = {
        automation,
        minute,
        succeeded: 0,
        failed: 0,
        deadLettered: 0,
        retried: 0,
        manualTouches: 0,
        histogram: emptyHistogram(),
        dependencyRetries: 0,
        dependencyTimeouts: 0,
        circuitOpens: 0,
      };
      deltas.set(key, delta);
    }
    return delta;
  };
  for (const run of runs) {
    const delta = deltaFor(run.automation, run.finishedAt);
    switch (run.status) {
      case 'succeeded':
        delta.succeeded += 1;
        break;
      case 'failed':
        delta.failed += 1;
        break;
      case 'dead_lettered':
        delta.deadLettered += 1;
        break;
      case 'retrying':
        delta.retried += 1;
        break;
      case 'running':
        continue;
    }
    delta.manualTouches += run.manualTouch ? 1 : 0;
    const bucket = bucketOf(run.durationMs);
    delta.histogram[bucket] = (delta.histogram[bucket] ?? 0) + 1;
  }
  for (const signal of signals) {
    const delta = deltaFor(signal.automation, new Date(signal.occurredAt));
    if (signal.signal === 'retry') {
      delta.dependencyRetries += 1;
    } else if (signal.signal === 'timeout') {
      delta.dependencyTimeouts += 1;
    } else if (signal.signal === 'circuit_open') {
      delta.circuitOpens += 1;
    }
  }
  return [...deltas.values()].sort((a, b) => (a.automation === b.automation ? a.minute.getTime() - b.minute.getTime() : a.automation < b.automation ? -1 : 1));
}
