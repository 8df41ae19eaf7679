import { randomUUID } from 'node:crypto';
import type { IngestEventV1, ReprocessCommandV1 } from '@roundhouse/contracts';
import { resolveClientOptions, type ResolvedClientOptions, type RoundhouseClientOptions } from './client-options.js';
import { newDeliveryCounters, type DeliveryCounters, type RoundhouseStats } from './client-stats.js';
import { deadLetterFields, type DeadLetterReport } from './dead-letter.js';
import { guardedDiagnostics, internalError, type DiagnosticHandler } from './diagnostics.js';
import { EventSender } from './event-sender.js';
import { createResiliencePolicy, type ResilienceOptions, type ResiliencePolicy } from './resilience-policy.js';
import { reprocessDeadLetter, reprocessRunOptions } from './reprocess-command.js';
import type { ReprocessHandler, ReprocessOptions } from './reprocess-options.js';
import { ReprocessPuller } from './reprocess-puller.js';
import { Run, describeError, type FailOptions, type RunFailureOutcome, type StartRunOptions } from './run.js';

export interface TrackOptions extends StartRunOptions {
  /** The outcome reported when the function throws (and did not end the run itself). Default `failed`. */
  failureOutcome?: RunFailureOutcome;
}

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
  readonly #counters: DeliveryCounters = newDeliveryCounters();
  /** Hands a diagnostic to onDiagnostic; a handler that throws is ignored. */
  readonly #diagnose: DiagnosticHandler;
  readonly #sender: EventSender;
  #shutdown: Promise<void> | undefined;
  #removeSignalHandlers: (() => void) | undefined;
  /** Reprocess-command pullers started with onReprocess(); shutdown() stops them first. */
  readonly #pullers = new Set<ReprocessPuller>();

  /** Checks the options and throws a RoundhouseConfigError naming a wrong one; nothing later throws. */
  constructor(options: RoundhouseClientOptions) {
    this.#options = resolveClientOptions(options);
    this.#diagnose = guardedDiagnostics(this.#options.onDiagnostic);
    this.#sender = new EventSender(this.#options, this.#counters, this.#diagnose);
  }

  /** Starts a run of `automation` (reports `run_started`); end it with `run.succeed()` or `run.fail(error)`. */
  startRun(automation: string, options: StartRunOptions = {}): Run {
    return new Run({ emit: (build) => this.#report(build), clock: this.#options.clock, diagnose: this.#diagnose }, automation, options);
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
    const puller = new ReprocessPuller(handler, options, { options: this.#options, diagnose: this.#diagnose });
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
    return { queued: this.#sender.queued, ...this.#counters };
  }

  /**
   * Sends everything queued now. Resolves when the buffer is empty, or when a batch gave up after
   * `retry.maxAttempts` (its events stay queued for a later try). Never rejects.
   */
  flush(): Promise<void> {
    return this.#sender.flush();
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

  /** Builds an event and queues it; whatever goes wrong, the caller never sees an exception. */
  #report(build: () => IngestEventV1): void {
    try {
      this.#sender.enqueue(build());
    } catch (error) {
      this.#diagnose(internalError(error, 'client'));
    }
  }

  async #drainAndClose(): Promise<void> {
    this.#removeSignalHandlers?.();
    // Handlers report their runs: let them finish while the client still takes events.
    await Promise.all([...this.#pullers].map((puller) => puller.stop()));
    await this.#sender.close();
  }
}
