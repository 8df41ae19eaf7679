import type { SdkEvent } from './attempt-batch.js';
import { retryDelay } from './backoff.js';
import type { ResolvedClientOptions } from './client-options.js';
import type { DeliveryCounters } from './client-stats.js';
import { describeEvent, detailOf, type DiagnosedEvent, type DiagnosticHandler, type RoundhouseDiagnostic } from './diagnostics.js';
import { reportedIn, type Pending } from './event-queue.js';
import { encodeBatch, fitsIngestLimits, sendBatch, type EncodedBatch, type IngestRequest, type SendOutcome } from './ingest-transport.js';

/** Why a batch came back undelivered: retries exhausted, or none of that (shutdown deadline). */
export interface GiveUp {
  attempts: number;
  status?: number;
  error: string;
}

/** `settled`: the client is done with these events (delivered or dropped). Otherwise they go back to the buffer. */
export type Delivery = { settled: true } | { settled: false; undelivered: Pending[]; giveUp?: GiveUp };

const SETTLED: Delivery = { settled: true };

/** What a delivery needs of its client. */
export interface DeliveryContext {
  options: ResolvedClientOptions;
  counters: DeliveryCounters;
  diagnose: DiagnosticHandler;
  /** Aborted at the shutdown deadline: the request in flight and any backoff wait stop at once. */
  deadline: AbortSignal;
}

/**
 * Delivers one batch of queued events to `POST /ingest/v2/events`: splits it while it is over the
 * protocol's size limits (or the api answers 413), retries what is worth retrying with exponential
 * backoff and full jitter (Retry-After honoured) up to `retry.maxAttempts`, drops what a retry cannot
 * fix, and counts the api's answer for each event. The README states the retry policy.
 */
export class BatchDelivery {
  readonly #options: ResolvedClientOptions;
  readonly #counters: DeliveryCounters;
  readonly #diagnose: DiagnosticHandler;
  readonly #deadline: AbortSignal;
  readonly #request: IngestRequest;

  constructor({ options, counters, diagnose, deadline }: DeliveryContext) {
    this.#options = options;
    this.#counters = counters;
    this.#diagnose = diagnose;
    this.#deadline = deadline;
    this.#request = { endpoint: options.endpoint, token: options.token, fetch: options.fetch, timeoutMs: options.requestTimeoutMs, signal: deadline, now: options.clock };
  }

  /** Delivers `batch`, splitting it while it is over the protocol's size limits. */
  async deliver(batch: Pending[]): Promise<Delivery> {
    const encoded = await encodeBatch(
      batch.map((pending) => pending.event),
      this.#options.gzip,
    );
    if (fitsIngestLimits(encoded)) {
      return this.#sendWithRetries(batch, encoded);
    }
    if (batch.length === 1) {
      this.#dropTooLarge(batch, encoded.body.byteLength);
      return SETTLED;
    }
    return this.#deliverHalves(batch);
  }

