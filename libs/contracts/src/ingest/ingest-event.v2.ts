import { z } from 'zod';
import { INGEST_EVENT_TYPES, ingestEventV1, runFailedV1, runFinishedV1, runStartedV1, type RunEventV1 } from './ingest-event.v1.js';

/**
 * Ingest events, version 2: what runtimes report through `POST /ingest/v2/events` (the SDK's way in).
 *
 * Every version 1 event, unchanged, plus `run`: one attempt whole, start and end in one event, for a
 * runtime that holds both when it reports (the SDK, when an attempt starts and ends before its
 * events are sent). It stands for the attempt's `run_started` and its end (`run_finished` or
 * `run_failed`) and is kept exactly like them, by the run's natural key and the phase: a `run` sent
 * again (under any id) is a duplicate; after a `run_started` of the same attempt it adds the end;
 * before or after an end it adds the start. A long run still reports its start alone, and its end
 * later, as in version 1.
 */
export const INGEST_EVENT_TYPES_V2 = [...INGEST_EVENT_TYPES, 'run'] as const;
export type IngestEventTypeV2 = (typeof INGEST_EVENT_TYPES_V2)[number];

export const RUN_OUTCOMES = ['succeeded', 'retrying', 'failed', 'dead_lettered'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

const { id, automation, runId, attempt, correlationId, startedAt, reprocessId } = runStartedV1.shape;
const { durationMs, manualTouch } = runFinishedV1.shape;
const { errorClass, errorMessage } = runFailedV1.shape;

export const runV2 = z
  .strictObject({
    id,
    type: z.literal('run'),
    automation,
    occurredAt: runStartedV1.shape.occurredAt.meta({ description: 'When the attempt ended, by the runtime’s clock.' }),
    runId,
    attempt,
    correlationId,
    startedAt,
    reprocessId,
    durationMs,
    manualTouch,
    outcome: z.enum(RUN_OUTCOMES).meta({ description: 'succeeded; retrying: another attempt follows; failed: given up; dead_lettered: given up and parked as a dead letter.' }),
    errorClass: errorClass.optional().meta({ description: 'Required unless the outcome is succeeded.', examples: ['RateLimitError', 'TimeoutError'] }),
    errorMessage: errorMessage.optional().meta({ description: 'Required unless the outcome is succeeded.' }),
  })
  .refine(
    (event) =>
      (event.outcome === 'succeeded') === (event.errorClass === undefined && event.errorMessage === undefined) &&
      (event.errorClass === undefined) === (event.errorMessage === undefined),
    {
      message: 'errorClass and errorMessage are given together, for every outcome but succeeded (and only then)',
      path: ['errorClass'],
    },
  )
  .meta({
    description: 'One attempt whole: its start and its end in one event (run_started plus run_finished or run_failed).',
    examples: [
      {
        id: '0193a6f2-6d1c-7c3e-9b8a-3f1d2c4b5a69',
        type: 'run',
        automation: 'invoice-generation',
        occurredAt: '2026-11-27T08:15:01.800Z',
        runId: 'SO-401234',
        attempt: 1,
        correlationId: 'SO-401234',
        startedAt: '2026-11-27T08:15:00Z',
        durationMs: 1800,
        manualTouch: false,
        outcome: 'succeeded',
      },
    ],
  });

export const ingestEventV2 = z
  .discriminatedUnion('type', [...ingestEventV1.options, runV2])
  .meta({ title: 'Ingest event v2', description: 'One report from a runtime: a version 1 event, or a whole attempt (`run`).' });

export type IngestEventV2 = z.infer<typeof ingestEventV2>;
export type IngestEventV2Input = z.input<typeof ingestEventV2>;
export type RunV2 = z.infer<typeof runV2>;
/** Every event that reports an attempt's start, its end, or both. */
export type RunEventV2 = RunEventV1 | RunV2;

/** A `run_started` and its end (same automation, run, attempt and start) as one `run` event: the end's id and time, fields of both. */
export function combineAttempt(start: z.input<typeof runStartedV1>, end: z.input<typeof runFinishedV1> | z.input<typeof runFailedV1>): z.input<typeof runV2> {
  const correlation = end.correlationId ?? start.correlationId;
  const reprocess = end.reprocessId ?? start.reprocessId;
  return {
    id: end.id,
    type: 'run',
    automation: end.automation,
    occurredAt: end.occurredAt,
    runId: end.runId,
    ...(end.attempt === undefined ? {} : { attempt: end.attempt }),
    ...(correlation === undefined ? {} : { correlationId: correlation }),
    startedAt: end.startedAt,
    ...(reprocess === undefined ? {} : { reprocessId: reprocess }),
    durationMs: end.durationMs,
    ...(end.manualTouch === undefined ? {} : { manualTouch: end.manualTouch }),
    ...(end.type === 'run_failed' ? { outcome: end.outcome, errorClass: end.errorClass, errorMessage: end.errorMessage } : { outcome: 'succeeded' as const }),
  };
}
