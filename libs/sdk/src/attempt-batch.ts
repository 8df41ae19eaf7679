import { combineAttempt, type IngestEventV2Input } from '@roundhouse/contracts';

/** What the SDK sends: any version 2 event, as reported or as a start and its end joined. */
export type SdkEvent = IngestEventV2Input;

/** One event of a batch, and how many reported events it stands for (2 for a start and its end joined). */
export interface BatchItem {
  event: SdkEvent;
  reported: number;
}

function attemptOf(event: { automation: string; runId: string; attempt?: number | undefined; startedAt: string }): string {
  return `${event.automation}\u0000${event.runId}\u0000${event.attempt ?? 1}\u0000${event.startedAt}`;
}

/**
 * One request's events, as the SDK cuts them from its buffer, oldest first: an attempt's end whose
 * start is still in the batch joins it as one `run` event (ingest-event.v2), in the start's place,
 * so an attempt that starts and ends between two sends goes out as one event instead of two.
 * Everything else goes out as reported; an end whose start went out in an earlier request is sent
 * alone, and the api merges the two as it always has.
 */
export class AttemptBatch<T extends BatchItem> {
  readonly items: T[] = [];
  /** Starts in the batch not joined yet, by attempt: their place in `items`. */
  readonly #starts = new Map<string, number>();

  constructor(readonly size: number) {}

  get full(): boolean {
    return this.items.length >= this.size;
  }

  /** Reported events the batch stands for. */
  get reported(): number {
    return this.items.reduce((sum, item) => sum + item.reported, 0);
  }

  /** Adds the next item; an end joins its start when the start is in the batch. */
  add(item: T): void {
    const { event } = item;
    if (event.type === 'run_started') {
      this.#starts.set(attemptOf(event), this.items.length);
    } else if (event.type === 'run_finished' || event.type === 'run_failed') {
      const key = attemptOf(event);
      const at = this.#starts.get(key);
      const start = at === undefined ? undefined : this.items[at];
      if (at !== undefined && start !== undefined && start.event.type === 'run_started') {
        this.#starts.delete(key);
        this.items[at] = { ...start, event: combineAttempt(start.event, event), reported: start.reported + item.reported };
        return;
      }
    }
    this.items.push(item);
  }
}

/** Cuts reported events (oldest first) into request batches of at most `size` events, as the client does. */
export function batchEvents(events: readonly SdkEvent[], size: number): SdkEvent[][] {
  const batches: SdkEvent[][] = [];
  let batch = new AttemptBatch<BatchItem>(size);
  for (const event of events) {
    if (batch.full) {
      batches.push(batch.items.map((item) => item.event));
      batch = new AttemptBatch<BatchItem>(size);
    }
    batch.add({ event, reported: 1 });
  }
  if (batch.items.length > 0) {
    batches.push(batch.items.map((item) => item.event));
  }
  return batches;
}