  async #deliverHalves(batch: Pending[]): Promise<Delivery> {
    const middle = Math.ceil(batch.length / 2);
    const first = await this.deliver(batch.slice(0, middle));
    if (!first.settled) {
      return { ...first, undelivered: [...first.undelivered, ...batch.slice(middle)] };
    }
    return this.deliver(batch.slice(middle));
  }

  async #sendWithRetries(batch: Pending[], encoded: EncodedBatch): Promise<Delivery> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.#deadline.aborted) {
        return { settled: false, undelivered: batch };
      }
      const outcome = await sendBatch(encoded, this.#request);
      switch (outcome.kind) {
        case 'delivered':
          this.#recordDelivery(batch, outcome);
          return SETTLED;
        case 'too_large':
          return this.#splitAfter413(batch, outcome.detail);
        case 'unauthorized':
          this.#dropBatch(batch, {
            code: 'unauthorized',
            level: 'error',
            message: `the api refused the runtime token (401: missing, unknown, expired or revoked); ${reportedIn(batch)} events were dropped. Check the token the runtime was given.`,
            status: 401,
            events: reportedIn(batch),
            ...detailOf(outcome.detail),
          });
          return SETTLED;
        case 'rejected':
          this.#dropBatch(batch, {
            code: 'batch_rejected',
            level: 'error',
            message: `the api refused a batch with ${outcome.status}, which a retry cannot fix; ${reportedIn(batch)} events were dropped${outcome.detail === undefined ? '' : `: ${outcome.detail}`}.`,
            status: outcome.status,
            events: reportedIn(batch),
            ...detailOf(outcome.detail),
          });
          return SETTLED;
        case 'retryable':
          if (attempt >= this.#options.retry.maxAttempts || this.#deadline.aborted) {
            const giveUp = { attempts: attempt, error: outcome.error, ...(outcome.status === undefined ? {} : { status: outcome.status }) };
            return { settled: false, undelivered: batch, ...(this.#deadline.aborted ? {} : { giveUp }) };
          }
          await this.#backOff(attempt, outcome, batch.length);
          break;
      }
    }
  }

  async #backOff(attempt: number, outcome: Extract<SendOutcome, { kind: 'retryable' }>, events: number): Promise<void> {
    const { retry } = this.#options;
    const delayMs = retryDelay(attempt, outcome.retryAfterMs, retry, this.#options.random);
    this.#counters.retries += 1;
    this.#diagnose({
      code: 'retry_scheduled',
      level: 'info',
      message: `sending ${events} events failed (${outcome.error}); attempt ${attempt + 1} of ${retry.maxAttempts} in ${delayMs} ms.`,
      attempt: attempt + 1,
      delayMs,
      events,
      error: outcome.error,
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
    });
    await this.#options.sleep(delayMs, this.#deadline);
  }

  async #splitAfter413(batch: Pending[], detail: string | undefined): Promise<Delivery> {
    if (batch.length === 1) {
      this.#dropTooLarge(batch, undefined, detail);
      return SETTLED;
    }
    this.#diagnose({
      code: 'batch_split',
      level: 'debug',
      message: `the api found a batch of ${batch.length} events too large (413); sending it in two halves.`,
      events: batch.length,
      status: 413,
      ...detailOf(detail),
    });
    return this.#deliverHalves(batch);
  }

  #dropTooLarge(batch: readonly Pending[], bytes: number | undefined, detail?: string): void {
    const [pending] = batch;
    if (pending === undefined) {
      return;
    }
    this.#counters.dropped += pending.reported;
    this.#diagnose({
      code: 'event_too_large',
      level: 'error',
      message: `a ${pending.event.type} event of ${pending.event.automation} is too large for one request${detail === undefined ? '' : ` (${detail})`}; it was dropped.`,
      ...describeEvent(pending.event),
      ...(bytes === undefined ? {} : { bytes }),
    });
  }

  #dropBatch(batch: readonly Pending[], diagnostic: RoundhouseDiagnostic): void {
    this.#counters.dropped += reportedIn(batch);
    this.#counters.failedBatches += 1;
    this.#diagnose(diagnostic);
  }

  /** Counts what the api answered for each event of a delivered batch. */
  #recordDelivery(batch: readonly Pending[], outcome: Extract<SendOutcome, { kind: 'delivered' }>): void {
    this.#counters.sent += reportedIn(batch);
    const { response } = outcome;
    if (response === undefined || response.results.length !== batch.length) {
      const what = response === undefined ? 'a body that is not an ingest response' : `${response.results.length} readable results for ${batch.length} events`;
      this.#diagnose({
        code: 'unexpected_response',
        level: 'warn',
        message: `the api answered ${outcome.status} with ${what}; the batch counts as sent.`,
        status: outcome.status,
        ...detailOf(outcome.detail),
      });
    }
    for (const result of response?.results ?? []) {
      const pending = batch[result.index];
      const reported = pending?.reported ?? 1;
      switch (result.outcome) {
        case 'accepted':
          this.#counters.accepted += reported;
          break;
        case 'duplicate':
          this.#counters.duplicates += reported;
          break;
        case 'quarantined':
        case 'forbidden':
          this.#countRefused(result.outcome, pending?.event, reported, result.reason);
          break;
      }
    }
  }

  #countRefused(outcome: 'quarantined' | 'forbidden', event: SdkEvent | undefined, reported: number, reason = 'no reason given'): void {
    const about: DiagnosedEvent = event === undefined ? { eventId: 'unknown', eventType: 'unknown', automation: 'unknown' } : describeEvent(event);
    if (outcome === 'quarantined') {
      this.#counters.quarantined += reported;
      this.#diagnose({
        code: 'event_quarantined',
        level: 'warn',
        message: `the api quarantined a ${about.eventType} event of ${about.automation} (${about.eventId}): ${reason}`,
        ...about,
        reason,
      });
    } else {
      this.#counters.forbidden += reported;
      this.#diagnose({
        code: 'event_forbidden',
        level: 'warn',
        message: `the token does not cover a ${about.eventType} event of ${about.automation} (${about.eventId}); not stored: ${reason}`,
        ...about,
        reason,
      });
    }
  }
}
