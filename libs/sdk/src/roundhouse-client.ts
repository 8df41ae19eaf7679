import { randomUUID } from 'node:crypto';
import type { IngestEventV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { AttemptBatch, type SdkEvent } from './attempt-batch.js';
import { backoffDelay } from './backoff.js';
import { resolveClientOptions, type ResolvedClientOptions, type RoundhouseClientOptions } from './client-options.js';
import type { DiagnosedEvent, RoundhouseDiagnostic } from './diagnostics.js';
import { EventBuffer } from './event-buffer.js';
import { encodeBatch, fitsIngestLimits, sendBatch, type EncodedBatch, type IngestRequest, type SendOutcome } from './ingest-transport.js';
import { deadLetterFields, type DeadLetterReport } from './dead-letter.js';
import { createResiliencePolicy, type ResilienceOptions, type ResiliencePolicy } from './resilience-policy.js';
import { reprocessDeadLetter, reprocessRunOptions } from './reprocess-command.js';
import { ReprocessPuller, type ReprocessHandler, type ReprocessOptions } from './reprocess-puller.js';
import { Run, describeError, type FailOptions, type RunFailureOutcome, type StartRunOptions } from './run.js';

/** Counters since the client was created (`queued` is the only gauge). */
export interface RoundhouseStats {
  /** Events held by the client right now: waiting in the buffer or in the request in flight. */
  queued: number;
  /** Events in requests the api answered with 2xx. */
  sent: number;
  /** Events the api stored. */
  accepted: number;
  /** Events the api had already stored under the same id (a resend after a timeout, say). */
  duplicates: number;
  /** Events the api kept in quarantine (invalid, or an unknown automation). */
  quarantined: number;
  /** Events the token does not cover; not stored. */
  forbidden: number;
  /** Events the client gave up on: buffer overflow, 400/401/other 4xx, too large for a request, left over at shutdown, reported after shutdown. */
  dropped: number;
  /** Requests sent again after a retryable failure. */
  retries: number;
  /** Batches that failed for good: retries exhausted, or refused with 400/401/other 4xx. */
  failedBatches: number;
}

export interface TrackOptions extends StartRunOptions {
  /** The outcome reported when the function throws (and did not end the run itself). Default `failed`. */
  failureOutcome?: RunFailureOutcome;
}

/** One queued event and its place in the order of reporting; `reported`: the reported events it stands for (2 for an attempt's start and end joined). */
interface Pending {
  seq: number;
  event: SdkEvent;
  reported: number;
}

/** Reported events in `items`. */
function reportedIn(items: readonly Pending[]): number {
  return items.reduce((sum, item) => sum + item.reported, 0);
}

/** Why a batch came back undelivered: retries exhausted, or none of that (shutdown deadline). */
interface GiveUp {
  attempts: number;
  status?: number;
  error: string;
}

/** `settled`: the client is done with these events (delivered or dropped). Otherwise they go back to the buffer. */
type Delivery = { settled: true } | { settled: false; undelivered: Pending[]; giveUp?: GiveUp };

const SETTLED: Delivery = { settled: true };

type Counter = Exclude<keyof RoundhouseStats, 'queued'>;

/**
 * Reports runs, KPI measurements, heartbeats, resilience signals and dead letters of one runtime to Roundhouse.
 *
 * Reporting (`startRun`, `run.succeed`, `measure`, …) only puts an event into a bounded buffer:
 * it never blocks, never throws and never does network work in the caller's path. A single sender
 * posts the buffer in batches to `POST /ingest/v2/events`, one request at a time, retrying with
 * exponential backoff and full jitter. An attempt that starts and ends before its events go out is
 * sent as one `run` event (start and end joined, see AttemptBatch). Problems surface through `onDiagnostic` and `stats()`.
 * The README states the batching, retry and overflow policies.
 */
export class RoundhouseClient {
  readonly #options: ResolvedClientOptions;
  readonly #request: IngestRequest;
  readonly #buffer: EventBuffer<Pending>;
  readonly #counters: Record<Counter, number> = { sent: 0, accepted: 0, duplicates: 0, quarantined: 0, forbidden: 0, dropped: 0, retries: 0, failedBatches: 0 };
  /** Aborted at the shutdown deadline: the request in flight and any backoff wait stop at once. */
  readonly #deadline = new AbortController();
  /** The sequence number of the last event queued. */
  #lastSeq = 0;
  /** Events up to this sequence number are due (the timer fired, flush() or shutdown() was called). */
  #dueSeq = 0;
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined;
  /** After a batch gave up: full batches wait for the timer (retry.maxDelayMs) instead of going out at once. */
  #coolingDown = false;
  #pumping: Promise<void> | undefined;
  #state: 'open' | 'draining' | 'closed' = 'open';
  #shutdown: Promise<void> | undefined;
  /** Events dropped in the current overflow episode; undefined outside one. */
  #overflowDropped: number | undefined;
  #closedNoticeGiven = false;
  #removeSignalHandlers: (() => void) | undefined;
  /** Reprocess-command pullers started with onReprocess(); shutdown() stops them first. */
  readonly #pullers = new Set<ReprocessPuller>();

  /** Checks the options and throws a RoundhouseConfigError naming a wrong one; nothing later throws. */
  constructor(options: RoundhouseClientOptions) {
    this.#options = resolveClientOptions(options);
    this.#buffer = new EventBuffer<Pending>(this.#options.maxBufferedEvents);
    this.#request = {
      endpoint: this.#options.endpoint,
      token: this.#options.token,
      fetch: this.#options.fetch,
      timeoutMs: this.#options.requestTimeoutMs,
      signal: this.#deadline.signal,
      now: this.#options.clock,
    };
  }

  /** Starts a run of `automation` (reports `run_started`); end it with `run.succeed()` or `run.fail(error)`. */
  startRun(automation: string, options: StartRunOptions = {}): Run {
    return new Run({ emit: (build) => this.#report(build), clock: this.#options.clock, diagnose: (d) => this.#diagnose(d) }, automation, options);
  }

  /**
   * Runs `fn` as one run of `automation`: succeeds the run when `fn` resolves, fails it (and rethrows)
   * when `fn` throws — unless `fn` ended the run itself. Resolves with what `fn` resolved with.
   */
  track<T>(automation: string, fn: (run: Run) => Promise<T> | T): Promise<T>;
  track<T>(automation: string, options: TrackOptions, fn: (run: Run) => Promise<T> | T): Promise<T>;
  async track<T>(automation: string, optionsOrFn: TrackOptions | ((run: Run) => Promise<T> | T), maybeFn?: (run: Run) => Promise<T> | T): Promise<T> {
    const options = typeof optionsOrFn === 'function' ? {} : optionsOrFn;
    const fn = typeof optionsOrFn === 'function' ? optionsOrFn : maybeFn;
    if (fn === undefined) {
      throw new TypeError('RoundhouseClient.track(automation, options, fn): fn is missing.');
    }
    return this.#tracked(this.startRun(automation, options), { outcome: options.failureOutcome ?? 'failed' }, fn);
  }

  /**
   * Handles a reprocess command as one run: `track()` with the command's automation, reprocessId
   * and correlationId. When `fn` throws, the run fails as `dead_lettered` with the command's
   * message as its dead letter (`reprocessDeadLetter(command)`: same messageId and source, so the
   * api marks the dead letter failed again), and the error is rethrown. The common handler:
   *
   *   roundhouse.onReprocess((command) => roundhouse.trackReprocess(command, () => createInvoice(command.payload)));
   */
  trackReprocess<T>(command: ReprocessCommandV1, fn: (run: Run) => Promise<T> | T): Promise<T> {
    return this.#tracked(this.startRun(command.automation, reprocessRunOptions(command)), { deadLetter: reprocessDeadLetter(command) }, fn);
  }

  /**
   * Pulls the reprocess commands of this client's token (capability `commands`) and hands each to
   * `handler`, at most `options.concurrency` (default 4) at once. Returns the puller; `stop()` it,
   * or let `shutdown()` do it (which waits for running handlers before it flushes their events).
   *
   * - Claims with `POST /ingest/v1/commands/claim` (`{ max, automations? }`), never more commands
   *   than it has free handler slots for. A claim that filled them is followed by the next as soon
   *   as a slot is free; otherwise it waits `pollIntervalMs` (default 2000).
   * - Acknowledges a command (`POST /ingest/v1/commands/ack`) once its handler settled — also when
   *   the handler threw (a `reprocess_handler_failed` diagnostic; the handler reports its failed
   *   run), so a poison command is not offered again and again. Commands that fail the contract are
   *   acknowledged and never handed to the handler (`reprocess_command_invalid`).
   * - **Handlers must be idempotent on `command.reprocessId`.** A command whose ack was lost, or
   *   whose handler outlived the lease (COMMAND_LEASE_SECONDS, 60 s), is offered again with the same
   *   reprocessId and handed to the handler again; the runtime dedupes (a store of handled ids).
   *   The SDK only avoids running one reprocessId twice at the same time in this process.
   * - Network errors, 5xx, 408 and 429 are retried with the client's backoff (Retry-After honoured).
   *   401 stops claiming for good (`reprocess_unauthorized`: the token will not come back); 403 and
   *   other refusals are settings that can be fixed while the runtime runs (a capability, the
   *   automations a token covers), so claims go on every `retry.maxDelayMs` (`reprocess_forbidden`,
   *   `reprocess_rejected`, once per episode, then `reprocess_resumed`).
   * - A running puller keeps the process alive, like a queue consumer.
   *
   * Throws a RoundhouseConfigError for a wrong option, and an Error after shutdown() was called.
   */
  onReprocess(handler: ReprocessHandler, options: ReprocessOptions = {}): ReprocessPuller {
    if (this.#shutdown !== undefined) {
      throw new Error('RoundhouseClient.onReprocess() was called after shutdown(): a closed client pulls no reprocess commands.');
    }
    const puller = new ReprocessPuller(handler, options, { options: this.#options, diagnose: (d) => this.#diagnose(d) });
    this.#pullers.add(puller);
    puller.start();
    return puller;
  }

  /** Runs `fn` as `run`: succeeds the run when it resolves, fails it with `failure` (and rethrows) when it throws, unless `fn` ended the run. */
  async #tracked<T>(run: Run, failure: FailOptions, fn: (run: Run) => Promise<T> | T): Promise<T> {
    try {
      const result = await fn(run);
      if (!run.ended) {
        run.succeed();
      }
      return result;
    } catch (error) {
      if (!run.ended) {
        run.fail(error, failure);
      }
      throw error;
    }
  }

  /** Reports a value of one of the automation's KPIs (`kpi_measurement`). */
  measure(automation: string, kpi: string, value: number): void {
    this.#report(() => ({ type: 'kpi_measurement', ...this.#base(automation), kpi, value }));
  }

  /** Reports that the runtime (optionally: which instance of it) is alive (`heartbeat`). */
  heartbeat(automation: string, instance?: string): void {
    this.#report(() => ({ type: 'heartbeat', ...this.#base(automation), ...(instance === undefined ? {} : { instance }) }));
  }

  /**
   * Reports a message the runtime gave up on (`dead_letter`): where it failed, its payload and
   * headers, why (`error`, any thrown value, as in `run.fail()`) and after how many attempts. The
   * body is kept as the bytes it came as (see `RunDeadLetter.payload` and the README). Use
   * `run.fail(error, { deadLetter })` to report it together with the run's failure.
   */
  deadLetter(automation: string, report: DeadLetterReport): void {
    this.#report(() => ({ type: 'dead_letter', ...this.#base(automation), ...deadLetterFields(report, describeError(report.error)) }));
  }

  /**
   * A cockatiel policy for calls to a third party (`dependency`, e.g. "netsuite"): retry around a
   * circuit breaker around a timeout. Every retry, timeout and breaker state change is reported
   * as a `resilience` event. Build it once per dependency and reuse it: the breaker's state lives in it.
   */
  resilience(automation: string, dependency: string, options: ResilienceOptions = {}): ResiliencePolicy {
    return createResiliencePolicy(options, (signal) => this.#report(() => ({ type: 'resilience', ...this.#base(automation), signal, dependency })), this.#options.random);
  }

  stats(): RoundhouseStats {
    return { queued: this.#buffer.size + this.#inFlight, ...this.#counters };
  }

  /**
   * Sends everything queued now. Resolves when the buffer is empty, or when a batch gave up after
   * `retry.maxAttempts` (its events stay queued for a later try). Never rejects.
   */
  async flush(): Promise<void> {
    if (this.#state === 'closed') {
      return;
    }
    this.#coolingDown = false;
    this.#dueSeq = this.#lastSeq;
    await this.#kick();
  }

  /**
   * Flushes and stops: stops the reprocess pullers (waiting at most `shutdownTimeoutMs` for their
   * running handlers and acks), stops the timer, removes handleSignals()' handlers, waits for delivery at most
   * `shutdownTimeoutMs` (keeping the process alive meanwhile), then counts what is left as dropped.
   * Events reported while it drains are still sent; after it resolves, they are dropped. Idempotent; never rejects.
   */
  shutdown(): Promise<void> {
    this.#shutdown ??= this.#drainAndClose();
    return this.#shutdown;
  }

  /**
   * On the first of `signals`, runs shutdown() and then lets the signal do what it would have done
   * (re-raises it, so the process exits) unless the program has its own handlers for it. Returns a
   * function that removes the handlers.
   */
  handleSignals(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): () => void {
    this.#removeSignalHandlers?.();
    const onSignal = (signal: NodeJS.Signals): void => {
      remove();
      void this.shutdown().then(() => {
        if (process.listenerCount(signal) === 0) {
          process.kill(process.pid, signal);
        }
      });
    };
    const remove = (): void => {
      for (const signal of signals) {
        process.off(signal, onSignal);
      }
      if (this.#removeSignalHandlers === remove) {
        this.#removeSignalHandlers = undefined;
      }
    };
    for (const signal of signals) {
      process.on(signal, onSignal);
    }
    this.#removeSignalHandlers = remove;
    return remove;
  }

  #base(automation: string): { id: string; automation: string; occurredAt: string } {
    return { id: randomUUID(), automation, occurredAt: this.#options.clock().toISOString() };
  }

  // ---- the buffer -------------------------------------------------------------------------

  /** Builds an event and queues it; whatever goes wrong, the caller never sees an exception. */
  #report(build: () => IngestEventV1): void {
    try {
      this.#enqueue(build());
    } catch (error) {
      this.#internalError(error);
    }
  }

  #enqueue(event: IngestEventV1): void {
    if (this.#state === 'closed') {
      this.#dropAfterClose(event);
      return;
    }
    this.#lastSeq += 1;
    if (this.#buffer.push({ seq: this.#lastSeq, event, reported: 1 }) !== undefined) {
      this.#countOverflow(1);
    }
    if (this.#state === 'draining') {
      this.#dueSeq = this.#lastSeq;
      void this.#kick();
    } else if (this.#hasFullBatch()) {
      void this.#kick();
    } else {
      this.#armTimer(this.#options.flushIntervalMs);
    }
  }

  #dropAfterClose(event: IngestEventV1): void {
    this.#counters.dropped += 1;
    if (!this.#closedNoticeGiven) {
      this.#closedNoticeGiven = true;
      this.#diagnose({
        code: 'client_closed',
        level: 'warn',
        message: `a ${event.type} event of ${event.automation} was reported after shutdown() and dropped; later ones are dropped without notice (see stats().dropped).`,
        ...describeEvent(event),
      });
    }
  }

  #countOverflow(dropped: number): void {
    this.#counters.dropped += dropped;
    if (this.#overflowDropped === undefined) {
      this.#overflowDropped = 0;
      this.#diagnose({
        code: 'buffer_overflow',
        level: 'warn',
        message: `the buffer holds ${this.#buffer.capacity} events (maxBufferedEvents) and is full: the oldest events are dropped until it drains to half.`,
        capacity: this.#buffer.capacity,
      });
    }
    this.#overflowDropped += dropped;
  }

  /** An overflow episode ends when the buffer has drained to half its capacity. */
  #noteDrained(): void {
    if (this.#overflowDropped !== undefined && this.#buffer.size <= this.#buffer.capacity / 2) {
      const dropped = this.#overflowDropped;
      this.#overflowDropped = undefined;
      this.#diagnose({ code: 'buffer_recovered', level: 'info', message: `the buffer has room again; ${dropped} events were dropped while it was full.`, dropped });
    }
  }

  /** Puts undelivered events back at the front; without room, the oldest of them are dropped. */
  #requeue(events: readonly Pending[]): { requeued: number; dropped: number } {
    const left = reportedIn(this.#buffer.unshiftAll(events));
    if (left > 0) {
      this.#countOverflow(left);
    }
    return { requeued: reportedIn(events) - left, dropped: left };
  }

  #armTimer(delayMs: number): void {
    if (this.#timer !== undefined || this.#state !== 'open') {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#coolingDown = false;
      this.#dueSeq = this.#lastSeq;
      void this.#kick();
    }, delayMs);
    this.#timer.unref();
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  // ---- the sender -------------------------------------------------------------------------

  #kick(): Promise<void> {
    this.#pumping ??= this.#pump();
    return this.#pumping;
  }

  #hasDueBatch(): boolean {
    const oldest = this.#buffer.peek();
    if (oldest === undefined) {
      return false;
    }
    return oldest.seq <= this.#dueSeq || this.#hasFullBatch();
  }

  /** A full batch goes out at once (a buffer smaller than batchSize is full sooner), except while cooling down. */
  #hasFullBatch(): boolean {
    return !this.#coolingDown && this.#buffer.size >= Math.min(this.#options.batchSize, this.#buffer.capacity);
  }

  /** The one sender: sends due batches one request at a time. Never rejects. */
  async #pump(): Promise<void> {
    await Promise.resolve(); // leave the reporting caller's stack before any work
    let inHand: Pending[] = [];
    try {
      while (this.#hasDueBatch()) {
        inHand = this.#takeBatch();
        this.#inFlight = reportedIn(inHand);
        this.#noteDrained();
        const delivery = await this.#deliver(inHand);
        inHand = [];
        this.#inFlight = 0;
        if (!delivery.settled) {
          this.#giveUp(delivery.undelivered, delivery.giveUp);
          break;
        }
      }
    } catch (error) {
      this.#internalError(error);
      this.#requeue(inHand);
    } finally {
      this.#inFlight = 0;
      this.#pumping = undefined;
      if (this.#buffer.size > 0) {
        this.#armTimer(this.#coolingDown ? this.#options.retry.maxDelayMs : this.#options.flushIntervalMs);
      }
    }
  }

  /** The next request's events, oldest first: up to batchSize of them, each attempt's end joined to its start when both are in. */
  #takeBatch(): Pending[] {
    const batch = new AttemptBatch<Pending>(this.#options.batchSize);
    while (!batch.full) {
      const [next] = this.#buffer.take(1);
      if (next === undefined) {
        break;
      }
      batch.add(next);
    }
    return batch.items;
  }

  #giveUp(undelivered: readonly Pending[], giveUp: GiveUp | undefined): void {
    const { requeued, dropped } = this.#requeue(undelivered);
    if (giveUp === undefined) {
      return; // the shutdown deadline passed: shutdown() counts what is left
    }
    this.#counters.failedBatches += 1;
    this.#coolingDown = true;
    this.#clearTimer();
    this.#armTimer(this.#options.retry.maxDelayMs);
    this.#diagnose({
      code: 'batch_failed',
      level: 'error',
      message: `a batch of ${reportedIn(undelivered)} events failed ${giveUp.attempts} times (last: ${giveUp.error}); ${requeued} went back into the buffer for a later try, ${dropped} were dropped for lack of room.`,
      attempts: giveUp.attempts,
      events: reportedIn(undelivered),
      requeued,
      dropped,
      error: giveUp.error,
      ...(giveUp.status === undefined ? {} : { status: giveUp.status }),
    });
  }

  /** Delivers `batch`, splitting it while it is over the protocol's size limits. */
  async #deliver(batch: Pending[]): Promise<Delivery> {
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
    const first = await this.#deliver(batch.slice(0, middle));
    if (!first.settled) {
      return { ...first, undelivered: [...first.undelivered, ...batch.slice(middle)] };
    }
    return this.#deliver(batch.slice(middle));
  }

  async #sendWithRetries(batch: Pending[], encoded: EncodedBatch): Promise<Delivery> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.#deadline.signal.aborted) {
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
          if (attempt >= this.#options.retry.maxAttempts || this.#deadline.signal.aborted) {
            const giveUp = { attempts: attempt, error: outcome.error, ...(outcome.status === undefined ? {} : { status: outcome.status }) };
            return { settled: false, undelivered: batch, ...(this.#deadline.signal.aborted ? {} : { giveUp }) };
          }
          await this.#backOff(attempt, outcome, batch.length);
          break;
      }
    }
  }

  async #backOff(attempt: number, outcome: Extract<SendOutcome, { kind: 'retryable' }>, events: number): Promise<void> {
    const { retry } = this.#options;
    const delayMs = outcome.retryAfterMs === undefined ? backoffDelay(attempt, retry, this.#options.random) : Math.min(outcome.retryAfterMs, retry.maxDelayMs);
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
    await this.#options.sleep(delayMs, this.#deadline.signal);
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

  // ---- shutdown and diagnostics -----------------------------------------------------------

  async #drainAndClose(): Promise<void> {
    this.#removeSignalHandlers?.();
    // Handlers report their runs: let them finish while the client still takes events.
    await Promise.all([...this.#pullers].map((puller) => puller.stop()));
    this.#state = 'draining';
    this.#clearTimer();
    this.#coolingDown = false;
    this.#dueSeq = this.#lastSeq;
    // A referenced timer: it keeps the process alive while the buffer drains, and ends the wait.
    const deadline = setTimeout(() => this.#deadline.abort(), this.#options.shutdownTimeoutMs);
    try {
      await this.#kick();
      this.#state = 'closed';
      while (this.#pumping !== undefined) {
        await this.#pumping; // a sender started by an event reported at the last moment
      }
    } finally {
      clearTimeout(deadline);
      this.#state = 'closed';
    }
    const left = reportedIn(this.#buffer.take(this.#buffer.size));
    if (left > 0) {
      this.#counters.dropped += left;
      this.#diagnose({
        code: 'shutdown_incomplete',
        level: 'error',
        message: `shutdown() ended with ${left} events undelivered (a batch gave up after its retries, or shutdownTimeoutMs passed); they were dropped.`,
        dropped: left,
      });
    }
  }

  #internalError(error: unknown): void {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#diagnose({ code: 'internal_error', level: 'error', message: `the Roundhouse SDK hit a bug and carried on: ${text}`, error: text });
  }

  /** Hands a diagnostic to onDiagnostic; a handler that throws is ignored. */
  #diagnose(diagnostic: RoundhouseDiagnostic): void {
    try {
      this.#options.onDiagnostic(diagnostic);
    } catch {
      // the program's handler failed; reporting must go on regardless
    }
  }
}

function describeEvent(event: SdkEvent): DiagnosedEvent {
  return { eventId: event.id, eventType: event.type, automation: event.automation };
}

function detailOf(detail: string | undefined): { detail?: string } {
  return detail === undefined ? {} : { detail };
}
