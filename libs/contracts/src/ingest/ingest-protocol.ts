/**
 * The ingest HTTP protocol, version 1, shared by the api and the SDK.
 *
 *   POST /ingest/v1/events
 *   Authorization: Bearer <runtime token>            (rh_rt_…; scoped to automations and capabilities)
 *   Content-Type: application/json                    (an array of events)
 *              or application/x-ndjson                (one event per line)
 *   Content-Encoding: gzip or deflate                 (optional; one coding; any other is 415)
 *
 * Answers 200 with one result per event, in order; 400 when the body is not JSON/NDJSON at all;
 * 401 for a missing, unknown, expired or revoked token; 413 when a limit below is passed (the
 * message names it); 415 for a Content-Encoding other than gzip or deflate; 429 or 503 with
 * Retry-After when the api wants the client to slow down.
 */
export const INGEST_PATH = '/ingest/v1/events';

/**
 * Version 2 of the same protocol: the same headers, limits and answers, for the version 2 events
 * (`ingestEventV2`: every version 1 event, plus `run`, an attempt's start and end in one). The SDK
 * sends here; version 1 stays as it is, and a `run` sent to it is quarantined as an unknown type.
 */
export const INGEST_V2_PATH = '/ingest/v2/events';

/**
 * The second way in: OpenTelemetry's OTLP/HTTP trace export, as the OTLP specification writes it.
 *
 *   POST /v1/traces
 *   Authorization: Bearer <runtime token>
 *   Content-Type: application/x-protobuf or application/json   (ExportTraceServiceRequest)
 *
 * Spans become ingest events (runs and steps) and go through the same limits, idempotency,
 * coverage, quarantine and timestamp window as `INGEST_PATH`. Answers an ExportTraceServiceResponse
 * (partial_success counts and names what was refused) in the request's own encoding, and errors
 * as a google.rpc.Status in that encoding.
 */
export const OTLP_TRACES_PATH = '/v1/traces';

/** Span attributes (and resource attributes, for `automation`) that Roundhouse reads from OTLP spans. */
export const OTLP_ATTRIBUTES = {
  automation: 'roundhouse.automation',
  runId: 'roundhouse.run.id',
  attempt: 'roundhouse.run.attempt',
  outcome: 'roundhouse.run.outcome',
  manualTouch: 'roundhouse.run.manual_touch',
  reprocessId: 'roundhouse.reprocess.id',
} as const;

/** Most events in one request. */
export const INGEST_MAX_EVENTS = 1000;
/** Most bytes of one request body as sent (gzip or not). */
export const INGEST_MAX_BODY_BYTES = 1024 * 1024;
/** Most bytes of one request body once un-gzipped or inflated. */
export const INGEST_MAX_INFLATED_BYTES = 8 * 1024 * 1024;

/**
 * What became of one event:
 *   accepted     stored (202)
 *   duplicate    an event with this id was stored before; nothing changed (200)
 *   quarantined  invalid, or for an automation Roundhouse does not know: kept with the reason for
 *                the owner to see, never applied (422)
 *   forbidden    the token does not cover this automation or event type; not stored (403)
 */
export type IngestOutcome = 'accepted' | 'duplicate' | 'quarantined' | 'forbidden';

export const INGEST_OUTCOME_STATUS: Record<IngestOutcome, number> = { accepted: 202, duplicate: 200, quarantined: 422, forbidden: 403 };

export interface IngestEventResult {
  index: number;
  /** The event's id when it had a readable one. */
  id: string | null;
  outcome: IngestOutcome;
  status: number;
  /** For quarantined and forbidden events: why, in words. */
  reason?: string;
}

export interface IngestResponse {
  accepted: number;
  duplicates: number;
  quarantined: number;
  forbidden: number;
  results: IngestEventResult[];
}

/**
 * Runtime token capabilities. `catalog_read` is for a reader of the whole catalog, not a runtime:
 * Backstage fetching `GET /catalog/backstage/entities.yaml`.
 */
export const TOKEN_CAPABILITIES = ['ingest', 'dead_letters', 'commands', 'catalog_read'] as const;
export type TokenCapability = (typeof TOKEN_CAPABILITIES)[number];
