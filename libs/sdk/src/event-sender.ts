import type { IngestEventV1 } from '@roundhouse/contracts';
import { BatchDelivery, type GiveUp } from './batch-delivery.js';
import type { ResolvedClientOptions } from './client-options.js';
import type { DeliveryCounters } from './client-stats.js';
import { describeEvent, internalError, type DiagnosticHandler } from './diagnostics.js';
import { EventQueue, reportedIn, type Pending } from './event-queue.js';

/**
 * When a client's events go out: queues each reported event and runs the one sender, which posts
 * due batches one request at a time (BatchDelivery). A batch is due when `batchSize` events are
 * queued, `flushIntervalMs` after its first event, on flush(), and while closing. After a batch gave
 * up, the sender cools down: full batches wait for the timer (`retry.maxDelayMs`). close() drains
 * what is queued within `shutdownTimeoutMs` and drops what is left. Never throws, never rejects.
 */
export class EventSender {
  readonly #options: ResolvedClientOptions;
  readonly #counters: DeliveryCounters;
  readonly #diagnose: DiagnosticHandler;
  readonly #queue: EventQueue;
  readonly #delivery: BatchDelivery;
  /** Aborted at the shutdown deadline: the request in flight and any backoff wait stop at once. */
  readonly #deadline = new AbortController();
  #inFlight = 0;
  #timer: NodeJS.Timeout | undefined;
  /** After a batch gave up: full batches wait for the timer (retry.maxDelayMs) instead of going out at once. */
  #coolingDown = false;
  #pumping: Promise<void> | undefined;
  #state: 'open' | 'draining' | 'closed' = 'open';
  #closedNoticeGiven = false;

  constructor(options: ResolvedClientOptions, counters: DeliveryCounters, diagnose: DiagnosticHandler) {
    this.#options = options;
    this.#counters = counters;
    this.#diagnose = diagnose;
    this.#queue = new EventQueue(options.maxBufferedEvents, counters, diagnose);
    this.#delivery = new BatchDelivery({ options, counters, diagnose, deadline: this.#deadline.signal });
  }

  /** Events held right now: waiting in the queue or in the request in flight. */
  get queued(): number {
    return this.#queue.size + this.#inFlight;
  }

  /** Queues `event` and wakes the sender when a batch is due; after close(), drops it. */
  enqueue(event: IngestEventV1): void {
    if (this.#state === 'closed') {
      this.#dropAfterClose(event);
      return;
    }
    this.#queue.push(event);
    if (this.#state === 'draining') {
      this.#queue.markAllDue();
      void this.#kick();
    } else if (this.#hasFullBatch()) {
      void this.#kick();
    } else {
      this.#armTimer(this.#options.flushIntervalMs);
    }
  }

  /** Sends everything queued now; resolves when the queue is empty or a batch gave up. Never rejects. */
  async flush(): Promise<void> {
    if (this.#state === 'closed') {
      return;
    }
    this.#coolingDown = false;
    this.#queue.markAllDue();
    await this.#kick();
  }

  /** Sends what is queued within `shutdownTimeoutMs` (keeping the process alive meanwhile), then counts what is left as dropped. */
  async close(): Promise<void> {
    this.#state = 'draining';
    this.#clearTimer();
    this.#coolingDown = false;
    this.#queue.markAllDue();
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
    const left = this.#queue.takeAll();
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

  #armTimer(delayMs: number): void {
    if (this.#timer !== undefined || this.#state !== 'open') {
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#coolingDown = false;
      this.#queue.markAllDue();
      void this.#kick();
    }, delayMs);
    this.#timer.unref();
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #kick(): Promise<void> {
    this.#pumping ??= this.#pump();
    return this.#pumping;
  }

  #hasDueBatch(): boolean {
    return this.#queue.size > 0 && (this.#queue.oldestIsDue() || this.#hasFullBatch());
  }

  /** A full batch goes out at once, except while cooling down. */
  #hasFullBatch(): boolean {
    return !this.#coolingDown && this.#queue.holdsBatch(this.#options.batchSize);
  }

  /** The one sender: sends due batches one request at a time. Never rejects. */
  async #pump(): Promise<void> {
    await Promise.resolve(); // leave the reporting caller's stack before any work
    let inHand: Pending[] = [];
    try {
      while (this.#hasDueBatch()) {
        inHand = this.#queue.takeBatch(this.#options.batchSize);
        this.#inFlight = reportedIn(inHand);
        this.#queue.noteDrained();
        const delivery = await this.#delivery.deliver(inHand);
        inHand = [];
        this.#inFlight = 0;
        if (!delivery.settled) {
          this.#giveUp(delivery.undelivered, delivery.giveUp);
          break;
        }
      }
    } catch (error) {
      this.#diagnose(internalError(error, 'client'));
      this.#queue.requeue(inHand);
    } finally {
      this.#inFlight = 0;
      this.#pumping = undefined;
      if (this.#queue.size > 0) {
        this.#armTimer(this.#coolingDown ? this.#options.retry.maxDelayMs : this.#options.flushIntervalMs);
      }
    }
  }

  #giveUp(undelivered: readonly Pending[], giveUp: GiveUp | undefined): void {
    const { requeued, dropped } = this.#queue.requeue(undelivered);
    if (giveUp === undefined) {
      return; // the shutdown deadline passed: close() counts what is left
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
}
