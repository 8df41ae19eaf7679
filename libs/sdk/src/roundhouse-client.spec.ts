import { setTimeout as delay } from 'node:timers/promises';
import { INGEST_V2_PATH, ingestEventV2, type IngestEventV2 } from '@roundhouse/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeIngestApi } from '../test/fake-ingest-api.js';
import { RoundhouseConfigError, type RoundhouseClientOptions } from './client-options.js';
import type { DiagnosticCode, RoundhouseDiagnostic } from './diagnostics.js';
import { RoundhouseClient } from './roundhouse-client.js';

const TOKEN = 'rh_rt_sdk-test-4b1d2c9e7f';
const AUTOMATION = 'invoice-generation';
const T0 = new Date('2026-11-27T08:00:00Z');

/** A clock the test moves by hand. */
function manualClock(start = T0): { clock: () => Date; advance: (ms: number) => void } {
  let now = start.getTime();
  return { clock: () => new Date(now), advance: (ms) => (now += ms) };
}

interface Harness {
  client: RoundhouseClient;
  /** Every wait the client asked for between attempts, in ms (the waits themselves are skipped). */
  delays: number[];
  diagnostics: RoundhouseDiagnostic[];
  codes: () => DiagnosticCode[];
}

let api: FakeIngestApi;
const clients: RoundhouseClient[] = [];

beforeEach(async () => {
  api = await FakeIngestApi.start({ token: TOKEN });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.shutdown()));
  await api.close();
});

/**
 * A client of the fake api. Sends only on size or flush() unless the test sets flushIntervalMs;
 * waits between attempts are recorded instead of waited; jitter draws 0.5.
 */
function harness(options: Partial<RoundhouseClientOptions> = {}): Harness {
  const delays: number[] = [];
  const diagnostics: RoundhouseDiagnostic[] = [];
  const client = new RoundhouseClient({
    url: api.url,
    token: TOKEN,
    flushIntervalMs: 3_600_000,
    clock: manualClock().clock,
    random: () => 0.5,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
    ...options,
  });
  clients.push(client);
  return { client, delays, diagnostics, codes: () => diagnostics.map((d) => d.code) };
}

/** Reports `count` KPI measurements whose values are 0, 1, 2…: the order is visible at the server. */
function measureMany(client: RoundhouseClient, count: number, from = 0): void {
  for (let index = 0; index < count; index += 1) {
    client.measure(AUTOMATION, 'close-to-invoice-time', from + index);
  }
}

function storedValues(): number[] {
  return api.storedEvents().flatMap((event) => (event.type === 'kpi_measurement' ? [event.value] : []));
}

/** Every event the server received, raw, checked against the contract. */
function receivedEvents(): IngestEventV2[] {
  return api.requests.flatMap((request) => request.events).map((event) => ingestEventV2.parse(event));
}

