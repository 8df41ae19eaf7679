import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { diag, DiagLogLevel, SpanStatusCode, trace, ROOT_CONTEXT, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { createToken } from '../../test/telemetry.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { OtlpService } from './otlp.service.js';

type ExportResult = { code: number; error?: Error };
/** ExportResultCode.SUCCESS in @opentelemetry/core. */
const SUCCESS = 0;

// google.rpc.Status, as an OTLP client reads an error body.
const rpcStatus = new protobuf.Type('Status').add(new protobuf.Field('code', 1, 'int32')).add(new protobuf.Field('message', 2, 'string'));
new protobuf.Root().define('google.rpc').add(rpcStatus);

interface RunRow {
  run_id: string;
  attempt: number;
  correlation_id: string;
  status: string;
  started: string;
  duration_ms: number;
  error_class: string | null;
  error_message: string | null;
}

/** The partial successes the real exporter received and logged (it logs them through diag.warn). */
const partialSuccesses: string[] = [];

/** Spans made with the real SDK: a tracer whose finished spans are kept, for an exporter to send. */
function sdk(resource: Record<string, string>): { tracer: Tracer; finished: () => ReadableSpan[] } {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [new SimpleSpanProcessor(memory)] });
  return { tracer: provider.getTracer('roundhouse-otlp-test'), finished: () => memory.getFinishedSpans() };
}

const child = (tracer: Tracer, name: string, parent: Span, startTime?: [number, number]) => tracer.startSpan(name, { startTime }, trace.setSpan(ROOT_CONTEXT, parent));

function send(exporter: SpanExporter, spans: ReadableSpan[]): Promise<ExportResult> {
  return new Promise((resolve) => {
    exporter.export(spans, resolve);
  });
}

/** The span's start as PostgreSQL keeps it (to the microsecond), from the SDK's own [seconds, nanoseconds]. */
const startOf = (span: ReadableSpan) => `${new Date(span.startTime[0] * 1000).toISOString().slice(0, 19)}.${String(Math.floor(span.startTime[1] / 1000)).padStart(6, '0')}Z`;

