import { OTLP_ATTRIBUTES } from '@roundhouse/contracts';
import { UnreadableReport } from '../ingest/index.js';
import type { AttributeValue, Attributes, OtlpSpan } from './otlp-request.js';

const NANOS_PER_MS = 1_000_000n;
const NANOS_PER_SECOND = 1_000_000_000n;
const STATUS_ERROR = 2;
/** Span flags: bit 8 says bit 9 is known; bit 9 says the parent span is in another process. */
const PARENT_REMOTE_KNOWN = 0x100;
const PARENT_REMOTE = 0x200;
const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

/** What became of a span: an event for the ingest pipeline, a report to quarantine, or nothing of ours. */
export type SpanReport = { span: OtlpSpan; report: Record<string, unknown> | UnreadableReport } | { span: OtlpSpan; report: undefined };

/**
 * A nanosecond time as an ISO timestamp to the microsecond (PostgreSQL's precision), computed on
 * BigInt so nothing is rounded through a double: `1796614495253123456` → `…T…:55.253123Z`.
 */
export function isoFromNanos(nanos: bigint): string {
  const seconds = nanos / NANOS_PER_SECOND;
  const micros = (nanos % NANOS_PER_SECOND) / 1000n;
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${micros.toString().padStart(6, '0')}Z`;
}

/** Milliseconds between two nanosecond times, truncated; negative when the end is before the start (quarantined). */
function durationMs(startNanos: bigint, endNanos: bigint): number {
  return Number((endNanos - startNanos) / NANOS_PER_MS);
}

const stringOf = (value: AttributeValue | undefined) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Which automation a span speaks for, if any: its own attribute, its resource's, or a binding's service.name. */
function declaredAutomation(span: OtlpSpan, bound: ReadonlyMap<string, string>): string | undefined {
  const serviceName = stringOf(span.resource['service.name']);
  return (
    stringOf(span.attributes[OTLP_ATTRIBUTES.automation]) ?? stringOf(span.resource[OTLP_ATTRIBUTES.automation]) ?? (serviceName === undefined ? undefined : bound.get(serviceName))
  );
}

/** No parent, or a parent in another process: the first span of this program's work. */
function isLocalRoot(span: OtlpSpan): boolean {
  return span.parentSpanId === '' || /^0+$/.test(span.parentSpanId) || ((span.flags & PARENT_REMOTE_KNOWN) !== 0 && (span.flags & PARENT_REMOTE) !== 0);
}

/** The first exception event's type and message (OpenTelemetry's `recordException`). */
function exceptionOf(span: OtlpSpan): { type?: string; message?: string } {
  const event = span.events.find((e) => e.name === 'exception');
  return { type: stringOf(event?.attributes['exception.type']), message: stringOf(event?.attributes['exception.message']) };
}

const defined = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/** The ingest event id of a span: the same span sent again is the same event, stored once. */
export const spanEventId = (span: Pick<OtlpSpan, 'traceId' | 'spanId'>) => `otlp:${span.traceId}:${span.spanId}`;

function runEvent(span: OtlpSpan, automation: string, attributes: Attributes): Record<string, unknown> {
  const base = defined({
    id: spanEventId(span),
    automation,
    occurredAt: isoFromNanos(span.endNanos),
    runId: attributes[OTLP_ATTRIBUTES.runId] ?? span.spanId,
    attempt: attributes[OTLP_ATTRIBUTES.attempt] ?? 1,
    correlationId: span.traceId,
    startedAt: isoFromNanos(span.startNanos),
    reprocessId: attributes[OTLP_ATTRIBUTES.reprocessId],
    durationMs: durationMs(span.startNanos, span.endNanos),
    manualTouch: attributes[OTLP_ATTRIBUTES.manualTouch] ?? false,
  });
  if (span.statusCode !== STATUS_ERROR) {
    return { ...base, type: 'run_finished' };
  }
  const exception = exceptionOf(span);
  return {
    ...base,
    type: 'run_failed',
    errorClass: stringOf(attributes['error.type']) ?? exception.type ?? 'Error',
    errorMessage: (span.statusMessage || exception.message || '').slice(0, 4000),
    outcome: attributes[OTLP_ATTRIBUTES.outcome] ?? 'failed',
  };
}

function stepEvent(span: OtlpSpan, automation: string, runId: string | undefined): Record<string, unknown> {
  const failed = span.statusCode === STATUS_ERROR;
  return defined({
    id: spanEventId(span),
    type: 'step',
    automation,
    occurredAt: isoFromNanos(span.endNanos),
    correlationId: span.traceId,
    stepId: span.spanId,
    parentStepId: span.parentSpanId === '' ? undefined : span.parentSpanId,
    runId,
    name: span.name.slice(0, 200) || '(unnamed span)',
    startedAt: isoFromNanos(span.startNanos),
    durationMs: durationMs(span.startNanos, span.endNanos),
    outcome: failed ? 'failed' : 'succeeded',
    errorMessage: failed ? (span.statusMessage || exceptionOf(span).message || '').slice(0, 4000) : undefined,
  });
}

/** The span as it was received, in OTLP/JSON's words, for the quarantine. */
function asReceived(span: OtlpSpan): Record<string, unknown> {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    startTimeUnixNano: span.startNanos.toString(),
    endTimeUnixNano: span.endNanos.toString(),
    status: { code: span.statusCode, message: span.statusMessage },
    attributes: span.attributes,
    resource: span.resource,
  };
}

function idProblems(span: OtlpSpan): string[] {
  const problems = [...span.problems];
  if (!TRACE_ID.test(span.traceId) || /^0+$/.test(span.traceId)) {
    problems.push(`traceId: found "${span.traceId.slice(0, 64)}"; allowed: 16 bytes (32 hex digits), not all zero`);
  }
  if (!SPAN_ID.test(span.spanId) || /^0+$/.test(span.spanId)) {
    problems.push(`spanId: found "${span.spanId.slice(0, 64)}"; allowed: 8 bytes (16 hex digits), not all zero`);
  }
  if (span.parentSpanId !== '' && !SPAN_ID.test(span.parentSpanId)) {
    problems.push(`parentSpanId: found "${span.parentSpanId.slice(0, 64)}"; allowed: empty or 8 bytes (16 hex digits)`);
  }
  return problems;
}

interface Placed {
  automation: string;
  /** The run this span is, or the nearest run above it in this request. */
  runId: string | undefined;
  isRun: boolean;
}

/**
 * Turns spans into ingest reports, in order. A span speaks for an automation through its own
 * `roundhouse.automation` attribute (that span is a run), its resource's attribute or a binding's
 * `service.name` (its local root spans are runs), or by descending from a run sent in the same
 * request. Runs become `run_finished`/`run_failed` events (the root span's start, end and status:
 * the attempt and its outcome; the trace id: the correlation id); the other spans of an
 * automation become `step` events for the trail. Spans that speak for no automation are skipped.
 */
export function spanReports(spans: readonly OtlpSpan[], bound: ReadonlyMap<string, string>): SpanReport[] {
  const byId = new Map(spans.map((span) => [`${span.traceId}:${span.spanId}`, span]));
  const placed = new Map<OtlpSpan, Placed | null>();

  const place = (span: OtlpSpan, depth: number): Placed | null => {
    const known = placed.get(span);
    if (known !== undefined) {
      return known;
    }
    placed.set(span, null); // a cycle of parents ends here
    const explicit = stringOf(span.attributes[OTLP_ATTRIBUTES.automation]);
    const declared = declaredAutomation(span, bound);
    const parent = span.parentSpanId === '' ? undefined : byId.get(`${span.traceId}:${span.parentSpanId}`);
    const above = parent === undefined || depth > 256 ? null : place(parent, depth + 1);
    const runIdOf = () => stringOf(span.attributes[OTLP_ATTRIBUTES.runId]) ?? span.spanId;
    let result: Placed | null = null;
    if (explicit !== undefined || (declared !== undefined && isLocalRoot(span))) {
      result = { automation: declared ?? '', runId: runIdOf(), isRun: true };
    } else if (declared !== undefined) {
      result = { automation: declared, runId: above?.automation === declared ? above.runId : undefined, isRun: false };
    } else if (above !== null) {
      result = { automation: above.automation, runId: above.runId, isRun: false };
    }
    placed.set(span, result);
    return result;
  };

  return spans.map((span) => {
    const where = place(span, 0);
    if (where === null) {
      return { span, report: undefined };
    }
    const problems = idProblems(span);
    if (problems.length > 0) {
      return { span, report: new UnreadableReport(problems.join('; '), asReceived(span), where.automation, null) };
    }
    return { span, report: where.isRun ? runEvent(span, where.automation, span.attributes) : stepEvent(span, where.automation, where.runId) };
  });
}
