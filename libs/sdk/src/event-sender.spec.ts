import { describe, expect, it } from 'vitest';
import { AUTOMATION, TOKEN, api, harness, measureMany, storedValues, useFakeIngestApi } from '../test/client-harness.js';
import { EventSender } from './event-sender.js';

useFakeIngestApi();

describe(EventSender.name, () => {
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

  describe('after a batch gave up', () => {
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
  });
});
