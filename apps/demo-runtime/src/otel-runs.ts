import { context as otelContext, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLP_ATTRIBUTES, OTLP_TRACES_PATH } from '@roundhouse/contracts';
import { profileOf } from './profiles.js';
import { chance, type Random } from './random.js';
import { planRun, type AttemptPlan } from './run-plan.js';

/**
 * The demo automation that reports through OpenTelemetry instead of the Roundhouse SDK: the OSS VAT
 * filing worker is instrumented with OpenTelemetry, and its catalog binding names its service.name
 * (catalog/automations/regulatory-export.yaml), so its root spans become the automation's runs.
 */
export const OTEL_AUTOMATION = 'regulatory-export';
export const OTEL_SERVICE_NAME = 'oss-filing-worker';

/** Time between the end of a failed attempt and the retry's start. */
const RETRY_DELAY_MS = 20_000;
/** How long a rate-limited call to the portal takes before it answers 429. */
const THROTTLED_CALL_MS = 400;

/**
 * One run of the filing, attempt by attempt, as OpenTelemetry spans ending at `endMs`: each attempt
 * a root span (its own trace, whose id Roundhouse takes as the correlation id) with the run's id
 * and attempt number, a child span per call to the portal (rate-limited calls with their 429), the
 * attempt's error recorded as an exception and its outcome (`retrying`, `dead_lettered`) said as
 * OTLP has no word for it. Returns the root spans' trace ids, first attempt first.
 */
export function recordRun(tracer: Tracer, run: { runId: string; dependency: string; plan: readonly AttemptPlan[]; endMs: number }): string[] {
  const total = run.plan.reduce((sum, attempt) => sum + attempt.durationMs, 0) + RETRY_DELAY_MS * (run.plan.length - 1);
  let startMs = run.endMs - total;
  return run.plan.map((attempt, index) => {
    const root = tracer.startSpan('file OSS VAT return', { startTime: startMs, attributes: { [OTLP_ATTRIBUTES.runId]: run.runId, [OTLP_ATTRIBUTES.attempt]: index + 1 } });
    const context = trace.setSpan(otelContext.active(), root);
    let callStart = startMs;
    for (let call = 0; call < attempt.rateLimitedCalls; call += 1) {
      const throttled = tracer.startSpan(`POST ${run.dependency}`, { startTime: callStart }, context);
      throttled.setAttribute('http.response.status_code', 429);
      throttled.setStatus({ code: SpanStatusCode.ERROR, message: '429 Too Many Requests' });
      throttled.end(callStart + THROTTLED_CALL_MS);
      callStart += THROTTLED_CALL_MS;
    }
    const endMs = startMs + attempt.durationMs;
    tracer.startSpan(`POST ${run.dependency}`, { startTime: callStart }, context).end(endMs);
    if (attempt.error !== undefined) {
      root.recordException({ name: attempt.error.name, message: attempt.error.message }, endMs);
      root.setStatus({ code: SpanStatusCode.ERROR, message: attempt.error.message });
      if (attempt.result !== 'failed') {
        root.setAttribute(OTLP_ATTRIBUTES.outcome, attempt.result);
      }
    }
    if (attempt.manualTouch) {
      root.setAttribute(OTLP_ATTRIBUTES.manualTouch, true);
    }
    root.end(endMs);
    startMs = endMs + RETRY_DELAY_MS;
    return root.spanContext().traceId;
  });
}

/**
 * Runs the filing worker live at its profile's rate, exporting its spans over OTLP/HTTP (JSON) to
 * Roundhouse's /v1/traces with the team's runtime token as the bearer, exactly as any program
 * instrumented with OpenTelemetry would. Returns a stop that flushes what is batched.
 */
export function startOtelRuns(options: { url: string; token: string; random: Random; say: (line: string) => void }): () => Promise<void> {
  const { random, say } = options;
  const exporter = new OTLPTraceExporter({ url: `${options.url.replace(/\/$/, '')}${OTLP_TRACES_PATH}`, headers: { authorization: `Bearer ${options.token}` } });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 2_000 })],
  });
  const tracer = provider.getTracer('oss-filing-worker');
  const profile = profileOf(OTEL_AUTOMATION);
  let runs = 0;
  const timer = setInterval(() => {
    if (chance(random, profile.runsPerMinute / 60)) {
      runs += 1;
      recordRun(tracer, { runId: `oss-${Date.now().toString(36)}-${runs}`, dependency: profile.dependency, plan: planRun(profile, random), endMs: Date.now() });
    }
  }, 1_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await provider.shutdown().catch((error: unknown) => say(`OpenTelemetry export stopped: ${error instanceof Error ? error.message : String(error)}`));
  };
}
