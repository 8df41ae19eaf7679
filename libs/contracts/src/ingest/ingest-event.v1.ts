import { z } from 'zod';
import { slug } from '../catalog/common.js';
import { messageBodyV1 } from './message-body.v1.js';

/**
 * Ingest events, version 1: what runtimes report through `POST /ingest/v1/events` (or the SDK).
 *
 * Every event carries an `id` chosen by the runtime (a UUID is best): the same id sent twice is
 * stored once. Run events name the run (`runId`), the attempt, and when the run started
 * (`startedAt`, the same on every event of one attempt), so events that arrive out of order still
 * converge to one run; for them that key with the phase (start, end) is what is stored once: an
 * attempt's start or end sent again, under any id, is a duplicate.
 */
export const INGEST_EVENT_TYPES = ['run_started', 'run_finished', 'run_failed', 'step', 'kpi_measurement', 'heartbeat', 'resilience', 'dead_letter'] as const;
export type IngestEventType = (typeof INGEST_EVENT_TYPES)[number];

/** What an event id may hold: letters, digits and `. _ : -`. */
export const EVENT_ID_PATTERN = /^[\w.:-]+$/;

const eventId = z
  .string()
  .min(8)
  .max(128)
  .regex(EVENT_ID_PATTERN, { message: 'letters, digits and . _ : - (a UUID is best)' })
  .meta({ description: 'Unique per event; repeats are stored once.', examples: ['0193a6f2-6d1c-7c3e-9b8a-3f1d2c4b5a69'] });

const timestamp = z.iso.datetime({ offset: true, message: 'an ISO 8601 timestamp, e.g. "2026-11-27T08:15:00Z"' });

const base = {
  id: eventId,
  automation: slug.meta({ description: 'Slug of the automation in the catalog.' }),
  occurredAt: timestamp.meta({ description: 'When it happened, by the runtime’s clock.' }),
};

const runFields = {
  runId: z.string().min(1).max(200).meta({ description: 'The run (one execution); the same across its attempts.' }),
  attempt: z.number().int().min(1).max(1000).default(1),
  correlationId: z.string().min(1).max(200).optional().meta({ description: 'The business transaction this run is part of (order id, deal id…), shared across automations.' }),
  startedAt: timestamp.meta({ description: 'When this attempt started; the same on every event of the attempt.' }),
  reprocessId: z
    .uuid()
    .optional()
    .meta({ description: 'Set when this run handles a reprocessed dead letter (the x-roundhouse-reprocess-id it carried): a success resolves the dead letter.' }),
};

const durationMs = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600 * 1000)
  .meta({ description: 'How long the attempt took.' });
const manualTouch = z.boolean().default(false).meta({ description: 'A person had to step in for this run.' });

export const runStartedV1 = z.strictObject({ ...base, type: z.literal('run_started'), ...runFields });

export const runFinishedV1 = z.strictObject({ ...base, type: z.literal('run_finished'), ...runFields, durationMs, manualTouch });

export const runFailedV1 = z.strictObject({
  ...base,
  type: z.literal('run_failed'),
  ...runFields,
  durationMs,
  manualTouch,
  errorClass: z
    .string()
    .min(1)
    .max(200)
    .meta({ examples: ['RateLimitError', 'TimeoutError'] }),
  errorMessage: z.string().max(4000),
  outcome: z
    .enum(['retrying', 'failed', 'dead_lettered'])
    .meta({ description: 'retrying: another attempt follows; failed: given up; dead_lettered: given up and parked as a dead letter.' }),
});

export const STEP_OUTCOMES = ['succeeded', 'failed'] as const;

/**
 * One finished step inside a run, shown in the correlation trail under its run: an OpenTelemetry
 * child span (`POST /v1/traces`), or a step a runtime reports itself. `occurredAt` is when it ended.
 */
export const stepV1 = z.strictObject({
  ...base,
  type: z.literal('step'),
  correlationId: z.string().min(1).max(200).meta({ description: 'The business transaction (for OpenTelemetry, the trace id) whose trail shows the step.' }),
  stepId: z.string().min(1).max(200).meta({ description: 'Unique within the correlation id (for OpenTelemetry, the span id).' }),
  parentStepId: z.string().min(1).max(200).optional().meta({ description: 'The step or run span this step ran inside, when known.' }),
  runId: z.string().min(1).max(200).optional().meta({ description: 'The run the step belongs to, when known.' }),
  name: z.string().min(1).max(200),
  startedAt: timestamp,
  durationMs,
  outcome: z.enum(STEP_OUTCOMES),
  errorMessage: z.string().max(4000).optional(),
});

export const kpiMeasurementV1 = z.strictObject({
  ...base,
  type: z.literal('kpi_measurement'),
  kpi: slug.meta({ description: 'Name of a KPI of the automation.' }),
  value: z.number().finite(),
});

