import type { RunEventV1 } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { mergeRunEvents } from './run-patch.js';

const indexed = (events: RunEventV1[]) => events.map((event, index) => ({ index, event }));

const startedAt = '2026-11-27T08:00:00.000Z';
const run = { automation: 'invoice-generation', runId: 'r-1', attempt: 1, startedAt, correlationId: 'deal-1' };
const started: RunEventV1 = { id: 'e-started-1', type: 'run_started', occurredAt: startedAt, ...run };
const finished: RunEventV1 = { id: 'e-finished-1', type: 'run_finished', occurredAt: '2026-11-27T08:00:02.000Z', ...run, durationMs: 2000, manualTouch: false };
const failed: RunEventV1 = {
  id: 'e-failed-1',
  type: 'run_failed',
  occurredAt: '2026-11-27T08:00:01.000Z',
  ...run,
  durationMs: 1000,
  manualTouch: false,
  errorClass: 'TimeoutError',
  errorMessage: 'NetSuite did not answer in 30 s',
  outcome: 'failed',
};

describe(mergeRunEvents.name, () => {
  it('gives one patch per attempt whatever the order', () => {
    const orders = [
      [started, finished],
      [finished, started],
    ];
    const results = orders.map((events) => mergeRunEvents(indexed(events)).map((patch) => ({ ...patch, starts: undefined, end: undefined, lostEnds: undefined })));
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toEqual([expect.objectContaining({ status: 'succeeded', durationMs: 2000, correlationId: 'deal-1' })]);
  });

  it('lets the later of two ends win, in either order', () => {
    expect(mergeRunEvents(indexed([finished, failed]))[0]?.status).toBe('succeeded');
    expect(mergeRunEvents(indexed([failed, finished]))[0]?.status).toBe('succeeded');
  });

  it('tells which event is the attempt’s end and which ends lost to a later one', () => {
    expect(mergeRunEvents(indexed([started, finished, failed, started]))).toEqual([expect.objectContaining({ starts: [0, 3], end: 1, lostEnds: [2] })]);
    expect(mergeRunEvents(indexed([failed, finished]))).toEqual([expect.objectContaining({ starts: [], end: 1, lostEnds: [0] })]);
  });

  it('keeps attempts of one run apart', () => {
    const second: RunEventV1 = { ...finished, id: 'e-finished-2', attempt: 2 };
    expect(mergeRunEvents(indexed([failed, second])).map((p) => [p.attempt, p.status])).toEqual([
      [1, 'failed'],
      [2, 'succeeded'],
    ]);
  });
});
