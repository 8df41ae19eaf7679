import { ingestEventV2, type IngestEventV2, type ReprocessCommandV1 } from '@roundhouse/contracts';
import { RoundhouseClient } from '@roundhouse/sdk';
import { describe, expect, it } from 'vitest';
import { PROFILES, profileOf } from './profiles.js';
import { seeded } from './random.js';
import { DemoReprocessor, FAIL_AGAIN_SHARE, HandledReprocesses, MAX_REPROCESS_MS, planReprocess, reprocessRunId } from './reprocess.js';

const SLUGS = [...Object.keys(PROFILES), 'an-automation-without-a-profile'];

function commandOf(overrides: Partial<ReprocessCommandV1> = {}): ReprocessCommandV1 {
  return {
    reprocessId: '0193a6f2-6d1c-4c3e-9b8a-3f1d2c4b5a69',
    requestId: 'rq-0042',
    automation: 'invoice-generation',
    deadLetterId: 'dl-0042',
    messageId: 'invoice-generation-m3x1-4f2a',
    issuedAt: '2026-11-27T08:00:00.000Z',
    source: { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' },
    body: { base64: Buffer.from('{"dealId":"deal-48213","account":"Northwind GmbH"}').toString('base64'), contentType: 'application/json' },
    payload: { dealId: 'deal-48213', account: 'Northwind GmbH' },
    headers: { 'content-type': 'application/json', 'message-id': 'invoice-generation-m3x1-4f2a' },
    correlationId: 'deal-48213',
    ...overrides,
  };
}

/** A real SDK client whose requests are caught instead of sent: the events the demo reports, as the api would get them. */
function capturingClient(): { client: RoundhouseClient; events: () => IngestEventV2[] } {
  const bodies: string[] = [];
  const client = new RoundhouseClient({
    url: 'http://roundhouse.test',
    token: 'rh_rt_demo-test',
    gzip: false,
    flushIntervalMs: 3_600_000,
    onDiagnostic: () => undefined,
    fetch: (_input, init) => {
      const body = init?.body;
      if (!(body instanceof Uint8Array)) {
        throw new TypeError('the SDK sends its batches as bytes');
      }
      bodies.push(Buffer.from(body).toString('utf8'));
      return Promise.resolve(new Response(JSON.stringify({ accepted: 0, duplicates: 0, quarantined: 0, forbidden: 0, results: [] }), { status: 200 }));
    },
  });
  return { client, events: () => bodies.flatMap((body) => JSON.parse(body) as unknown[]).map((event) => ingestEventV2.parse(event)) };
}

describe(planReprocess.name, () => {
  it.each(SLUGS)('mostly succeeds for %s, within the lease, and fails again about one time in ten', (slug) => {
    const random = seeded(42);
    const plans = Array.from({ length: 3_000 }, () => planReprocess(profileOf(slug), random));
    const failedAgain = plans.filter((plan) => plan.result === 'failed_again');

    expect(failedAgain.length / plans.length).toBeGreaterThan(FAIL_AGAIN_SHARE - 0.03);
    expect(failedAgain.length / plans.length).toBeLessThan(FAIL_AGAIN_SHARE + 0.03);
    for (const plan of plans) {
      expect(plan.durationMs).toBeGreaterThan(0);
      expect(plan.durationMs).toBeLessThanOrEqual(MAX_REPROCESS_MS);
      expect(plan.error !== undefined).toBe(plan.result === 'failed_again');
    }
    expect(new Set(failedAgain.map((plan) => plan.error?.name))).toEqual(new Set(['TimeoutError', 'ValidationError']));
  });

  it('takes about as long as a run of the automation', () => {
    const random = seeded(5);
    const profile = profileOf('crm-enrichment');
    const durations = Array.from({ length: 2_000 }, () => planReprocess(profile, random, 0).durationMs).sort((a, b) => a - b);

    const median = durations[durations.length / 2] ?? 0;
    expect(median).toBeGreaterThan(profile.medianMs * 0.8);
    expect(median).toBeLessThan(profile.medianMs * 1.25);
  });
});

describe(HandledReprocesses.name, () => {
  it('remembers the latest reprocessIds and forgets the oldest beyond its capacity', () => {
    const handled = new HandledReprocesses(3);
    ['a', 'b', 'c', 'a', 'd'].forEach((id) => handled.remember(id));

    expect(handled.size).toBe(3);
    expect(['a', 'b', 'c', 'd'].filter((id) => handled.has(id))).toEqual(['a', 'c', 'd']); // "a" was seen again, so "b" was the oldest
  });
});

describe(DemoReprocessor.name, () => {
  it('runs the automation again under a run with the reprocessId and the command’s correlation id, and hands the transaction on', async () => {
    const { client, events } = capturingClient();
    const handedOn: string[] = [];
    const waits: number[] = [];
    const reprocessor = new DemoReprocessor({
      random: seeded(9),
      failAgainShare: 0,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      onSucceeded: (slug, correlationId) => handedOn.push(`${slug}:${correlationId}`),
    });
    const command = commandOf();

    await reprocessor.handle(client, command);
    await client.shutdown();

    expect(events().map((event) => event.type)).toEqual(['run']); // the attempt's start and end, joined in one event (ingest-event.v2)
    expect(events()[0]).toMatchObject({
      outcome: 'succeeded',
      automation: 'invoice-generation',
      runId: reprocessRunId(command),
      reprocessId: command.reprocessId,
      correlationId: 'deal-48213',
    });
    expect(waits).toHaveLength(1);
    expect(handedOn).toEqual(['invoice-generation:deal-48213']);
  });

  it('dead-letters a message that failed again as the same message, with the reprocessId', async () => {
    const { client, events } = capturingClient();
    const reprocessor = new DemoReprocessor({ random: seeded(9), failAgainShare: 1, sleep: () => Promise.resolve() });
    const command = commandOf();

    await reprocessor.handle(client, command);
    await client.shutdown();

    const [failed, deadLetter] = events();
    expect(failed).toMatchObject({ type: 'run', outcome: 'dead_lettered', reprocessId: command.reprocessId });
    expect(deadLetter).toMatchObject({
      type: 'dead_letter',
      reprocessId: command.reprocessId,
      messageId: command.messageId,
      source: command.source,
      body: command.body,
      headers: command.headers,
      correlationId: 'deal-48213',
    });
  });

  it('skips a command offered again with a reprocessId it handled (its ack was lost)', async () => {
    const { client, events } = capturingClient();
    const reprocessor = new DemoReprocessor({ random: seeded(9), sleep: () => Promise.resolve() });

    await reprocessor.handle(client, commandOf());
    await reprocessor.handle(client, commandOf());
    await client.shutdown();

    expect(events().filter((event) => event.type === 'run')).toHaveLength(1);
  });
});