export const heartbeatV1 = z.strictObject({
  ...base,
  type: z.literal('heartbeat'),
  instance: z.string().min(1).max(200).optional().meta({ description: 'Which runtime instance is alive.' }),
});

export const RESILIENCE_SIGNALS = ['retry', 'timeout', 'circuit_open', 'circuit_half_open', 'circuit_close'] as const;

/** What the runtime's own resilience policies did around a third-party call (retries, breaker opens). */
export const resilienceV1 = z.strictObject({
  ...base,
  type: z.literal('resilience'),
  signal: z.enum(RESILIENCE_SIGNALS),
  dependency: z
    .string()
    .min(1)
    .max(120)
    .meta({ description: 'The third party called, e.g. "netsuite".', examples: ['netsuite'] }),
  runId: z.string().min(1).max(200).optional(),
});

export const DEAD_LETTER_SOURCES = ['rabbitmq', 'bullmq', 'nats', 'sqs', 'kafka', 'webhook', 'sdk', 'other'] as const;

/**
 * A message the runtime gave up on. `messageId` is the message's own id at its source: the same
 * message dead-lettered again (a redelivery) is one dead letter, seen once more. Its body is
 * `body` (bytes, content type, content encoding: kept and sent back byte for byte) or, for
 * runtimes that only have a JSON value, `payload` (kept as its JSON text).
 */
export const deadLetterV1 = z
  .strictObject({
    ...base,
    type: z.literal('dead_letter'),
    messageId: z.string().min(1).max(200).meta({ description: 'The message id at its source (AMQP message-id, BullMQ job id…).' }),
    source: z.strictObject({
      kind: z.enum(DEAD_LETTER_SOURCES),
      queue: z.string().min(1).max(255).meta({
        description:
          'Where the dead letter waits: the dead-letter queue (RabbitMQ), the failed job queue (BullMQ), the stream (NATS JetStream) or topic; the same for every delivery of one message.',
      }),
      exchange: z.string().max(255).optional(),
      routingKey: z.string().max(255).optional().meta({ description: 'The routing key (RabbitMQ) or subject (NATS) the message was published with.' }),
    }),
    body: messageBodyV1.optional().meta({ description: 'The message body as received: bytes, content type and content encoding. What a reprocess sends back, byte for byte.' }),
    payload: z.json().optional().meta({
      description:
        'The message body as a JSON value, for a runtime that has no bytes: kept as its JSON text (numbers beyond 2^53 have lost digits by the time a JSON parser read them; send `body` to keep them). Ignored when `body` is given.',
    }),
    headers: z.record(z.string(), z.string().max(4000)).default({}),
    errorClass: z.string().min(1).max(200),
    errorMessage: z.string().max(4000),
    attempts: z.number().int().min(1).max(100_000).meta({ description: 'Deliveries tried before giving up.' }),
    firstFailedAt: timestamp.optional().meta({ description: 'When the message first failed; default occurredAt.' }),
    runId: z.string().min(1).max(200).optional(),
    correlationId: z.string().min(1).max(200).optional(),
    reprocessId: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Set when a reprocess of an earlier dead letter failed again (the x-roundhouse-reprocess-id it carried).' }),
  })
  .refine((event) => event.body !== undefined || event.payload !== undefined, {
    message: 'a dead letter needs its message: `body` (bytes, base64) or `payload` (JSON)',
    path: ['body'],
  });

export const ingestEventV1 = z
  .discriminatedUnion('type', [runStartedV1, runFinishedV1, runFailedV1, stepV1, kpiMeasurementV1, heartbeatV1, resilienceV1, deadLetterV1])
  .meta({ title: 'Ingest event v1', description: 'One report from a runtime.' });

export type IngestEventV1 = z.infer<typeof ingestEventV1>;
export type IngestEventV1Input = z.input<typeof ingestEventV1>;
export type RunStartedV1 = z.infer<typeof runStartedV1>;
export type RunFinishedV1 = z.infer<typeof runFinishedV1>;
export type RunFailedV1 = z.infer<typeof runFailedV1>;
export type StepV1 = z.infer<typeof stepV1>;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];
export type KpiMeasurementV1 = z.infer<typeof kpiMeasurementV1>;
export type HeartbeatV1 = z.infer<typeof heartbeatV1>;
export type ResilienceV1 = z.infer<typeof resilienceV1>;
export type DeadLetterV1 = z.infer<typeof deadLetterV1>;
export type RunEventV1 = RunStartedV1 | RunFinishedV1 | RunFailedV1;

export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'retrying', 'dead_lettered'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const DEAD_LETTER_STATUSES = ['pending', 'reprocessing', 'reprocessed', 'resolved', 'failed_again', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];
