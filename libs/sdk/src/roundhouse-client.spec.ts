import { INGEST_V2_PATH } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { AUTOMATION, T0, TOKEN, api, harness, measureMany, receivedEvents, storedEvents, useFakeIngestApi } from '../test/client-harness.js';
import { SOURCE, commandOf, pullerHarness } from '../test/reprocess-harness.js';
import { RoundhouseConfigError } from './client-options.js';
import { RoundhouseClient } from './roundhouse-client.js';

useFakeIngestApi();

describe(RoundhouseClient.name, () => {
  describe('reporting', () => {
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

  describe('track', () => {
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
  });

  describe('trackReprocess', () => {
    it('reports a reprocess that failed again: a run dead_lettered and the same message as a dead letter with the reprocessId', async () => {
      const command = commandOf();
      api.commands.offer(command);
      const h = pullerHarness({
        handle: (c, client) =>
          client.trackReprocess(c, () => {
            throw Object.assign(new Error('netsuite still refuses the customer'), { name: 'ValidationError' });
          }),
      });
      const { client } = h;

      await expect.poll(() => api.commands.acknowledged.has(command.reprocessId)).toBe(true);
      await client.flush();

      const [failed, deadLetter] = storedEvents();
      expect(failed).toMatchObject({
        type: 'run',
        automation: AUTOMATION,
        reprocessId: command.reprocessId,
        correlationId: 'deal-4711',
        outcome: 'dead_lettered',
        errorClass: 'ValidationError',
      });
      expect(deadLetter).toMatchObject({
        type: 'dead_letter',
        automation: AUTOMATION,
        reprocessId: command.reprocessId,
        messageId: command.messageId,
        source: SOURCE,
        body: command.body,
        headers: command.headers,
        correlationId: 'deal-4711',
        runId: failed?.type === 'run' ? failed.runId : '',
        attempts: 1,
      });
      expect(h.codes()).toEqual(['reprocess_handler_failed']);
    });
  });

  describe('shutdown', () => {
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
