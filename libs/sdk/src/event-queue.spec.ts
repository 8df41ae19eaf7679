import { describe, expect, it } from 'vitest';
import { AUTOMATION, T0, api, harness, manualClock, measureMany, receivedEvents, storedValues, useFakeIngestApi } from '../test/client-harness.js';
import { EventQueue } from './event-queue.js';

useFakeIngestApi();

describe(EventQueue.name, () => {
  describe('overflow', () => {
    it('drops the oldest events when the buffer overflows, counts them, and diagnoses once per episode', async () => {
      const { client, diagnostics, codes } = harness({ maxBufferedEvents: 5, batchSize: 100 });

      measureMany(client, 8); // 8 reported in one go into room for 5
      await client.flush();

      expect(storedValues()).toEqual([3, 4, 5, 6, 7]);
      expect(client.stats()).toMatchObject({ dropped: 3, accepted: 5, queued: 0 });
      expect(codes().filter((code) => code === 'buffer_overflow')).toHaveLength(1);
      expect(diagnostics.find((d) => d.code === 'buffer_recovered')).toMatchObject({ dropped: 3 });
    });
  });

  describe('batches', () => {
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
  });
});