describe(RoundhouseClient.name, () => {
  describe('batching', () => {
    it('sends a batch as soon as batchSize events are queued, and keeps the rest for the next flush', async () => {
      const { client } = harness({ batchSize: 3 });

      measureMany(client, 7);
      await expect.poll(() => api.requestSizes()).toEqual([3, 3]);
      // The server records a request before it answers: wait for the client to read the answer.
      await expect.poll(() => client.stats().queued).toBe(1);

      await client.flush();
      expect(api.requestSizes()).toEqual([3, 3, 1]);
      expect(storedValues()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(client.stats()).toMatchObject({ queued: 0, sent: 7, accepted: 7, dropped: 0, retries: 0 });
    });

    it('sends what is queued flushIntervalMs after the first event, without a flush()', async () => {
      const { client } = harness({ batchSize: 100, flushIntervalMs: 20 });

      measureMany(client, 2);
      expect(api.requests).toHaveLength(0); // reporting never sends inline

      await expect.poll(() => api.requestSizes()).toEqual([2]);
      // The server records a request before it answers: wait for the client to read the answer.
      await expect.poll(() => client.stats()).toMatchObject({ queued: 0, accepted: 2 });
    });

    it('sends a JSON array gzipped, with the Bearer token; the server decodes it', async () => {
      const { client } = harness();

      client.heartbeat(AUTOMATION, 'worker-1');
      await client.flush();

      const [request] = api.requests;
      expect(request).toMatchObject({ contentEncoding: 'gzip', contentType: 'application/json', authorization: `Bearer ${TOKEN}` });
      expect(request?.events).toEqual([expect.objectContaining({ type: 'heartbeat', automation: AUTOMATION, instance: 'worker-1' })]);
    });

    it('sends plain JSON when gzip is off', async () => {
      const { client } = harness({ gzip: false });

      client.heartbeat(AUTOMATION);
      await client.flush();

      expect(api.requests[0]?.contentEncoding).toBeUndefined();
      expect(api.stored.size).toBe(1);
    });
  });

  describe('retries', () => {
    it('retries 5xx answers and dropped connections with backoff, and delivers every event exactly once', async () => {
      const { client, delays, codes } = harness({ retry: { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 10_000 } });
      api.plan({ status: 500 }, { dropConnection: true }, { status: 502 }, { dropConnection: true, store: true });

      measureMany(client, 5);
      await client.flush();

      expect(api.requests.map((request) => request.answer)).toEqual([500, 'dropped', 502, 'dropped', 200]);
      expect(delays).toEqual([50, 100, 200, 400]); // random 0.5 of the ceilings 100, 200, 400, 800
      expect(storedValues()).toEqual([0, 1, 2, 3, 4]);
      // The fourth request was stored before its answer was lost: the resend is recognised by id.
      expect(client.stats()).toMatchObject({ sent: 5, accepted: 0, duplicates: 5, retries: 4, failedBatches: 0, dropped: 0, queued: 0 });
      expect(codes()).toEqual(['retry_scheduled', 'retry_scheduled', 'retry_scheduled', 'retry_scheduled']);
    });

    it('aborts a request that outlives requestTimeoutMs and resends it; the api answers duplicate for what it had stored', async () => {
      const { client, diagnostics } = harness({ requestTimeoutMs: 100 });
      api.plan({ delayMs: 5_000 });

      measureMany(client, 3);
      await client.flush();

      expect(api.requestSizes()).toEqual([3, 3]);
      expect([...api.arrivals.values()]).toEqual([2, 2, 2]);
      expect(api.stored.size).toBe(3);
      expect(client.stats()).toMatchObject({ duplicates: 3, retries: 1, queued: 0 });
      expect(diagnostics[0]).toMatchObject({ code: 'retry_scheduled', error: 'the request timed out' });
    });

    it('honours Retry-After in seconds on 429 and as an HTTP date on 503, up to retry.maxDelayMs', async () => {
      const { clock } = manualClock();
      const { client, delays } = harness({ clock, retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 30_000 } });
      const inFiveSeconds = new Date(T0.getTime() + 5_000).toUTCString();
      api.plan({ status: 429, retryAfter: '3' }, { status: 503, retryAfter: inFiveSeconds }, { status: 429, retryAfter: '120' });

      client.heartbeat(AUTOMATION);
      await client.flush();

      expect(delays).toEqual([3_000, 5_000, 30_000]);
      expect(api.stored.size).toBe(1);
    });

    it('draws each delay with full jitter below a ceiling that doubles per retry and stops at maxDelayMs', async () => {
      const draws = [0, 0.999, 0.25, 0.5, 0.999, 0.999];
      const { client, delays } = harness({
        retry: { maxAttempts: 7, baseDelayMs: 100, maxDelayMs: 1_000 },
        random: () => draws.shift() ?? 0,
      });
      api.plan(...Array.from({ length: 6 }, () => ({ status: 503 })));

      client.heartbeat(AUTOMATION);
      await client.flush();

      // ceilings: 100, 200, 400, 800, 1000 (1600 capped), 1000 (3200 capped)
      expect(delays).toEqual([0, 199, 100, 400, 999, 999]);
      expect(api.stored.size).toBe(1);
    });

    it('gives a batch up after maxAttempts, keeps its events at the front of the buffer and delivers them later in order', async () => {
      const { client, codes, diagnostics } = harness({ batchSize: 2, retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 60_000 } });
      api.plan({ status: 500 }, { status: 500 }, { status: 500 });

      measureMany(client, 2);
      await expect.poll(() => client.stats().failedBatches).toBe(1);
      expect(client.stats()).toMatchObject({ queued: 2, retries: 2, dropped: 0 });
      expect(codes()).toContain('batch_failed');
      expect(diagnostics.find((d) => d.code === 'batch_failed')).toMatchObject({ attempts: 3, events: 2, requeued: 2, dropped: 0, status: 500 });

      measureMany(client, 2, 2); // a full batch, held back while the client cools down
      expect(api.requests).toHaveLength(3);

      await client.flush();
      expect(storedValues()).toEqual([0, 1, 2, 3]);
      expect(client.stats()).toMatchObject({ queued: 0, accepted: 4, dropped: 0 });
    });

    it('does not retry a 401, drops the batch and says the token is wrong without revealing it', async () => {
      const { client, diagnostics, delays } = harness({ token: 'rh_rt_revoked-0000' });

      measureMany(client, 2);
      await client.flush();

      expect(api.requests.map((request) => request.answer)).toEqual([401]);
      expect(delays).toEqual([]);
      expect(client.stats()).toMatchObject({ retries: 0, failedBatches: 1, dropped: 2, queued: 0 });
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'unauthorized', level: 'error', status: 401, events: 2 })]);
      expect(JSON.stringify(diagnostics)).not.toContain('rh_rt_revoked-0000');
    });

    it('does not retry a 400 and drops the batch with the api’s reason', async () => {
      const { client, diagnostics } = harness();
      api.plan({ status: 400, body: '{"message":"The body is not JSON."}' });

      client.heartbeat(AUTOMATION);
      await client.flush();

      expect(api.requests).toHaveLength(1);
      expect(client.stats()).toMatchObject({ failedBatches: 1, dropped: 1, retries: 0 });
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'batch_rejected', status: 400, detail: '{"message":"The body is not JSON."}' })]);
    });

    it('does not follow a redirect with the token, and says where the url should point', async () => {
      const { client, diagnostics } = harness();
      api.plan({ status: 308, headers: { location: 'https://elsewhere.example/ingest/v1/events' } });

      client.heartbeat(AUTOMATION);
      await client.flush();

      expect(api.requests.map((request) => request.answer)).toEqual([308]);
      expect(client.stats()).toMatchObject({ failedBatches: 1, dropped: 1, retries: 0 });
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'batch_rejected', status: 308, detail: expect.stringContaining('https://elsewhere.example') as string })]);
    });

    it('splits a batch in halves on 413 until the halves fit', async () => {
      await api.close();
      api = await FakeIngestApi.start({ token: TOKEN, maxEventsPerRequest: 2 });
      const { client } = harness();

      measureMany(client, 7);
      await client.flush();

      expect(api.requestSizes()).toEqual([7, 4, 2, 2, 3, 2, 1]);
      expect(storedValues()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(client.stats()).toMatchObject({ accepted: 7, failedBatches: 0, dropped: 0, retries: 0 });
    });
    it('drops a single event that still gets 413, and keeps sending the rest', async () => {
      await api.close();
      api = await FakeIngestApi.start({ token: TOKEN, maxEventsPerRequest: 0 });
      const { client, codes } = harness();

      measureMany(client, 2);
      await client.flush();

      expect(api.requestSizes()).toEqual([2, 1, 1]);
      expect(client.stats()).toMatchObject({ dropped: 2, queued: 0, retries: 0 });
      expect(codes()).toEqual(['batch_split', 'event_too_large', 'event_too_large']);
    });
  });

  describe('buffer', () => {
    it('drops the oldest events when the buffer overflows, counts them, and diagnoses once per episode', async () => {
      const { client, diagnostics, codes } = harness({ maxBufferedEvents: 5, batchSize: 100 });

      measureMany(client, 8); // 8 reported in one go into room for 5
      await client.flush();

      expect(storedValues()).toEqual([3, 4, 5, 6, 7]);
      expect(client.stats()).toMatchObject({ dropped: 3, accepted: 5, queued: 0 });
      expect(codes().filter((code) => code === 'buffer_overflow')).toHaveLength(1);
      expect(diagnostics.find((d) => d.code === 'buffer_recovered')).toMatchObject({ dropped: 3 });
    });

    it('never throws in the caller’s path, not even when onDiagnostic throws or the client is closed', async () => {
      const { client } = harness({
        maxBufferedEvents: 1,
        onDiagnostic: () => {
          throw new Error('a broken logger');
        },
      });
      await client.shutdown();

      expect(() => {
        measureMany(client, 3);
        client.heartbeat(AUTOMATION);
        client.startRun(AUTOMATION).succeed();
      }).not.toThrow();
      expect(client.stats().dropped).toBe(6);
    });
    it('turns a broken clock into an internal_error diagnostic, not an exception', () => {
      const { client, codes } = harness({ clock: () => new Date(Number.NaN) });

      expect(() => {
        client.heartbeat(AUTOMATION);
        client.startRun(AUTOMATION).fail(new Error('boom'));
      }).not.toThrow();
      expect(codes()).toEqual(['internal_error', 'internal_error', 'internal_error']);
    });
  });

  describe('per-event results', () => {
    it('counts quarantined and forbidden events and diagnoses each with the api’s reason', async () => {
      await api.close();
      api = await FakeIngestApi.start({ token: TOKEN, forbiddenAutomations: ['payout-reconciliation'] });
      const { client, diagnostics } = harness();

      client.measure(AUTOMATION, 'close-to-invoice-time', 0.2);
      client.measure('Invoice Generation', 'close-to-invoice-time', 0.2); // not a slug: quarantined
      client.heartbeat('payout-reconciliation');
      await client.flush();

      expect(client.stats()).toMatchObject({ sent: 3, accepted: 1, quarantined: 1, forbidden: 1, dropped: 0 });
      const [quarantined, forbidden] = diagnostics;
      expect(diagnostics).toHaveLength(2);
      expect(quarantined).toMatchObject({ code: 'event_quarantined', level: 'warn', automation: 'Invoice Generation', eventType: 'kpi_measurement' });
      expect(quarantined?.code === 'event_quarantined' ? quarantined.reason : '').toMatch(/^automation: lower-case letters/);
      expect(forbidden).toMatchObject({
        code: 'event_forbidden',
        automation: 'payout-reconciliation',
        eventType: 'heartbeat',
        reason: 'the token does not cover payout-reconciliation',
      });
    });
    it('reads the per-event results of a 403 that the api answers when no event was covered', async () => {
      await api.close();
      api = await FakeIngestApi.start({ token: TOKEN, forbiddenAutomations: ['payout-reconciliation'] });
      const { client, codes } = harness();

      client.heartbeat('payout-reconciliation');
      client.heartbeat('payout-reconciliation');
      await client.flush();

      expect(api.requests.map((request) => request.answer)).toEqual([403]);
      expect(client.stats()).toMatchObject({ sent: 2, forbidden: 2, dropped: 0, failedBatches: 0, retries: 0 });
      expect(codes()).toEqual(['event_forbidden', 'event_forbidden']);
    });
  });

  describe('shutdown', () => {
    it('flushes everything, then drops what is reported after it', async () => {
      const { client, codes } = harness({ batchSize: 4 });

      measureMany(client, 10);
      await client.shutdown();

      expect(storedValues()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      client.heartbeat(AUTOMATION);
      expect(client.stats()).toMatchObject({ queued: 0, accepted: 10, dropped: 1 });
      expect(codes()).toEqual(['client_closed']);
    });

    it('stops waiting at shutdownTimeoutMs and counts what is left as dropped', async () => {
      const { client, diagnostics } = harness({ shutdownTimeoutMs: 100 });
      api.plan({ status: 503, delayMs: 10_000 });

      measureMany(client, 3);
      await client.shutdown();

      expect(client.stats()).toMatchObject({ queued: 0, accepted: 0, dropped: 3 });
      expect(diagnostics.at(-1)).toMatchObject({ code: 'shutdown_incomplete', dropped: 3 });
    });

    it('handleSignals() shuts down on the signal and removes its handlers', async () => {
      const { client } = harness();
      const programsOwnHandler = (): void => undefined; // so the signal is not re-raised at the test process
      process.on('SIGUSR2', programsOwnHandler);
      try {
        client.handleSignals(['SIGUSR2']);
        client.heartbeat(AUTOMATION);

        process.emit('SIGUSR2', 'SIGUSR2');

        await expect.poll(() => api.stored.size).toBe(1);
        expect(process.listenerCount('SIGUSR2')).toBe(1);
      } finally {
        process.off('SIGUSR2', programsOwnHandler);
      }
    });
  });

  describe('runs', () => {
    it('reports run_started and, once sent, run_finished with the duration measured by the client', async () => {
      const { clock, advance } = manualClock();
      const { client } = harness({ clock });

      const run = client.startRun(AUTOMATION, { correlationId: 'deal-4711' });
      await client.flush();
      advance(1_250);
      run.succeed({ manualTouch: true });
      await client.flush();

      const events = receivedEvents();
      expect(events.map((event) => event.type)).toEqual(['run_started', 'run_finished']);
      expect(new Set(events.map((event) => event.id)).size).toBe(2);
      expect(events[0]).toMatchObject({ runId: run.runId, correlationId: 'deal-4711', attempt: 1, startedAt: T0.toISOString(), occurredAt: T0.toISOString() });
      expect(events[1]).toMatchObject({ runId: run.runId, startedAt: T0.toISOString(), occurredAt: '2026-11-27T08:00:01.250Z', durationMs: 1_250, manualTouch: true });
    });

    it('sends an attempt that started and ended before its start went out as one run event, counted as the two events reported', async () => {
      const { clock, advance } = manualClock();
      const { client } = harness({ clock, batchSize: 3 });

      const first = client.startRun(AUTOMATION, { correlationId: 'deal-4711' });
      const second = client.startRun(AUTOMATION, { runId: 'inv-2026-0042', attempt: 2 });
      advance(1_250);
      first.succeed({ manualTouch: true });
      second.fail(new Error('NetSuite answered 429'), { outcome: 'retrying' });
      client.heartbeat(AUTOMATION);
      await client.flush();

      // At most 3 events a request: each end joins its start as the request is cut, so the five reported events fit in one.
      const events = receivedEvents();
      expect(events.map((event) => event.type)).toEqual(['run', 'run', 'heartbeat']);
      expect(api.requestSizes()).toEqual([3]);
      expect(events[0]).toMatchObject({
        runId: first.runId,
        correlationId: 'deal-4711',
        attempt: 1,
        startedAt: T0.toISOString(),
        occurredAt: '2026-11-27T08:00:01.250Z',
        durationMs: 1_250,
        manualTouch: true,
        outcome: 'succeeded',
      });
      expect(events[1]).toMatchObject({ runId: 'inv-2026-0042', attempt: 2, outcome: 'retrying', errorClass: 'Error', errorMessage: 'NetSuite answered 429' });
      expect(client.stats()).toMatchObject({ sent: 5, accepted: 5, queued: 0 });
    });

    it('reports run_failed with the error’s class and message, the outcome, and ignores a second end', async () => {
      class RateLimitError extends Error {}
      const { clock, advance } = manualClock();
      const { client, codes } = harness({ clock });

      const run = client.startRun(AUTOMATION, { runId: 'inv-2026-0042', attempt: 2 });
      advance(40);
      run.fail(new RateLimitError('NetSuite answered 429'), { outcome: 'retrying' });
      run.succeed();
      await client.flush();

      expect(receivedEvents().at(-1)).toMatchObject({
        type: 'run',
        runId: 'inv-2026-0042',
        attempt: 2,
        durationMs: 40,
        errorClass: 'RateLimitError',
        errorMessage: 'NetSuite answered 429',
        outcome: 'retrying',
        manualTouch: false,
      });
      expect(api.stored.size).toBe(1);
      expect(client.stats()).toMatchObject({ sent: 2, accepted: 2 });
      expect(codes()).toEqual(['run_already_ended']);
    });

    it('track() succeeds the run with the function’s value, or fails it and rethrows', async () => {
      const { client } = harness();

      const invoice = await client.track(AUTOMATION, { correlationId: 'deal-4711' }, () => Promise.resolve('INV-1'));
      const failure = client.track(AUTOMATION, { failureOutcome: 'dead_lettered' }, () => {
        throw new TypeError('amount is not a number');
      });
      await expect(failure).rejects.toThrow('amount is not a number');
      await client.flush();

      expect(invoice).toBe('INV-1');
      expect(receivedEvents().map((event) => (event.type === 'run' ? `${event.type}:${event.errorClass ?? '-'}:${event.outcome}` : event.type))).toEqual([
        'run:-:succeeded',
        'run:TypeError:dead_lettered',
      ]);
    });

    it('puts the reprocessId on every event of a run that handles a reprocess, and on its dead letter unless that names its own', async () => {
      const reprocessId = '0193a6f2-6d1c-4c3e-9b8a-3f1d2c4b5a69';
      const source = { kind: 'rabbitmq', queue: 'invoices.generate.dlq' } as const;
      const { client } = harness();

      const succeeded = client.startRun(AUTOMATION, { reprocessId, correlationId: 'deal-4711' });
      succeeded.succeed();
      const failedAgain = client.startRun(AUTOMATION, { reprocessId });
      failedAgain.fail(new Error('still refused'), { deadLetter: { messageId: 'amqp-msg-0042', source, payload: {}, attempts: 1 } });
      const ownId = client.startRun(AUTOMATION, { reprocessId });
      ownId.fail(new Error('still refused'), { deadLetter: { messageId: 'amqp-msg-0043', source, payload: {}, attempts: 1, reprocessId: 'rp-own' } });
      const ordinary = client.startRun(AUTOMATION);
      ordinary.fail(new Error('boom'), { deadLetter: { messageId: 'amqp-msg-0044', source, payload: {}, attempts: 3 } });
      await client.flush();

      const events = receivedEvents();
      expect(events.map((event) => `${event.type}:${'reprocessId' in event ? String(event.reprocessId) : '-'}`)).toEqual([
        `run:${reprocessId}`,
        `run:${reprocessId}`,
        `dead_letter:${reprocessId}`,
        `run:${reprocessId}`,
        'dead_letter:rp-own',
        'run:-',
        'dead_letter:-',
      ]);
      expect(succeeded.reprocessId).toBe(reprocessId);
      expect(client.stats()).toMatchObject({ accepted: 11, quarantined: 0 });
    });

    it('reports measurements and heartbeats that the contract accepts', async () => {
      const { client } = harness();

      client.measure(AUTOMATION, 'close-to-invoice-time', 0.2);
      client.heartbeat(AUTOMATION, 'worker-1');
      await client.flush();

      expect(receivedEvents()).toEqual([
        expect.objectContaining({ type: 'kpi_measurement', kpi: 'close-to-invoice-time', value: 0.2, occurredAt: T0.toISOString() }),
        expect.objectContaining({ type: 'heartbeat', instance: 'worker-1' }),
      ]);
      expect(client.stats().accepted).toBe(2);
    });
  });

  describe('dead letters', () => {
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

  describe('resilience', () => {
    it('reports the policy’s retries, circuit opening, half-opening and closing as resilience events', async () => {
      const { client } = harness();
      const netsuite = client.resilience(AUTOMATION, 'netsuite', {
        retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
        circuitBreaker: { threshold: 3, halfOpenAfterMs: 30 },
      });
      let calls = 0;
      const failing = (): Promise<string> => {
        calls += 1;
        return Promise.reject(new Error('NetSuite is down'));
      };

      await expect(netsuite.execute(failing)).rejects.toThrow('NetSuite is down');
      await expect(netsuite.execute(failing)).rejects.toThrow(/circuit/i); // open: refused, and not retried
      expect(calls).toBe(3);
      await delay(50);
      await expect(netsuite.execute(() => 'ok')).resolves.toBe('ok');
      await client.flush();

      const signals = receivedEvents().map((event) => (event.type === 'resilience' ? `${event.signal}:${event.dependency}` : event.type));
      expect(signals).toEqual(['retry:netsuite', 'retry:netsuite', 'circuit_open:netsuite', 'circuit_half_open:netsuite', 'circuit_close:netsuite']);
    });

    it('reports a timeout and aborts the call’s signal', async () => {
      const { client } = harness();
      const crm = client.resilience(AUTOMATION, 'salesforce', { retry: false, circuitBreaker: false, timeoutMs: 10 });
      let aborted = false;

      const call = crm.execute(
        ({ signal }) =>
          new Promise<void>(() => {
            signal.addEventListener('abort', () => (aborted = true)); // a call that hangs
          }),
      );
      await expect(call).rejects.toThrow('Operation timed out after 10ms');
      await client.flush();

      expect(aborted).toBe(true);
      expect(receivedEvents()).toEqual([expect.objectContaining({ type: 'resilience', signal: 'timeout', dependency: 'salesforce', automation: AUTOMATION })]);
    });
  });

  describe('options', () => {
    it('refuses a wrong option with an error that names it', () => {
      expect(() => new RoundhouseClient({ url: 'localhost:3000', token: TOKEN })).toThrow(RoundhouseConfigError);
      expect(() => new RoundhouseClient({ url: api.url, token: '' })).toThrow(/"token"/);
      expect(() => new RoundhouseClient({ url: api.url, token: TOKEN, batchSize: 5_000 })).toThrow(/"batchSize" must be a whole number from 1 to 1000/);
      expect(() => new RoundhouseClient({ url: api.url, token: TOKEN, retry: { baseDelayMs: 500, maxDelayMs: 100 } })).toThrow(/"retry.maxDelayMs"/);
      expect(() => harness().client.resilience(AUTOMATION, 'netsuite', { circuitBreaker: { threshold: 0 } })).toThrow(
        'resilience() option "circuitBreaker.threshold" must be a whole number of at least 1; got 0.',
      );
    });

    it('posts to /ingest/v2/events under the url, path prefix kept', async () => {
      const urls: string[] = [];
      const { client } = harness({
        url: 'http://roundhouse.internal/ops/',
        fetch: (input, init) => {
          urls.push(input instanceof Request ? input.url : input.toString());
          return fetch(`${api.url}${INGEST_V2_PATH}`, init);
        },
      });

      client.heartbeat(AUTOMATION);
      await client.flush();

      expect(urls).toEqual(['http://roundhouse.internal/ops/ingest/v2/events']);
      expect(api.stored.size).toBe(1);
    });
  });
});