describe(OtlpService.name, () => {
  const t = useTestApi();
  let owner: string;
  let financeToken: string;
  /** The real exporters, sending with a runtime token (the finance-ops one, unless another or none is given). */
  let proto: (token?: string | null) => OtlpProtoExporter;
  let json: (token?: string | null) => OtlpHttpJsonExporter;

  const runs = (slug: string, traceId: string) =>
    t.db.query<RunRow>(
      `SELECT run_id, attempt, correlation_id, status, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS started, duration_ms, error_class, error_message
         FROM run WHERE automation_slug = $1 AND correlation_id = $2 ORDER BY attempt`,
      [slug, traceId],
    );
  const counted = async (slug: string) =>
    (
      await t.db.query<{ n: number }>(`SELECT coalesce(sum(succeeded + failed + retried + dead_lettered), 0)::int AS n FROM run_rollup_minute WHERE automation_slug = $1`, [slug])
    )[0]?.n;
  const stored = async () =>
    (
      await t.db.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM run) + (SELECT count(*) FROM run_step) + (SELECT count(*) FROM quarantined_event) + (SELECT count(*) FROM ingest_event) AS n`,
      )
    )[0]?.n;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
    financeToken = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
    const url = `${t.api.url}/v1/traces`;
    const headers = (token: string | null): Record<string, string> => (token === null ? {} : { authorization: `Bearer ${token}` });
    proto = (token = financeToken) => new OtlpProtoExporter({ url, headers: headers(token), compression: 'gzip' as never, timeoutMillis: 10_000 });
    json = (token = financeToken) => new OtlpHttpJsonExporter({ url, headers: headers(token), timeoutMillis: 10_000 });
    diag.setLogger(
      {
        verbose: () => undefined,
        debug: () => undefined,
        info: () => undefined,
        error: () => undefined,
        warn: (message: string, ...args: unknown[]) => {
          if (message.startsWith('Received Partial Success')) {
            partialSuccesses.push(String(args[0]));
          }
        },
      },
      DiagLogLevel.WARN,
    );
  });

  afterAll(() => {
    diag.disable();
  });

  it('makes a run of a root span sent by the OpenTelemetry SDK (protobuf, gzip): its start, end and status, the trace id as correlation id, its children as steps of the trail', async () => {
    const { tracer, finished } = sdk({ 'service.name': 'invoice-worker', 'roundhouse.automation': 'invoice-generation' });
    const now = Math.floor(Date.now() / 1000);
    const root = tracer.startSpan('generate invoice', { startTime: [now - 60, 123_456_789] });
    const fetchOrder = child(tracer, 'fetch order', root, [now - 60, 200_000_000]);
    fetchOrder.end([now - 59, 0]);
    const render = child(tracer, 'render pdf', root, [now - 59, 100_000_000]);
    render.setStatus({ code: SpanStatusCode.ERROR, message: 'template missing, retried inline' });
    render.end([now - 58, 500_000_000]);
    root.setStatus({ code: SpanStatusCode.OK });
    root.end([now - 58, 987_654_321]);

    const result = await send(proto(), finished());
    expect(result.code, String(result.error)).toBe(SUCCESS);

    const { traceId, spanId } = root.spanContext();
    expect(await runs('invoice-generation', traceId)).toEqual([
      // 64-bit nanoseconds kept to PostgreSQL's microsecond: .123456, and 2.864197532 s as 2864 ms.
      {
        run_id: spanId,
        attempt: 1,
        correlation_id: traceId,
        status: 'succeeded',
        started: `${new Date((now - 60) * 1000).toISOString().slice(0, 19)}.123456Z`,
        duration_ms: 2864,
        error_class: null,
        error_message: null,
      },
    ]);

    const viewer = await t.api.signIn('vera');
    const trail = await t.api.graphql<{
      trail: { runId: string; status: string; automation: { slug: string } }[];
      trailSteps: { stepId: string; parentStepId: string; runId: string; name: string; outcome: string; errorMessage: string | null }[];
    }>(
      `query ($id: String!) { trail(correlationId: $id) { runId status automation { slug } } trailSteps(correlationId: $id) { stepId parentStepId runId name outcome errorMessage } }`,
      { id: traceId },
      viewer,
    );
    expect(trail.data?.trail).toEqual([{ runId: spanId, status: 'succeeded', automation: { slug: 'invoice-generation' } }]);
    expect(trail.data?.trailSteps).toEqual([
      { stepId: fetchOrder.spanContext().spanId, parentStepId: spanId, runId: spanId, name: 'fetch order', outcome: 'succeeded', errorMessage: null },
      { stepId: render.spanContext().spanId, parentStepId: spanId, runId: spanId, name: 'render pdf', outcome: 'failed', errorMessage: 'template missing, retried inline' },
    ]);
  });

  it('takes OTLP/JSON from the SDK: a failed root span is a failed attempt with the exception it recorded; attempts and outcome from roundhouse.run.* attributes', async () => {
    const { tracer, finished } = sdk({ 'service.name': 'payout-worker' });
    const first = tracer.startSpan('reconcile payouts', {
      attributes: { 'roundhouse.automation': 'payout-reconciliation', 'roundhouse.run.id': 'batch-2026-12-07', 'roundhouse.run.outcome': 'retrying' },
    });
    first.recordException({ name: 'RateLimitError', message: 'Adyen answered 429' });
    first.setStatus({ code: SpanStatusCode.ERROR });
    first.end();
    const second = tracer.startSpan('reconcile payouts', {
      attributes: { 'roundhouse.automation': 'payout-reconciliation', 'roundhouse.run.id': 'batch-2026-12-07', 'roundhouse.run.attempt': 2 },
    });
    second.end();

    const before = await counted('payout-reconciliation');
    const result = await send(json(), finished());
    expect(result.code, String(result.error)).toBe(SUCCESS);
    const [a, b] = [await runs('payout-reconciliation', first.spanContext().traceId), await runs('payout-reconciliation', second.spanContext().traceId)];
    expect(a).toMatchObject([
      {
        run_id: 'batch-2026-12-07',
        attempt: 1,
        status: 'retrying',
        error_class: 'RateLimitError',
        error_message: 'Adyen answered 429',
        started: startOf(finished()[0] as ReadableSpan),
      },
    ]);
    expect(b).toMatchObject([{ run_id: 'batch-2026-12-07', attempt: 2, status: 'succeeded' }]);
    expect(await counted('payout-reconciliation')).toBe((before ?? 0) + 2);
  });

  it("reads a resource's service.name that an automation's binding names, and a re-sent export changes nothing", async () => {
    await t.db.query(`UPDATE automation SET runtime = runtime || '{"serviceName": "dunning-mailer"}'::jsonb WHERE slug = 'dunning-reminders'`);
    const { tracer, finished } = sdk({ 'service.name': 'dunning-mailer' });
    const root = tracer.startSpan('send reminders');
    child(tracer, 'render email', root).end();
    root.end();
    const before = await counted('dunning-reminders');
    expect((await send(proto(), finished())).code).toBe(SUCCESS);
    expect((await send(json(), finished())).code).toBe(SUCCESS);
    const { traceId, spanId } = root.spanContext();
    expect(await runs('dunning-reminders', traceId)).toMatchObject([{ run_id: spanId, status: 'succeeded' }]);
    expect(await counted('dunning-reminders')).toBe((before ?? 0) + 1);
    expect(await t.db.query(`SELECT name FROM run_step WHERE correlation_id = $1`, [traceId])).toEqual([{ name: 'render email' }]);
  });

  it('skips spans that speak for no automation, saying so as a warning without refusing them', async () => {
    const { tracer, finished } = sdk({ 'service.name': 'unrelated-web-app' });
    tracer.startSpan('GET /health').end();
    partialSuccesses.length = 0;
    const before = await stored();
    expect((await send(proto(), finished())).code).toBe(SUCCESS);
    expect(partialSuccesses).toHaveLength(1);
    expect(JSON.parse(partialSuccesses[0] ?? '{}')).toMatchObject({ errorMessage: expect.stringContaining('1 spans name no automation and were skipped') as unknown });
    expect(await stored()).toBe(before);
  });

  it('refuses spans for automations the token does not cover: 403 when all are, a partial success naming them when some are, nothing of theirs stored', async () => {
    const { tracer, finished } = sdk({ 'service.name': 'mixed' });
    const ours = tracer.startSpan('ours', { attributes: { 'roundhouse.automation': 'invoice-generation' } });
    ours.end();
    const theirs = tracer.startSpan('theirs', { attributes: { 'roundhouse.automation': 'order-fulfillment' } });
    theirs.end();
    partialSuccesses.length = 0;
    expect((await send(proto(), finished())).code).toBe(SUCCESS);
    expect(partialSuccesses.map((p) => JSON.parse(p) as unknown)).toEqual([
      {
        rejectedSpans: 1,
        errorMessage: expect.stringMatching(
          new RegExp(`span ${theirs.spanContext().spanId} "theirs": the token "test runtime [^"]+" does not cover the automation "order-fulfillment"`),
        ) as unknown,
      },
    ]);
    expect(await runs('invoice-generation', ours.spanContext().traceId)).toHaveLength(1);
    expect(await runs('order-fulfillment', theirs.spanContext().traceId)).toEqual([]);

    const onlyTheirs = sdk({ 'service.name': 'theirs' });
    onlyTheirs.tracer.startSpan('theirs', { attributes: { 'roundhouse.automation': 'order-fulfillment' } }).end();
    const before = await stored();
    const refused = await send(proto(), onlyTheirs.finished());
    expect(refused.code).not.toBe(SUCCESS);
    expect((refused.error as Error & { code?: number }).code).toBe(403);
    expect(await stored()).toBe(before);
  });

  it('quarantines spans outside the timestamp window with their reason, answered as rejected spans', async () => {
    const { tracer, finished } = sdk({ 'service.name': 'clock-skewed', 'roundhouse.automation': 'invoice-generation' });
    const future = Math.floor(Date.now() / 1000) + 10 * 365 * 86_400;
    tracer.startSpan('from the future', { startTime: [future, 0] }).end([future + 1, 0]);
    partialSuccesses.length = 0;
    expect((await send(json(), finished())).code).toBe(SUCCESS);
    const [said] = partialSuccesses.map((p) => JSON.parse(p) as { rejectedSpans: string; errorMessage: string });
    expect(said?.rejectedSpans).toBe('1');
    expect(said?.errorMessage).toMatch(/occurredAt: found "\d{4}-.*"; allowed: a time from .* ROUNDHOUSE_INGEST_MAX_CLOCK_SKEW_SECONDS/);
    const [held] = await t.db.query<{ reason: string; automation: string }>(`SELECT reason, automation FROM quarantined_event ORDER BY id DESC LIMIT 1`);
    expect(held).toMatchObject({ automation: 'invoice-generation', reason: expect.stringContaining('occurredAt: found') as unknown });
    expect(await t.db.query(`SELECT 1 FROM run WHERE started_at > now() + interval '1 year'`)).toEqual([]);
  });

  describe('answers as OTLP/HTTP specifies, storing nothing from a refused request', () => {
    const body = () => {
      const { tracer, finished } = sdk({ 'roundhouse.automation': 'invoice-generation' });
      tracer.startSpan('run').end();
      return finished();
    };
    /** The request the real exporter would send, captured as it leaves. */
    const protobufBody = async (): Promise<Buffer> => {
      const server = await import('node:http');
      return new Promise((resolve, reject) => {
        const listener = server.createServer((request, response) => {
          const chunks: Buffer[] = [];
          request.on('data', (c: Buffer) => chunks.push(c));
          request.on('end', () => {
            response.end();
            listener.close();
            resolve(Buffer.concat(chunks));
          });
        });
        listener.listen(0, '127.0.0.1', () => {
          const address = listener.address();
          const port = typeof address === 'object' && address !== null ? address.port : 0;
          new OtlpProtoExporter({ url: `http://127.0.0.1:${port}/v1/traces` }).export(body(), (r) => {
            if (r.error !== undefined) {
              reject(r.error);
            }
          });
        });
      });
    };
    const post = (headers: Record<string, string>, payload: Buffer | string) => fetch(`${t.api.url}/v1/traces`, { method: 'POST', headers, body: payload });
    const statusOf = async (response: Response) => rpcStatus.toObject(rpcStatus.decode(new Uint8Array(await response.arrayBuffer()))) as { code: number; message: string };

    it('401 with a Status, protobuf or JSON as the request was, without a token; the real exporter gives up', async () => {
      const before = await stored();
      const bytes = await protobufBody();
      const response = await post({ 'content-type': 'application/x-protobuf' }, bytes);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/x-protobuf');
      expect(await statusOf(response)).toEqual({ code: 16, message: expect.stringMatching(/token/i) as unknown });
      const asJson = await post({ 'content-type': 'application/json', authorization: 'Bearer rh_rt_not-a-real-token' }, '{"resourceSpans":[]}');
      expect(asJson.status).toBe(401);
      expect(await asJson.json()).toEqual({ code: 16, message: expect.any(String) as unknown });
      expect((await send(proto(null), body())).code).not.toBe(SUCCESS);
      expect(await stored()).toBe(before);
    });

    it('400 for a body that is not protobuf or not OTLP/JSON, 415 for another Content-Type or coding, 413 over the size limit', async () => {
      const before = await stored();
      const auth = { authorization: `Bearer ${financeToken}` };
      const bytes = await protobufBody();
      const cut = await post({ ...auth, 'content-type': 'application/x-protobuf' }, bytes.subarray(0, bytes.length - 7));
      expect(cut.status).toBe(400);
      expect((await statusOf(cut)).message).toContain('not an OTLP ExportTraceServiceRequest in protobuf');
      const notOtlp = await post({ ...auth, 'content-type': 'application/json' }, '{"resourceSpans": {"not": "a list"}}');
      expect(notOtlp.status).toBe(400);
      expect(await notOtlp.json()).toEqual({ code: 3, message: expect.stringContaining('resourceSpans') as unknown });
      expect((await post({ ...auth, 'content-type': 'text/plain' }, bytes)).status).toBe(415);
      expect((await post({ ...auth, 'content-type': 'application/x-protobuf', 'content-encoding': 'br' }, bytes)).status).toBe(415);
      const huge = await post({ ...auth, 'content-type': 'application/x-protobuf' }, Buffer.alloc(2 * 1024 * 1024));
      expect(huge.status).toBe(413);
      expect((await statusOf(huge)).message).toContain('larger than 1 MiB');
      expect(await stored()).toBe(before);
      // gzip, as the exporter sends it: taken.
      const gzipped = await post({ ...auth, 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' }, gzipSync(bytes));
      expect(gzipped.status).toBe(200);
      expect(new Uint8Array(await gzipped.arrayBuffer())).toEqual(new Uint8Array([]));
    });
  });
});
