import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { ingestEventV2, type IngestEventV2, type ReprocessCommandV1 } from '@roundhouse/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeIngestApi } from '../test/fake-ingest-api.js';
import { RoundhouseConfigError, unrefSleep, type RoundhouseClientOptions } from './client-options.js';
import type { DiagnosticCode, RoundhouseDiagnostic } from './diagnostics.js';
import { RoundhouseClient } from './roundhouse-client.js';
import { ReprocessPuller, type ReprocessOptions } from './reprocess-puller.js';

const TOKEN = 'rh_rt_sdk-test-4b1d2c9e7f';
const AUTOMATION = 'invoice-generation';
const SOURCE = { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' } as const;

/** A reprocess command as the api sends it; each gets its own reprocessId. */
function commandOf(overrides: Partial<ReprocessCommandV1> = {}): ReprocessCommandV1 {
  return {
    reprocessId: randomUUID(),
    requestId: 'rq-0042',
    automation: AUTOMATION,
    deadLetterId: 'dl-0042',
    messageId: 'amqp-msg-0042',
    issuedAt: '2026-11-27T08:00:00.000Z',
    source: SOURCE,
    payload: { dealId: 'deal-4711', amount: { value: 1290.5, currency: 'EUR' } },
    body: { base64: Buffer.from(JSON.stringify({ dealId: 'deal-4711', amount: { value: 1290.5, currency: 'EUR' } })).toString('base64'), contentType: 'application/json' },
    headers: { 'content-type': 'application/json', 'x-roundhouse-reprocess-id': 'set-by-the-broker' },
    correlationId: 'deal-4711',
    ...overrides,
  };
}

/** A promise the test settles by hand: a handler that is still working. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

interface Harness {
  client: RoundhouseClient;
  puller: ReprocessPuller;
  /** reprocessIds in the order the handler got them. */
  handled: string[];
  /** Every wait the client asked for (claims, backoff), in ms; waits longer than `sleepCapMs` are cut to it. */
  sleeps: number[];
  diagnostics: RoundhouseDiagnostic[];
  codes: () => DiagnosticCode[];
}

interface HarnessOptions {
  client?: Partial<RoundhouseClientOptions>;
  puller?: ReprocessOptions;
  /** What the handler does after recording the command, with the harness's client. Default: nothing. */
  handle?: (command: ReprocessCommandV1, client: RoundhouseClient) => unknown;
  /** Real waits are cut to this (default 20 ms); Infinity waits as asked. */
  sleepCapMs?: number;
}

let api: FakeIngestApi;
const clients: RoundhouseClient[] = [];

beforeEach(async () => {
  api = await FakeIngestApi.start({ token: TOKEN });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.shutdown()));
  await api.close();
});

/** A client of the fake api pulling commands, polling every 20 ms; jitter draws 0.5; events are sent on flush() or shutdown(). */
function harness(options: HarnessOptions = {}): Harness {
  const handled: string[] = [];
  const sleeps: number[] = [];
  const diagnostics: RoundhouseDiagnostic[] = [];
  const cap = options.sleepCapMs ?? 20;
  const client = new RoundhouseClient({
    url: api.url,
    token: TOKEN,
    flushIntervalMs: 3_600_000,
    random: () => 0.5,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return unrefSleep(Math.min(ms, cap), signal);
    },
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
    ...options.client,
  });
  clients.push(client);
  const puller = client.onReprocess(
    (command) => {
      handled.push(command.reprocessId);
      return options.handle?.(command, client);
    },
    { pollIntervalMs: 20, ...options.puller },
  );
  return { client, puller, handled, sleeps, diagnostics, codes: () => diagnostics.map((d) => d.code) };
}

/** Every event the api stored, checked against the contract. */
function storedEvents(): IngestEventV2[] {
  return api.storedEvents().map((event) => ingestEventV2.parse(event));
}

