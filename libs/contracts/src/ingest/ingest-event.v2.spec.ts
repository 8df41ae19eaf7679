import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestEventV1 } from './ingest-event.v1.js';
import { combineAttempt, ingestEventV2 } from './ingest-event.v2.js';
import { fastRunEventV2 } from './run-event-fast-path.js';

const started = {
  id: 'evt-0000001',
  type: 'run_started',
  automation: 'invoice-generation',
  occurredAt: '2026-12-07T09:00:00Z',
  runId: 'SO-1001',
  correlationId: 'SO-1001',
  startedAt: '2026-12-07T09:00:00Z',
} as const;
const finished = { ...started, id: 'evt-0000002', type: 'run_finished', occurredAt: '2026-12-07T09:00:02Z', durationMs: 2000, manualTouch: true } as const;
const failed = {
  ...started,
  id: 'evt-0000003',
  type: 'run_failed',
  occurredAt: '2026-12-07T09:00:02Z',
  durationMs: 2000,
  errorClass: 'RateLimitError',
  errorMessage: '429',
  outcome: 'retrying',
} as const;
const run = {
  id: 'evt-0000004',
  type: 'run',
  automation: 'invoice-generation',
  occurredAt: '2026-12-07T09:00:02Z',
  runId: 'SO-1001',
  startedAt: '2026-12-07T09:00:00Z',
  durationMs: 2000,
  outcome: 'succeeded',
} as const;

describe('ingestEventV2', () => {
  it('accepts every version 1 event as version 1 does', () => {
    for (const event of [started, finished, failed]) {
      expect(ingestEventV2.parse(event)).toEqual(ingestEventV1.parse(event));
    }
  });

  it('takes a whole attempt as one run event, with the error only when it did not succeed', () => {
    expect(ingestEventV2.parse(run)).toEqual({ ...run, attempt: 1, manualTouch: false });
    expect(ingestEventV2.safeParse({ ...run, outcome: 'failed', errorClass: 'TimeoutError', errorMessage: 'no answer in 30 s' }).success).toBe(true);
    expect(ingestEventV2.safeParse({ ...run, outcome: 'failed' }).success).toBe(false);
    expect(ingestEventV2.safeParse({ ...run, errorClass: 'TimeoutError', errorMessage: 'x' }).success).toBe(false);
    expect(ingestEventV2.safeParse({ ...run, outcome: 'dead_lettered', errorClass: 'TimeoutError' }).success).toBe(false);
    expect(ingestEventV2.safeParse({ ...run, outcome: 'running' }).success).toBe(false);
    expect(ingestEventV1.safeParse(run).success).toBe(false);
  });

  it('combines a start and its end into the run event both stand for', () => {
    expect(ingestEventV2.parse(combineAttempt(started, finished))).toEqual({ ...run, id: finished.id, correlationId: 'SO-1001', manualTouch: true, attempt: 1 });
    expect(ingestEventV2.parse(combineAttempt(started, failed))).toMatchObject({
      type: 'run',
      outcome: 'retrying',
      errorClass: 'RateLimitError',
      errorMessage: '429',
      occurredAt: failed.occurredAt,
    });
  });
});

describe('fastRunEventV2', () => {
  it('vouches for well-formed run events with the schema’s own output, and leaves the rest to it', () => {
    const failedRun = { ...run, outcome: 'failed', errorClass: 'TimeoutError', errorMessage: '' };
    for (const event of [run, failedRun, started, finished, failed]) {
      expect(fastRunEventV2(event)).toEqual(ingestEventV2.parse(event));
    }
    expect(fastRunEventV2({ ...run, outcome: 'failed' })).toBeUndefined();
    expect(fastRunEventV2({ ...run, errorMessage: 'x' })).toBeUndefined();
    expect(fastRunEventV2({ ...run, reprocessId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' })).toBeUndefined();
  });

  it('never accepts a run event the schema refuses, and never differs from the schema’s output when it accepts', () => {
    const values = fc.oneof(
      fc.constantFrom(
        undefined,
        null,
        '',
        'x',
        'c'.repeat(4000),
        'c'.repeat(4001),
        'b'.repeat(201),
        'succeeded',
        'failed',
        'retrying',
        'dead_lettered',
        'running',
        'run',
        'run_started',
        0,
        -1,
        1,
        1.5,
        1001,
        true,
        false,
        '2026-12-07T09:00:00',
      ),
      fc.string(),
      fc.integer(),
    );
    const fields = ['type', 'attempt', 'correlationId', 'durationMs', 'manualTouch', 'errorClass', 'errorMessage', 'outcome', 'extra'];
    fc.assert(
      fc.property(
        fc.constantFrom<Record<string, unknown>>(run, { ...run, outcome: 'failed', errorClass: 'E', errorMessage: 'm' }),
        fc.dictionary(fc.constantFrom(...fields), values, { maxKeys: 3 }),
        fc.array(fc.constantFrom(...fields), { maxLength: 2 }),
        (base, changes, removed) => {
          const event: Record<string, unknown> = { ...base, ...changes };
          for (const key of removed) {
            delete event[key];
          }
          const raw = JSON.parse(JSON.stringify(event)) as unknown;
          const fast = fastRunEventV2(raw);
          if (fast !== undefined) {
            const parsed = ingestEventV2.safeParse(raw);
            expect(parsed.success).toBe(true);
            expect(fast).toEqual(parsed.data);
          }
        },
      ),
      { numRuns: 10_000 },
    );
  }, 60_000);
});
