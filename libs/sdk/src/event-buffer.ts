/**
 * A bounded FIFO (a ring) that never blocks: pushing onto a full buffer evicts the oldest item.
 * Items that go back to the front (a batch that could not be delivered) are older than anything
 * queued, so without room for all of them the oldest of them are the ones left out.
 */
export class EventBuffer<T> {
  readonly #slots: (T | undefined)[];
  #head = 0;
  #size = 0;

  constructor(readonly capacity: number) {
    this.#slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  get isFull(): boolean {
    return this.#size === this.capacity;
  }

  /** The oldest item, left in place. */
  peek(): T | undefined {
    return this.#size === 0 ? undefined : this.#slots[this.#head];
  }

  /** Appends `item`; when the buffer was full, the oldest item makes room and is returned. */
  push(item: T): T | undefined {
    let evicted: T | undefined;
    if (this.isFull) {
      evicted = this.#shift();
    }
    this.#slots[(this.#head + this.#size) % this.capacity] = item;
    this.#size += 1;
    return evicted;
  }

  /** Puts `items` back at the front, in their order. Returns those without room: the first (oldest) of them. */
  unshiftAll(items: readonly T[]): T[] {
    const room = this.capacity - this.#size;
    const left = Math.max(0, items.length - room);
    for (let index = items.length - 1; index >= left; index -= 1) {
      this.#head = (this.#head - 1 + this.capacity) % this.capacity;
      this.#slots[this.#head] = items[index];
      this.#size += 1;
    }
    return items.slice(0, left);
  }

  /** Removes and returns up to `count` of the oldest items, oldest first. */
  take(count: number): T[] {
    const taken: T[] = [];
    while (taken.length < count && this.#size > 0) {
      taken.push(this.#shift());
    }
    return taken;
  }

  /** Removes everything; returns how many items there were. */
  clear(): number {
    const count = this.#size;
    this.#slots.fill(undefined);
    this.#head = 0;
    this.#size = 0;
    return count;
  }

  #shift(): T {
    const item = this.#slots[this.#head] as T;
    this.#slots[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.capacity;
    this.#size -= 1;
    return item;
  }
}
