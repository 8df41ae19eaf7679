import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AUTOMATION, api, useFakeIngestApi } from '../test/client-harness.js';
import { commandOf, deferred, pullerHarness } from '../test/reprocess-harness.js';
import { CommandHandlers } from './command-handlers.js';

useFakeIngestApi();

describe(CommandHandlers.name, () => {
  describe('handling', () => {
    it('hands each claimed command to the handler and acknowledges it once its handler settled', async () => {
      const slow = deferred();
      const [first, second, third] = [commandOf(), commandOf(), commandOf()];
      api.commands.offer(first, second, third);
      const { handled, puller } = pullerHarness({ handle: (command) => (command.reprocessId === second.reprocessId ? slow.promise : undefined) });

      await expect.poll(() => [...api.commands.acknowledged].sort()).toEqual([first.reprocessId, third.reprocessId].sort());
      expect(handled).toEqual([first.reprocessId, second.reprocessId, third.reprocessId]);
      await expect.poll(() => puller.stats()).toMatchObject({ running: 1, handled: 2 });

      slow.resolve();
      await expect.poll(() => api.commands.acknowledged.has(second.reprocessId)).toBe(true);
      expect(api.commands.claims[0]?.body).toEqual({ max: 4 });
      await expect.poll(() => puller.stats()).toMatchObject({ received: 3, handled: 3, failed: 0, invalid: 0, acknowledged: 3, running: 0, awaitingAck: 0 });
    });

    it('acknowledges a command whose handler threw, says so in a diagnostic, and does not hand it out again', async () => {
      const poison = commandOf();
      api.commands.offer(poison);
      const { handled, diagnostics, puller } = pullerHarness({
        handle: () => {
          throw new TypeError('amount.value is not a number');
        },
      });

      await expect.poll(() => api.commands.acknowledged.has(poison.reprocessId)).toBe(true);
      await delay(60); // a few more polls
      expect(handled).toEqual([poison.reprocessId]);
      expect(diagnostics).toEqual([
        expect.objectContaining({
          code: 'reprocess_handler_failed',
          level: 'warn',
          reprocessId: poison.reprocessId,
          automation: AUTOMATION,
          error: 'TypeError: amount.value is not a number',
        }),
      ]);
      await expect.poll(() => puller.stats()).toMatchObject({ handled: 0, failed: 1, acknowledged: 1 });
    });
  });

  describe('invalid commands', () => {
    it('acknowledges a command that fails the contract and never hands it to the handler', async () => {
      const valid = commandOf();
      const wrongSlug = commandOf({ automation: 'Invoice Generation' });
      api.commands.offer(wrongSlug, { messageId: 'no-reprocess-id' }, valid);
      const { handled, diagnostics, puller } = pullerHarness();

      await expect.poll(() => [...api.commands.acknowledged].sort()).toEqual([wrongSlug.reprocessId, valid.reprocessId].sort());
      expect(handled).toEqual([valid.reprocessId]);
      const invalid = diagnostics.filter((d) => d.code === 'reprocess_command_invalid');
      expect(invalid).toEqual([
        expect.objectContaining({
          level: 'warn',
          reprocessId: wrongSlug.reprocessId,
          automation: 'Invoice Generation',
          acknowledged: true,
          issues: expect.stringMatching(/^automation: /) as string,
        }),
        expect.objectContaining({ acknowledged: false, issues: expect.stringContaining('reprocessId') as string }),
      ]);
      await expect.poll(() => puller.stats()).toMatchObject({ received: 3, invalid: 2, handled: 1, acknowledged: 2 });
    });
  });
});
