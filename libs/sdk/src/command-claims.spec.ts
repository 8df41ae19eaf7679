import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AUTOMATION, api, useFakeIngestApi } from '../test/client-harness.js';
import { commandOf, deferred, pullerHarness } from '../test/reprocess-harness.js';
import { CommandClaims } from './command-claims.js';

useFakeIngestApi();

describe(CommandClaims.name, () => {
  describe('claiming', () => {
    it('claims again at once after a full batch, and waits pollIntervalMs after one that was not', async () => {
      const commands = Array.from({ length: 5 }, () => commandOf());
      api.commands.offer(...commands);
      const { handled, sleeps } = pullerHarness({ puller: { concurrency: 2, pollIntervalMs: 60_000 }, sleepCapMs: Infinity });

      // Were any claim followed by the 60 s wait before all five were handled, this would time out.
      await expect.poll(() => handled).toHaveLength(5);
      await expect.poll(() => sleeps).toEqual([60_000]);
      const claims = api.commands.claims;
      const [last] = claims.slice(-1);
      for (const claim of claims.slice(0, -1)) {
        expect(claim.reprocessIds).toHaveLength((claim.body as { max: number }).max); // each one full…
      }
      expect(last?.reprocessIds.length).toBeLessThan((last?.body as { max: number }).max); // …but the last
      expect(api.commands.claimed().sort()).toEqual(commands.map((c) => c.reprocessId).sort());
    });

    it('runs at most `concurrency` handlers at once and never claims more commands than it has free slots for', async () => {
      const release = deferred();
      let running = 0;
      let most = 0;
      api.commands.offer(...Array.from({ length: 7 }, () => commandOf()));
      const { handled } = pullerHarness({
        puller: { concurrency: 3 },
        handle: async () => {
          running += 1;
          most = Math.max(most, running);
          await release.promise;
          running -= 1;
        },
      });

      await expect.poll(() => running).toBe(3);
      await delay(60);
      expect(api.commands.waiting).toBe(4); // left at the api, not leased and waiting here
      release.resolve();

      await expect.poll(() => api.commands.acknowledged.size).toBe(7);
      expect(handled).toHaveLength(7);
      expect(most).toBe(3);
      expect(api.commands.claims.every((claim) => (claim.body as { max: number }).max <= 3)).toBe(true);
    });

    it('claims only the automations it is given', async () => {
      const mine = commandOf();
      api.commands.offer(commandOf({ automation: 'payout-reconciliation' }), mine);
      const { handled } = pullerHarness({ puller: { automations: [AUTOMATION] } });

      await expect.poll(() => handled).toEqual([mine.reprocessId]);
      expect(api.commands.claims[0]?.body).toEqual({ max: 4, automations: [AUTOMATION] });
      expect(api.commands.waiting).toBe(1);
    });
  });

  describe('failures', () => {
    it('backs off on 503 and dropped connections, honouring Retry-After, and then claims', async () => {
      const command = commandOf();
      api.commands.offer(command);
      api.commands.planClaims({ status: 503, retryAfter: '2' }, { dropConnection: true }, { status: 500 });
      const { handled, diagnostics } = pullerHarness();

      await expect.poll(() => handled).toEqual([command.reprocessId]);
      expect(api.commands.claims.map((claim) => claim.answer).slice(0, 4)).toEqual([503, 'dropped', 500, 200]);
      // Retry-After: 2 s; then random 0.5 of the ceilings 400 and 800 (base 200, doubling per retry).
      expect(diagnostics.map((d) => (d.code === 'reprocess_retry_scheduled' ? `${d.request}:${d.attempt}:${d.delayMs}` : d.code))).toEqual([
        'claim:2:2000',
        'claim:3:200',
        'claim:4:400',
      ]);
    });

    it('stops claiming on 401 with a diagnostic that does not reveal the token', async () => {
      api.commands.offer(commandOf());
      const { puller, diagnostics, handled } = pullerHarness({ client: { token: 'rh_rt_revoked-0000' } });

      await expect.poll(() => puller.claiming).toBe(false);
      await delay(80);
      expect(api.commands.claims.map((claim) => claim.answer)).toEqual([401]);
      expect(handled).toEqual([]);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'reprocess_unauthorized', level: 'error', request: 'claim', status: 401 })]);
      expect(JSON.stringify(diagnostics)).not.toContain('rh_rt_revoked-0000');
    });

    it('keeps claiming slowly on 403 (a capability can be granted while the runtime runs), diagnosed once, and says when it works again', async () => {
      api.commands.forbidden = true;
      const { handled, diagnostics, sleeps } = pullerHarness({ client: { retry: { maxDelayMs: 1_000 } } });

      await expect.poll(() => api.commands.claims.length).toBeGreaterThanOrEqual(3);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'reprocess_forbidden', level: 'error', request: 'claim', status: 403, retryInMs: 1_000 })]);
      expect(new Set(sleeps)).toEqual(new Set([1_000]));

      const command = commandOf();
      api.commands.offer(command);
      api.commands.forbidden = false;
      await expect.poll(() => handled).toEqual([command.reprocessId]);
      expect(diagnostics.map((d) => d.code)).toEqual(['reprocess_forbidden', 'reprocess_resumed']);
    });
  });
});
