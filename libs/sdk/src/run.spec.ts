import { describe, expect, it } from 'vitest';
import { AUTOMATION, T0, api, harness, manualClock, receivedEvents, useFakeIngestApi } from '../test/client-harness.js';
import { Run } from './run.js';

useFakeIngestApi();

describe(Run.name, () => {
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
});
