import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { ROOT_CONTEXT, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { OTLP_TRACES_PATH } from '@roundhouse/contracts';
import protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../src/catalog/catalog.service.js';
import { useTestApi } from '../harness.js';
import { createToken } from '../telemetry.js';
import { expectAlive, oddJson, oddText, rowCounts, RUNS, UNLIMITED, withProtoKey } from './fuzz.js';

// google.rpc.Status, the body of every OTLP/HTTP error.
const rpcStatus = new protobuf.Type('Status').add(new protobuf.Field('code', 1, 'int32')).add(new protobuf.Field('message', 2, 'string'));
new protobuf.Root().define('google.rpc').add(rpcStatus);

/** A few real spans from the SDK: a run with a failing child, for the automation, as a runtime would send them. */
function realSpans(): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'fuzz', 'roundhouse.automation': 'payout-reconciliation' }),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer('fuzz');
  const root = tracer.startSpan('reconcile', { attributes: { 'roundhouse.run.attempt': 2, nested: ['a', 'b'] } });
  const step = tracer.startSpan('call psp', {}, trace.setSpan(ROOT_CONTEXT, root));
  step.recordException(new Error('PSP timed out'));
  step.setStatus({ code: SpanStatusCode.ERROR, message: 'timeout' });
  step.end();
  root.end();
  return memory.getFinishedSpans();
}

const validProtobuf = (): Buffer => Buffer.from(ProtobufTraceSerializer.serializeRequest(realSpans()) ?? new Uint8Array());
const validJson = (): unknown => JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(realSpans()) ?? new Uint8Array()).toString('utf8'));

/** Bytes changed here and there, cut short or grown: what a broken proxy or a bad encoder sends. */
const mutatedProtobuf = fc
  .record({
    edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    cut: fc.option(fc.nat(), { nil: undefined }),
    tail: fc.uint8Array({ maxLength: 32 }),
  })
  .map(({ edits, cut, tail }) => {
    const bytes = validProtobuf();
    for (const [at, byte] of edits) {
      bytes[at % bytes.length] = byte;
    }
    return Buffer.concat([cut === undefined ? bytes : bytes.subarray(0, cut % (bytes.length + 1)), tail]);
  });

/** An OTLP/JSON request with one value somewhere (a field of a span, of the resource, of an attribute) replaced by anything. */
const mutatedJson = fc.record({ where: fc.nat(), value: oddJson }).map(({ where, value }) => {
  const request = validJson();
  const slots: [Record<string, unknown>, string][] = [];
  const walk = (node: unknown) => {
    if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, key]);
        walk(child);
      }
    }
  };
  walk(request);
  const slot = slots[where % slots.length];
  if (slot !== undefined) {
    slot[0][slot[1]] = value;
  }
  return JSON.stringify(request);
});

describe('OTLP /v1/traces under malformed input', () => {
  const t = useTestApi(UNLIMITED);
  let token: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    token = (await createToken(t.api, await t.api.signIn('ada'), { team: 'finance-ops' })).secret;
  });

  /**
   * Posts a body and holds the answer to OTLP: 200 with an ExportTraceServiceResponse, or a 4xx
   * with a google.rpc.Status that says why, in the request's encoding, nothing stored; never a 5xx.
   */
  async function expectHandled(body: Buffer | string, contentType: string, headers: Record<string, string> = {}): Promise<void> {
    const before = await rowCounts(t.db);
    const response = await fetch(`${t.api.url}${OTLP_TRACES_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, ...headers },
      body,
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const json = contentType === 'application/json';
    expect(response.status, Buffer.from(bytes).toString('utf8').slice(0, 300)).toBeLessThan(500);
    expect(response.headers.get('content-type')).toContain(json ? 'application/json' : 'application/x-protobuf');
    if (response.status === 200) {
      const answer = json ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as object) : ProtobufTraceSerializer.deserializeResponse(bytes);
      expect(answer).toBeTypeOf('object');
    } else {
      expect(response.status).toBeGreaterThanOrEqual(400);
      const status = (json ? JSON.parse(Buffer.from(bytes).toString('utf8')) : rpcStatus.toObject(rpcStatus.decode(bytes))) as { code?: number; message?: string };
      expect(status.message).toMatch(/^\S.{8,}/s);
      expect(status.message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
      expect(await rowCounts(t.db)).toEqual(before);
    }
    await expectAlive(t.api);
  }

  it('answers random and damaged protobuf as OTLP says, never a 5xx, storing nothing when it refuses', async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
      mutatedProtobuf,
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (bytes, gzip) => {
        await (gzip ? expectHandled(gzipSync(bytes), 'application/x-protobuf', { 'content-encoding': 'gzip' }) : expectHandled(bytes, 'application/x-protobuf'));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers odd JSON and OTLP/JSON with any value anywhere as OTLP says, never a 5xx', async () => {
    const body = fc.oneof(
      mutatedJson,
      oddJson.map((value) => JSON.stringify(value) ?? ''),
      oddJson.map((value) => withProtoKey(JSON.stringify(validJson()), value)),
      oddText,
      fc.nat({ max: 3000 }).map((n) => `{"resourceSpans":${'['.repeat(n)}${']'.repeat(n)}}`),
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => void (await expectHandled(text, 'application/json'))),
      { numRuns: RUNS },
    );
  });

  it('spans with 64-bit times at and past the ends of uint64 are quarantined or refused, never stored as runs out of the window', async () => {
    const nanos = fc.oneof(fc.bigInt({ min: 0n, max: (1n << 64n) + 5n }), fc.constantFrom(0n, (1n << 63n) - 1n, (1n << 64n) - 1n, 1n << 64n, -1n));
    await fc.assert(
      fc.asyncProperty(nanos, nanos, async (start, end) => {
        const request = validJson() as { resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[] };
        for (const span of request.resourceSpans[0]?.scopeSpans[0]?.spans ?? []) {
          span.startTimeUnixNano = start.toString();
          span.endTimeUnixNano = end.toString();
        }
        await expectHandled(JSON.stringify(request), 'application/json');
        const [far] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM run WHERE started_at > now() + interval '1 hour' OR started_at < now() - interval '31 days'`);
        expect(far?.n).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });
});