describe(ReprocessPuller.name, () => {
  describe('claiming and acknowledging', () => {
    it('hands each claimed command to the handler and acknowledges it once its handler settled', async () => {
      const slow = deferred();
      const [first, second, third] = [commandOf(), commandOf(), commandOf()];
      api.commands.offer(first, second, third);
      const { handled, puller } = harness({ handle: (command) => (command.reprocessId === second.reprocessId ? slow.promise : undefined) });

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
      const { handled, diagnostics, puller } = harness({
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

    it('hands a command offered again after its ack was lost to the handler again, with the same reprocessId (the runtime dedupes)', async () => {
      const command = commandOf();
      api.commands.offer(command);
      api.commands.planAcks({ dropConnection: true, expireLeases: true }); // the ack is lost and the lease runs out
      const { handled, codes } = harness();

      await expect.poll(() => api.commands.acknowledged.has(command.reprocessId)).toBe(true);
      expect(api.commands.claimed()).toEqual([command.reprocessId, command.reprocessId]);
      expect(handled).toEqual([command.reprocessId, command.reprocessId]);
      expect(codes()).toContain('reprocess_retry_scheduled');
    });

    it('claims again at once after a full batch, and waits pollIntervalMs after one that was not', async () => {
      const commands = Array.from({ length: 5 }, () => commandOf());
      api.commands.offer(...commands);
      const { handled, sleeps } = harness({ puller: { concurrency: 2, pollIntervalMs: 60_000 }, sleepCapMs: Infinity });

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
      const { handled } = harness({
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
      const { handled } = harness({ puller: { automations: [AUTOMATION] } });

      await expect.poll(() => handled).toEqual([mine.reprocessId]);
      expect(api.commands.claims[0]?.body).toEqual({ max: 4, automations: [AUTOMATION] });
      expect(api.commands.waiting).toBe(1);
    });
  });

  describe('invalid commands', () => {
    it('acknowledges a command that fails the contract and never hands it to the handler', async () => {
      const valid = commandOf();
      const wrongSlug = commandOf({ automation: 'Invoice Generation' });
      api.commands.offer(wrongSlug, { messageId: 'no-reprocess-id' }, valid);
      const { handled, diagnostics, puller } = harness();

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

  describe('failures', () => {
    it('backs off on 503 and dropped connections, honouring Retry-After, and then claims', async () => {
      const command = commandOf();
      api.commands.offer(command);
      api.commands.planClaims({ status: 503, retryAfter: '2' }, { dropConnection: true }, { status: 500 });
      const { handled, diagnostics } = harness();

      await expect.poll(() => handled).toEqual([command.reprocessId]);
      expect(api.commands.claims.map((claim) => claim.answer).slice(0, 4)).toEqual([503, 'dropped', 500, 200]);
      // Retry-After: 2 s; then random 0.5 of the ceilings 400 and 800 (base 200, doubling per retry).
      expect(diagnostics.map((d) => (d.code === 'reprocess_retry_scheduled' ? `${d.request}:${d.attempt}:${d.delayMs}` : d.code))).toEqual([
        'claim:2:2000',
        'claim:3:200',
        'claim:4:400',
      ]);
    });

    it('retries an ack that failed until it goes through', async () => {
      const command = commandOf();
      api.commands.offer(command);
      api.commands.planAcks({ status: 502 }, { status: 429, retryAfter: '1' });
      const { handled, diagnostics } = harness();

      await expect.poll(() => api.commands.acknowledged.has(command.reprocessId)).toBe(true);
      expect(handled).toEqual([command.reprocessId]);
      expect(api.commands.acks.map((ack) => ack.answer)).toEqual([502, 429, 200]);
      expect(diagnostics.map((d) => (d.code === 'reprocess_retry_scheduled' ? `${d.request}:${d.delayMs}` : d.code))).toEqual(['ack:100', 'ack:1000']);
    });

    it('stops claiming on 401 with a diagnostic that does not reveal the token', async () => {
      api.commands.offer(commandOf());
      const { puller, diagnostics, handled } = harness({ client: { token: 'rh_rt_revoked-0000' } });

      await expect.poll(() => puller.claiming).toBe(false);
      await delay(80);
      expect(api.commands.claims.map((claim) => claim.answer)).toEqual([401]);
      expect(handled).toEqual([]);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'reprocess_unauthorized', level: 'error', request: 'claim', status: 401 })]);
      expect(JSON.stringify(diagnostics)).not.toContain('rh_rt_revoked-0000');
    });

    it('keeps claiming slowly on 403 (a capability can be granted while the runtime runs), diagnosed once, and says when it works again', async () => {
      api.commands.forbidden = true;
      const { handled, diagnostics, sleeps } = harness({ client: { retry: { maxDelayMs: 1_000 } } });

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

  describe('stopping', () => {
    it('shutdown() stops claiming, waits for running handlers, acknowledges them, then delivers their runs', async () => {
      const work = deferred();
      const command = commandOf();
      api.commands.offer(command);
      const h = harness({ handle: (c, client) => client.trackReprocess(c, () => work.promise) });
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
      const { client, handled, diagnostics } = harness({ client: { shutdownTimeoutMs: 100 }, handle: () => new Promise(() => undefined) });
      await expect.poll(() => handled).toHaveLength(1);

      await client.shutdown();

      expect(api.commands.acks).toEqual([]);
      expect(diagnostics).toEqual([expect.objectContaining({ code: 'reprocess_stop_incomplete', level: 'error', running: 1, unacknowledged: 0 })]);
    });

    it('stop() ends one puller; the client goes on reporting', async () => {
      const { client, puller } = harness();
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

  describe('trackReprocess', () => {
    it('reports a reprocess that failed again: a run dead_lettered and the same message as a dead letter with the reprocessId', async () => {
      const command = commandOf();
      api.commands.offer(command);
      const h = harness({
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

  describe('options', () => {
    it('refuses a wrong option with an error that names it, and a closed client', async () => {
      const client = new RoundhouseClient({ url: api.url, token: TOKEN, onDiagnostic: () => undefined });
      clients.push(client);

      expect(() => client.onReprocess(() => undefined, { concurrency: 0 })).toThrow('onReprocess() option "concurrency" must be a whole number from 1 to 100; got 0.');
      expect(() => client.onReprocess(() => undefined, { automations: [] })).toThrow(RoundhouseConfigError);
      expect(() => client.onReprocess(undefined as never)).toThrow(/"handler"/);
      await client.shutdown();
      expect(() => client.onReprocess(() => undefined)).toThrow(/after shutdown/);
      expect(api.commands.claims).toEqual([]);
    });
  });
});
