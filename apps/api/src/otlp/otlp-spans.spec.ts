import { describe, expect, it } from 'vitest';
import { UnreadableReport } from '../ingest/ingest-body.js';
import type { OtlpSpan } from './otlp-request.js';
import { isoFromNanos, spanReports } from './otlp-spans.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const START = 1_796_614_495_253_123_456n;

function span(spanId: string, overrides: Partial<OtlpSpan> = {}): OtlpSpan {
  return {
    traceId: TRACE,
    spanId,
    parentSpanId: '',
    flags: 0,
    name: `span ${spanId}`,
    startNanos: START,
    endNanos: START + 1_500_000_000n,
    statusCode: 0,
    statusMessage: '',
    attributes: {},
    events: [],
    resource: { 'service.name': 'invoice-worker' },
    problems: [],
    ...overrides,
  };
}

const typeOf = (report: unknown) => (report instanceof UnreadableReport ? 'unreadable' : (report as { type?: string } | undefined)?.type);

describe(isoFromNanos.name, () => {
  it('keeps a 64-bit nanosecond time to the microsecond, where a double would round it', () => {
    expect(BigInt(Number(START))).not.toBe(START); // a double cannot hold it
    expect(isoFromNanos(START)).toBe('2026-12-07T03:34:55.253123Z');
    expect(isoFromNanos(0n)).toBe('1970-01-01T00:00:00.000000Z');
    expect(isoFromNanos((1n << 64n) - 1n)).toBe('2554-07-21T23:34:33.709551Z');
  });
});

describe(spanReports.name, () => {
  it('makes a run of a root span and steps of its children, through grandchildren, when the span names the automation', () => {
    const reports = spanReports(
      [
        span('00000000000000c1', { parentSpanId: '00000000000000c0' }),
        span('0000000000000c11', { parentSpanId: '00000000000000c1' }),
        span('00000000000000c0', { attributes: { 'roundhouse.automation': 'invoice-generation' } }),
      ],
      new Map(),
    );
    expect(reports.map((r) => [typeOf(r.report), (r.report as { runId?: string }).runId])).toEqual([
      ['step', '00000000000000c0'],
      ['step', '00000000000000c0'],
      ['run_finished', '00000000000000c0'],
    ]);
    expect(reports[2]?.report).toMatchObject({ automation: 'invoice-generation', correlationId: TRACE, startedAt: '2026-12-07T03:34:55.253123Z', durationMs: 1500 });
  });

  it('takes a span whose parent is in another process as the root of this program’s run', () => {
    const resource = { 'service.name': 'invoice-worker', 'roundhouse.automation': 'invoice-generation' };
    const remote = span('00000000000000a1', { parentSpanId: '00000000000000ff', flags: 0x300, resource });
    const local = span('00000000000000a2', { parentSpanId: '00000000000000fe', flags: 0x100, resource });
    const unknown = span('00000000000000a3', { parentSpanId: '00000000000000fd', resource });
    expect(spanReports([remote, local, unknown], new Map()).map((r) => typeOf(r.report))).toEqual(['run_finished', 'step', 'step']);
  });

  it("finds the automation by a binding's service.name, and lets a child span name another automation (an orchestration)", () => {
    const root = span('00000000000000b0');
    const sub = span('00000000000000b1', {
      parentSpanId: '00000000000000b0',
      attributes: { 'roundhouse.automation': 'dunning-reminders' },
      statusCode: 2,
      statusMessage: 'SMTP refused',
    });
    const reports = spanReports([root, sub], new Map([['invoice-worker', 'invoice-generation']]));
    expect(reports.map((r) => r.report)).toMatchObject([
      { type: 'run_finished', automation: 'invoice-generation' },
      { type: 'run_failed', automation: 'dunning-reminders', errorClass: 'Error', errorMessage: 'SMTP refused', outcome: 'failed' },
    ]);
  });

  it('skips spans that name no automation, and ends a cycle of parents instead of looping', () => {
    const a = span('000000000000000a', { parentSpanId: '000000000000000b', resource: {} });
    const b = span('000000000000000b', { parentSpanId: '000000000000000a', resource: {} });
    expect(spanReports([a, b], new Map()).map((r) => r.report)).toEqual([undefined, undefined]);
  });

  it('holds a span with ids OTLP does not allow for the quarantine, with the reason', () => {
    const [report] = spanReports([span('0000000000000000', { attributes: { 'roundhouse.automation': 'invoice-generation' } })], new Map()).map((r) => r.report);
    expect(report).toBeInstanceOf(UnreadableReport);
    expect((report as UnreadableReport).reason).toBe('spanId: found "0000000000000000"; allowed: 8 bytes (16 hex digits), not all zero');
  });
});
