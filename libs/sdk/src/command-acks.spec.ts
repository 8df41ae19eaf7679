import { describe, expect, it } from 'vitest';
import { api, useFakeIngestApi } from '../test/client-harness.js';
import { commandOf, pullerHarness } from '../test/reprocess-harness.js';
import { CommandAcks } from './command-acks.js';

useFakeIngestApi();

describe(CommandAcks.name, () => {
  it('hands a command offered again after its ack was lost to the handler again, with the same reprocessId (the runtime dedupes)', async () => {
    const command = commandOf();
    api.commands.offer(command);
    api.commands.planAcks({ dropConnection: true, expireLeases: true }); // the ack is lost and the lease runs out
    const { handled, codes } = pullerHarness();

    await expect.poll(() => api.commands.acknowledged.has(command.reprocessId)).toBe(true);
    expect(api.commands.claimed()).toEqual([command.reprocessId, command.reprocessId]);
    expect(handled).toEqual([command.reprocessId, command.reprocessId]);
    expect(codes()).toContain('reprocess_retry_scheduled');
  });

  it('retries an ack that failed until it goes through', async () => {
    const command = commandOf();
    api.commands.offer(command);
    api.commands.planAcks({ status: 502 }, { status: 429, retryAfter: '1' });
    const { handled, diagnostics } = pullerHarness();

    await expect.poll(() => api.commands.acknowledged.has(command.reprocessId)).toBe(true);
    expect(handled).toEqual([command.reprocessId]);
    expect(api.commands.acks.map((ack) => ack.answer)).toEqual([502, 429, 200]);
    expect(diagnostics.map((d) => (d.code === 'reprocess_retry_scheduled' ? `${d.request}:${d.delayMs}` : d.code))).toEqual(['ack:100', 'ack:1000']);
  });
});
