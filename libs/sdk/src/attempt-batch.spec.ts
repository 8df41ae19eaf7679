import { ingestEventV2, type IngestEventV1Input } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { batchEvents } from './attempt-batch.js';

const at = (second: number) => `2026-12-07T09:00:${String(second).padStart(2, '0')}Z`;
const start = (runId: string, second: number, attempt = 1): IngestEventV1Input => ({
  id: `started-${runId}-${attempt}`,
  type: 'run_started',
  automation: 'invoice-generation',
  occurredAt: at(second),
  runId,
  attempt,
  startedAt: at(second),
});
const end = (runId: string, started: number, second: number, attempt = 1): IngestEventV1Input => ({
  id: `ended-${runId}-${attempt}`,
  type: 'run_finished',
  automation: 'invoice-generation',
  occurredAt: at(second),
  runId,
  attempt,
  startedAt: at(started),
  durationMs: (second - started) * 1000,
});
const beat: IngestEventV1Input = { id: 'heartbeat-1', type: 'heartbeat', automation: 'invoice-generation', occurredAt: at(5) };

describe('batchEvents', () => {
  it('joins an end to its start in the same request, in the start’s place, and fills each request to its size', () => {
    const batches = batchEvents([start('a', 1), start('b', 2), end('a', 1, 3), beat, end('b', 2, 6), start('c', 7), end('c', 7, 8), start('d', 9)], 3);
    expect(batches.map((batch) => batch.map((event) => `${event.type}:${'runId' in event ? event.runId : '-'}`))).toEqual([
      ['run:a', 'run_started:b', 'heartbeat:-'],
      ['run_finished:b', 'run:c', 'run_started:d'],
    ]);
    for (const event of batches.flat()) {
      expect(ingestEventV2.safeParse(event).success).toBe(true);
    }
    expect(batches[0]?.[0]).toMatchObject({ id: 'ended-a-1', occurredAt: at(3), startedAt: at(1), durationMs: 2000, outcome: 'succeeded' });
  });

  it('sends an end alone when its start went out in an earlier request, and never joins another attempt of the same run', () => {
    const batches = batchEvents([start('a', 1), beat, end('a', 1, 3), start('a', 4, 2), end('a', 1, 5, 3)], 2);
    expect(batches.map((batch) => batch.map((event) => event.type))).toEqual([['run_started', 'heartbeat'], ['run_finished', 'run_started'], ['run_finished']]);
  });
});
