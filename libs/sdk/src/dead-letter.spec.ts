import { describe, expect, it } from 'vitest';
import { AUTOMATION, T0, api, harness, manualClock, receivedEvents, useFakeIngestApi } from '../test/client-harness.js';
import { deadLetterFields } from './dead-letter.js';

useFakeIngestApi();

describe(deadLetterFields.name, () => {
  const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/;
  const source = { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' } as const;
  const deal = { dealId: 'deal-4711', account: 'Northwind GmbH', amount: { value: 1290.5, currency: 'EUR' } };

  it('reports a dead letter the contract accepts, with the error described as run.fail() does and headers turned into strings', async () => {
    class RateLimitError extends Error {}
    const { client, diagnostics } = harness();

    client.deadLetter(AUTOMATION, {
      messageId: 'amqp-msg-0042',
      source,
      payload: deal,
      headers: {
        'content-type': 'application/json',
        'x-delivery-count': 4,
        redelivered: true,
        'x-first-death-at': new Date('2026-11-27T07:00:00Z'),
        'x-death': [{ count: 4, queue: 'invoices.generate' }],
        absent: undefined,
      },
      error: new RateLimitError('NetSuite answered 429 Too Many Requests'),
      attempts: 4,
      firstFailedAt: new Date('2026-11-27T07:00:00Z'),
      runId: 'inv-2026-0042',
      correlationId: 'deal-4711',
      reprocessId: 'rp-7',
    });
    await client.flush();

    const [event] = receivedEvents();
    expect(event).toEqual({
      id: expect.stringMatching(UUID) as string,
      type: 'dead_letter',
      automation: AUTOMATION,
      occurredAt: T0.toISOString(),
      messageId: 'amqp-msg-0042',
      source,
      body: { base64: Buffer.from(JSON.stringify(deal)).toString('base64'), contentType: 'application/json' },
      headers: {
        'content-type': 'application/json',
        'x-delivery-count': '4',
        redelivered: 'true',
        'x-first-death-at': '2026-11-27T07:00:00.000Z',
        'x-death': '[{"count":4,"queue":"invoices.generate"}]',
      },
      errorClass: 'RateLimitError',
      errorMessage: 'NetSuite answered 429 Too Many Requests',
      attempts: 4,
      firstFailedAt: '2026-11-27T07:00:00.000Z',
      runId: 'inv-2026-0042',
      correlationId: 'deal-4711',
      reprocessId: 'rp-7',
    });
    expect(client.stats()).toMatchObject({ accepted: 1, quarantined: 0, dropped: 0 });
    expect(diagnostics).toEqual([]);
  });

  it('run.fail() with deadLetter reports the run’s end and the dead letter together: same run, correlation id, error and time', async () => {
    const { clock, advance } = manualClock();
    const { client } = harness({ clock });

    const run = client.startRun(AUTOMATION, { runId: 'inv-2026-0043', attempt: 4, correlationId: 'deal-4712' });
    advance(30_000);
    run.fail(Object.assign(new Error('netsuite did not answer within 30 s'), { name: 'TimeoutError' }), {
      deadLetter: { messageId: 'inv-2026-0043', source, payload: deal, attempts: 4 },
    });
    await client.flush();

    // The start and the end went out together, joined as one `run` event.
    expect(api.requestSizes()).toEqual([2]);
    const [failed, deadLetter] = receivedEvents();
    expect(failed).toMatchObject({ type: 'run', runId: 'inv-2026-0043', correlationId: 'deal-4712', outcome: 'dead_lettered', errorClass: 'TimeoutError' });
    expect(deadLetter).toMatchObject({
      type: 'dead_letter',
      automation: AUTOMATION,
      runId: 'inv-2026-0043',
      correlationId: 'deal-4712',
      messageId: 'inv-2026-0043',
      errorClass: 'TimeoutError',
      errorMessage: 'netsuite did not answer within 30 s',
      attempts: 4,
      headers: {},
      occurredAt: failed?.occurredAt,
    });
    expect(deadLetter?.id).toMatch(UUID);
    expect(deadLetter?.id).not.toBe(failed?.id);
    expect(client.stats()).toMatchObject({ accepted: 3, quarantined: 0 });
  });

  it('keeps bodies as bytes: bytes and text as given with their content type and encoding, JSON values as JSON with bigints as digits, a cycle as readable text', async () => {
    const { client } = harness();
    const cyclic: Record<string, unknown> = { orderId: 'order-1' };
    cyclic.self = cyclic;
    const report = (payload: unknown, extra: { contentType?: string; contentEncoding?: string; headers?: Record<string, string> } = {}) =>
      client.deadLetter(AUTOMATION, { messageId: `m-${api.stored.size}-${String(payload)}`, source, payload, error: 'schema drift', attempts: 1, ...extra });
    const latin1 = Buffer.from('Müller;10,50\n', 'latin1');

    report(latin1, { contentType: 'text/csv; charset=iso-8859-1', contentEncoding: 'identity', headers: { 'x-roundhouse-payload-encoding': 'utf8' } });
    report(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    report('{"ledgerId":9007199254740993,"amount":10.50}', { contentType: 'application/json' });
    report(undefined);
    report(cyclic);
    report({ at: new Date('2026-11-27T07:00:00Z'), big: 9007199254740993n, gone: undefined, bad: Number.NaN });
    await client.flush();

    const events = receivedEvents().flatMap((event) => (event.type === 'dead_letter' ? [event] : []));
    const bodies = events.map((event) => ({ ...event.body, text: Buffer.from(event.body?.base64 ?? '', 'base64').toString('latin1') }));
    expect(events.map((event) => event.payload)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(Buffer.from(events[0]?.body?.base64 ?? '', 'base64').equals(latin1)).toBe(true);
    expect(bodies.map(({ base64: _bytes, ...rest }) => rest)).toEqual([
      { contentType: 'text/csv; charset=iso-8859-1', contentEncoding: 'identity', text: 'Müller;10,50\n' },
      { text: '\xde\xad\xbe\xef' },
      { contentType: 'application/json', text: '{"ledgerId":9007199254740993,"amount":10.50}' },
      { contentType: 'application/json', text: 'null' },
      { contentType: 'text/plain; charset=utf-8', text: expect.stringContaining("orderId: 'order-1'") as string },
      { contentType: 'application/json', text: '{"at":"2026-11-27T07:00:00.000Z","big":9007199254740993,"bad":null}' },
    ]);
    // The header older SDKs set is the runtime's own now: passed through like any other.
    expect(events[0]?.headers).toEqual({ 'x-roundhouse-payload-encoding': 'utf8' });
    expect(events[0]).toMatchObject({ errorClass: 'string', errorMessage: 'schema drift' });
    expect(client.stats()).toMatchObject({ accepted: 6, quarantined: 0, dropped: 0 });
  });

  it('never throws, not even for a report that is not one', () => {
    const { client, codes } = harness();

    expect(() => {
      client.deadLetter(AUTOMATION, null as never);
      client.startRun(AUTOMATION).fail(new Error('boom'), { deadLetter: { messageId: 'm-1', source: undefined as never, payload: {}, attempts: 1 } });
    }).not.toThrow();
    expect(codes()).toEqual(['internal_error', 'internal_error']);
    expect(client.stats().queued).toBe(2); // run_started and run_failed
  });
});
