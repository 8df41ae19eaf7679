import { describe, expect, it } from 'vitest';
import { AUTOMATION, T0, api, harness, manualClock, measureMany, restartApi, storedValues, useFakeIngestApi } from '../test/client-harness.js';
import { BatchDelivery } from './batch-delivery.js';

useFakeIngestApi();

describe(BatchDelivery.name, () => {
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
  });

  describe('refusals', () => {
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
  });

  describe('size limits', () => {
    it('splits a batch in halves on 413 until the halves fit', async () => {
      await restartApi({ maxEventsPerRequest: 2 });
      const { client } = harness();

      measureMany(client, 7);
      await client.flush();

      expect(api.requestSizes()).toEqual([7, 4, 2, 2, 3, 2, 1]);
      expect(storedValues()).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(client.stats()).toMatchObject({ accepted: 7, failedBatches: 0, dropped: 0, retries: 0 });
    });

    it('drops a single event that still gets 413, and keeps sending the rest', async () => {
      await restartApi({ maxEventsPerRequest: 0 });
      const { client, codes } = harness();

      measureMany(client, 2);
      await client.flush();

      expect(api.requestSizes()).toEqual([2, 1, 1]);
      expect(client.stats()).toMatchObject({ dropped: 2, queued: 0, retries: 0 });
      expect(codes()).toEqual(['batch_split', 'event_too_large', 'event_too_large']);
    });
  });

  describe('per-event results', () => {
    it('counts quarantined and forbidden events and diagnoses each with the api’s reason', async () => {
      await restartApi({ forbiddenAutomations: ['payout-reconciliation'] });
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
      await restartApi({ forbiddenAutomations: ['payout-reconciliation'] });
      const { client, codes } = harness();

      client.heartbeat('payout-reconciliation');
      client.heartbeat('payout-reconciliation');
      await client.flush();

      expect(api.requests.map((request) => request.answer)).toEqual([403]);
      expect(client.stats()).toMatchObject({ sent: 2, forbidden: 2, dropped: 0, failedBatches: 0, retries: 0 });
      expect(codes()).toEqual(['event_forbidden', 'event_forbidden']);
    });
  });
});
