import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestEventV1 } from './ingest-event.v1.js';
import { fastRunEvent, RUN_EVENT_FAST_PATH_ON } from './run-event-fast-path.js';

const started = {
  id: '0193a6f2-6d1c-7c3e-9b8a-3f1d2c4b5a69',
  type: 'run_started',
  automation: 'invoice-generation',
  occurredAt: '2026-12-07T09:00:00.123Z',
  runId: 'SO-1001',
  startedAt: '2026-12-07T09:00:00.123Z',
};
const finished = { ...started, id: 'evt-0000002', type: 'run_finished', occurredAt: '2026-12-07T09:00:02+01:00', durationMs: 1877, correlationId: 'SO-1001', attempt: 2 };
const failed = {
  ...started,
  id: 'evt-0000003',
  type: 'run_failed',
  occurredAt: '2026-12-07T09:00:02Z',
  durationMs: 0,
  manualTouch: true,
  errorClass: 'RateLimitError',
  errorMessage: '',
  outcome: 'retrying',
};

/** What the schema makes of a raw event: its output, or undefined when it refuses it. */
function bySchema(raw: unknown): unknown {
  const parsed = ingestEventV1.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Values that sit on and around every limit the run event schemas set. */
const awkward = fc.oneof(
  fc.constantFrom(
    undefined,
    null,
    '',
    'x',
    'ab',
    'a'.repeat(7),
    'a'.repeat(8),
    'a'.repeat(63),
    'a'.repeat(64),
    'a'.repeat(128),
    'a'.repeat(129),
    'b'.repeat(200),
    'b'.repeat(201),
    'c'.repeat(4000),
    'c'.repeat(4001),
    'Invoice-Generation',
    'invoice--generation',
    '-invoice',
    'id with space',
    'id/slash',
    '2026-12-07T09:00:00Z',
    '2026-12-07T09:00:00',
    '2026-12-07T09:00Z',
    '2026-02-30T09:00:00Z',
    '2024-02-29T23:59:59.999999+14:00',
    '2026-12-07 09:00:00Z',
    '2026-12-07T24:00:00Z',
    'yesterday',
    'retrying',
    'failed',
    'dead_lettered',
    'succeeded',
    'run_started',
    'run_finished',
    'run_failed',
    'heartbeat',
    '0193a6f2-6d1c-7c3e-9b8a-3f1d2c4b5a69',
    0,
    -0,
    -1,
    1,
    1.5,
    1000,
    1001,
    604_800_000,
    604_800_001,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    false,
    [],
    {},
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
);
const fields = [
  'id',
  'type',
  'automation',
  'occurredAt',
  'runId',
  'attempt',
  'correlationId',
  'startedAt',
  'reprocessId',
  'durationMs',
  'manualTouch',
  'errorClass',
  'errorMessage',
  'outcome',
  'extra',
  '__proto__',
];

describe('fastRunEvent', () => {
  it('is on for the schema as it stands, and vouches for well-formed run events with the schema’s own output', () => {
    expect(RUN_EVENT_FAST_PATH_ON).toBe(true);
    for (const event of [started, finished, failed]) {
      const fast = fastRunEvent(event);
      expect(fast).toBeDefined();
      expect(fast).toEqual(bySchema(event));
    }
    expect(fastRunEvent(started)).toMatchObject({ attempt: 1 });
    expect(fastRunEvent(finished)).toMatchObject({ manualTouch: false });
  });

  it('leaves everything else to the schema: other types, reprocess runs, unknown fields, invalid values', () => {
    expect(fastRunEvent({ ...started, type: 'heartbeat' })).toBeUndefined();
    expect(fastRunEvent({ ...finished, reprocessId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' })).toBeUndefined();
    expect(fastRunEvent({ ...started, note: 'x' })).toBeUndefined();
    expect(fastRunEvent(JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(started).slice(1)}`))).toBeUndefined();
    expect(fastRunEvent({ ...started, occurredAt: 'yesterday' })).toBeUndefined();
    expect(fastRunEvent({ ...failed, outcome: 'succeeded' })).toBeUndefined();
    expect(fastRunEvent([started])).toBeUndefined();
  });

  it('never accepts what the schema refuses, and never differs from the schema’s output when it accepts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(started, finished, failed),
        fc.dictionary(fc.constantFrom(...fields), awkward, { maxKeys: 3 }),
        fc.array(fc.constantFrom(...fields), { maxLength: 2 }),
        (base, changes, removed) => {
          const event: Record<string, unknown> = { ...base };
          for (const [key, value] of Object.entries(changes)) {
            Object.defineProperty(event, key, { value, enumerable: true, writable: true, configurable: true });
          }
          for (const key of removed) {
            delete event[key];
          }
          const raw = JSON.parse(JSON.stringify(event)) as unknown;
          const fast = fastRunEvent(raw);
          if (fast !== undefined) {
            expect(fast).toEqual(bySchema(raw));
          }
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
