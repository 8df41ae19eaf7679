import type { IngestEventV1 } from '@roundhouse/contracts';
import { AttemptBatch, type SdkEvent } from './attempt-batch.js';
import type { DeliveryCounters } from './client-stats.js';
import type { DiagnosticHandler } from './diagnostics.js';
import { EventBuffer } from './event-buffer.js';

/** One queued event and its place in the order of reporting; `reported`: the reported events it stands for (2 for an attempt's start and end joined). */
export interface Pending {
  seq: number;
  event: SdkEvent;
  reported: number;
}

/** Reported events in `items`. */
export function reportedIn(items: readonly Pending[]): number {
  return items.reduce((sum, item) => sum + item.reported, 0);
}

/**
 * The events a client holds until they are sent, oldest first: a bounded buffer (EventBuffer) that
 * drops the oldest events when it overflows (diagnosed once per overflow episode, counted as
 * dropped), numbered in the order of reporting so that the sender knows which of them are due.
 */
export class EventQueue {
  readonly #buffer: EventBuffer<Pending>;
  readonly #counters: DeliveryCounters;
  readonly #diagnose: DiagnosticHandler;
  /** The sequence number of the last event queued. */
  #lastSeq = 0;
  /** Events up to this sequence number are due (the timer fired, flush() or shutdown() was called). */
  #dueSeq = 0;
  /** Events dropped in the current overflow episode; undefined outside one. */
  #overflowDropped: number | undefined;

  constructor(capacity: number, counters: DeliveryCounters, diagnose: DiagnosticHandler) {
    this.#buffer = new EventBuffer<Pending>(capacity);
    this.#counters = counters;
    this.#diagnose = diagnose;
  }

  /** Queued items (an attempt's start and end joined count once). */
  get size(): number {
    return this.#buffer.size;
  }

  get capacity(): number {
    return this.#buffer.capacity;
  }

  /** Queues a reported event; when the buffer is full, the oldest event makes room and is counted as dropped. */
  push(event: IngestEventV1): void {
    this.#lastSeq += 1;
    if (this.#buffer.push({ seq: this.#lastSeq, event, reported: 1 }) !== undefined) {
      this.#countOverflow(1);
    }
  }

  /** Makes every event queued so far due. */
  markAllDue(): void {
    this.#dueSeq = this.#lastSeq;
  }

  /** Whether the oldest event queued is due. */
  oldestIsDue(): boolean {
    const oldest = this.#buffer.peek();
    return oldest !== undefined && oldest.seq <= this.#dueSeq;
  }

  /** Whether `batchSize` events are queued (a buffer smaller than batchSize is full sooner). */
  holdsBatch(batchSize: number): boolean {
    return this.#buffer.size >= Math.min(batchSize, this.#buffer.capacity);
  }

  /** The next request's events, oldest first: up to batchSize of them, each attempt's end joined to its start when both are in. */
  takeBatch(batchSize: number): Pending[] {
    const batch = new AttemptBatch<Pending>(batchSize);
    while (!batch.full) {
      const [next] = this.#buffer.take(1);
      if (next === undefined) {
        break;
      }
      batch.add(next);
    }
    return batch.items;
  }

  /** Puts undelivered events back at the front; without room, the oldest of them are dropped. */
  requeue(events: readonly Pending[]): { requeued: number; dropped: number } {
    const left = reportedIn(this.#buffer.unshiftAll(events));
    if (left > 0) {
      this.#countOverflow(left);
    }
    return { requeued: reportedIn(events) - left, dropped: left };
  }

  /** Empties the queue; returns the reported events it held. */
  takeAll(): number {
    return reportedIn(this.#buffer.take(this.#buffer.size));
  }

  /** An overflow episode ends when the buffer has drained to half its capacity. */
  noteDrained(): void {
    if (this.#overflowDropped !== undefined && this.#buffer.size <= this.#buffer.capacity / 2) {
      const dropped = this.#overflowDropped;
      this.#overflowDropped = undefined;
      this.#diagnose({ code: 'buffer_recovered', level: 'info', message: `the buffer has room again; ${dropped} events were dropped while it was full.`, dropped });
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
}
