import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { OTLP_ATTRIBUTES } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { recordRun } from './otel-runs.js';
import type { AttemptPlan } from './run-plan.js';

function tracing() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return { tracer: provider.getTracer('test'), spans: () => exporter.getFinishedSpans() };
}

const millis = (time: ReadableSpan['startTime']) => time[0] * 1000 + time[1] / 1e6;
const END = Date.parse('2026-12-07T08:00:00Z');

describe(recordRun.name, () => {
  it('reports a run that was throttled, timed out and then succeeded as two root spans, with the portal calls as their children', () => {
    const { tracer, spans } = tracing();
    const plan: AttemptPlan[] = [
      { durationMs: 30_000, result: 'retrying', error: { name: 'TimeoutError', message: 'vat-oss-portal did not answer within 30 s' }, rateLimitedCalls: 1, manualTouch: false },
      { durationMs: 5_000, result: 'succeeded', rateLimitedCalls: 0, manualTouch: false },
    ];
    const traces = recordRun(tracer, { runId: 'oss-1', dependency: 'vat-oss-portal', plan, endMs: END });

    const roots = spans().filter((s) => s.parentSpanContext === undefined);
    expect(roots.map((s) => s.spanContext().traceId)).toEqual(traces);
    expect(new Set(traces).size).toBe(2);
    const [first, second] = roots as [ReadableSpan, ReadableSpan];
    expect(first.attributes).toEqual({ [OTLP_ATTRIBUTES.runId]: 'oss-1', [OTLP_ATTRIBUTES.attempt]: 1, [OTLP_ATTRIBUTES.outcome]: 'retrying' });
    expect(first.status).toEqual({ code: SpanStatusCode.ERROR, message: 'vat-oss-portal did not answer within 30 s' });
    expect(first.events.map((e) => [e.name, e.attributes?.['exception.type']])).toEqual([['exception', 'TimeoutError']]);
    expect(second.attributes).toEqual({ [OTLP_ATTRIBUTES.runId]: 'oss-1', [OTLP_ATTRIBUTES.attempt]: 2 });
    expect(second.status.code).toBe(SpanStatusCode.UNSET);
    // The attempts happened in order, the last ending now.
    expect(millis(second.endTime)).toBe(END);
    expect(millis(first.endTime)).toBeLessThan(millis(second.startTime));

    const children = spans().filter((s) => s.parentSpanContext !== undefined);
    expect(children.map((s) => [s.name, s.spanContext().traceId, s.status.code])).toEqual([
      ['POST vat-oss-portal', traces[0], SpanStatusCode.ERROR],
      ['POST vat-oss-portal', traces[0], SpanStatusCode.UNSET],
      ['POST vat-oss-portal', traces[1], SpanStatusCode.UNSET],
    ]);
  });

  it('leaves the outcome to the default (failed) when the portal refuses the return for good, and flags the manual touch', () => {
    const { tracer, spans } = tracing();
    recordRun(tracer, {
      runId: 'oss-2',
      dependency: 'vat-oss-portal',
      plan: [{ durationMs: 2_000, result: 'failed', error: { name: 'ValidationError', message: 'a required field is missing' }, rateLimitedCalls: 0, manualTouch: true }],
      endMs: END,
    });
    const root = spans().find((s) => s.parentSpanContext === undefined);
    expect(root?.attributes).toEqual({ [OTLP_ATTRIBUTES.runId]: 'oss-2', [OTLP_ATTRIBUTES.attempt]: 1, [OTLP_ATTRIBUTES.manualTouch]: true });
    expect(root?.status.code).toBe(SpanStatusCode.ERROR);
  });
});
