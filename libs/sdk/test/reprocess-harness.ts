import { randomUUID } from 'node:crypto';
import type { ReprocessCommandV1 } from '@roundhouse/contracts';
import { unrefSleep, type RoundhouseClientOptions } from '../src/client-options.js';
import type { DiagnosticCode, RoundhouseDiagnostic } from '../src/diagnostics.js';
import type { ReprocessOptions } from '../src/reprocess-options.js';
import type { ReprocessPuller } from '../src/reprocess-puller.js';
import type { RoundhouseClient } from '../src/roundhouse-client.js';
import { AUTOMATION, harness } from './client-harness.js';

/** What the puller's specs share, beside client-harness.ts (call its useFakeIngestApi() first). */

export const SOURCE = { kind: 'rabbitmq', queue: 'invoices.generate.dlq', exchange: 'finance', routingKey: 'deal.closed_won' } as const;

/** A reprocess command as the api sends it; each gets its own reprocessId. */
export function commandOf(overrides: Partial<ReprocessCommandV1> = {}): ReprocessCommandV1 {
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
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

export interface PullerHarness {
  client: RoundhouseClient;
  puller: ReprocessPuller;
  /** reprocessIds in the order the handler got them. */
  handled: string[];
  /** Every wait the client asked for (claims, backoff), in ms; waits longer than `sleepCapMs` are cut to it. */
  sleeps: number[];
  diagnostics: RoundhouseDiagnostic[];
  codes: () => DiagnosticCode[];
}

export interface PullerHarnessOptions {
  client?: Partial<RoundhouseClientOptions>;
  puller?: ReprocessOptions;
  /** What the handler does after recording the command, with the harness's client. Default: nothing. */
  handle?: (command: ReprocessCommandV1, client: RoundhouseClient) => unknown;
  /** Real waits are cut to this (default 20 ms); Infinity waits as asked. */
  sleepCapMs?: number;
}

/** A client of the fake api (client-harness's, on the real clock) pulling commands, polling every 20 ms; jitter draws 0.5; events are sent on flush() or shutdown(). */
export function pullerHarness(options: PullerHarnessOptions = {}): PullerHarness {
  const handled: string[] = [];
  const sleeps: number[] = [];
  const cap = options.sleepCapMs ?? 20;
  const { client, diagnostics, codes } = harness({
    clock: () => new Date(), // the real clock, as a runtime has it
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return unrefSleep(Math.min(ms, cap), signal);
    },
    ...options.client,
  });
  const puller = client.onReprocess(
    (command) => {
      handled.push(command.reprocessId);
      return options.handle?.(command, client);
    },
    { pollIntervalMs: 20, ...options.puller },
  );
  return { client, puller, handled, sleeps, diagnostics, codes };
}
