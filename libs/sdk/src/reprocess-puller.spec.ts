import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AUTOMATION, TOKEN, api, shutDownAfterTest, storedEvents, useFakeIngestApi } from '../test/client-harness.js';
import { commandOf, deferred, pullerHarness } from '../test/reprocess-harness.js';
import { RoundhouseConfigError } from './client-options.js';
import { RoundhouseClient } from './roundhouse-client.js';
import { ReprocessPuller } from './reprocess-puller.js';

useFakeIngestApi();

describe(ReprocessPuller.name, () => {
  describe('stopping', () => {
    it('shutdown() stops claiming, waits for running handlers, acknowledges them, then delivers their runs', async () => {
      const work = deferred();
      const command = commandOf();
      api.commands.offer(command);
      const h = pullerHarness({ handle: (c, client) => client.trackReprocess(c, () => work.promise) });
      const { client } = h;
      await expect.poll(() => h.handled).toEqual([command.reprocessId]);

      let done = false;
      const shutdown = client.shutdown().then(() => (done = true));
      await delay(60);
      expect(done).toBe(false);
      const claims = api.commands.claims.length;

      work.resolve();
      await shutdown;
      expect(api.commands.acknowledged.has(command.reprocessId)).toBe(true);
      expect(api.commands.claims).toHaveLength(claims);
      expect(h.puller.claiming).toBe(false);
      // Start and end were both still in the buffer when shutdown() sent it: one `run` event.
      expect(storedEvents().map((event) => `${event.type}:${'reprocessId' in event ? event.reprocessId : ''}:${'outcome' in event ? event.outcome : ''}`)).toEqual([
        `run:${command.reprocessId}:succeeded`,
      ]);
    });

    it('gives up on a handler that never settles after shutdownTimeoutMs, and leaves its command to the lease', async () => {
      const command = commandOf();
      api.commands.offer(command);
      const { client, handled, diagnostics } = pullerHarness({ client: { shutdownTimeoutMs: 100 }, handle: () => new Promise(() => undefined) });
      await expect.poll(() => handled).toHaveLength(1);

      await client.shutdown();

      expect(api.commands.acks).toEqual([]);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'reprocess_stop_incomplete', level: 'error', running: 1, unacknowledged: 0 })]);
    });

    it('stop() ends one puller; the client goes on reporting', async () => {
      const { client, puller } = pullerHarness();
      await expect.poll(() => api.commands.claims.length).toBeGreaterThan(0);

      await puller.stop();
      // A claim aborted by stop() may still reach the server just after; count from when it settled.
      await delay(60);
      const claims = api.commands.claims.length;
      client.heartbeat(AUTOMATION);
      await client.flush();
      await delay(60);

      expect(puller.claiming).toBe(false);
      expect(api.commands.claims).toHaveLength(claims);
      expect(api.stored.size).toBe(1);
    });
  });

  describe('options', () => {
    it('refuses a wrong option with an error that names it, and a closed client', async () => {
      const client = new RoundhouseClient({ url: api.url, token: TOKEN, onDiagnostic: () => undefined });
      shutDownAfterTest(client);

      expect(() => client.onReprocess(() => undefined, { concurrency: 0 })).toThrow('onReprocess() option "concurrency" must be a whole number from 1 to 100; got 0.');
      expect(() => client.onReprocess(() => undefined, { automations: [] })).toThrow(RoundhouseConfigError);
      expect(() => client.onReprocess(undefined as never)).toThrow(/"handler"/);
      await client.shutdown();
      expect(() => client.onReprocess(() => undefined)).toThrow(/after shutdown/);
      expect(api.commands.claims).toEqual([]);
    });
  });
});
