/**
 * Values by key that are slow to read (a broker's answer): a value younger than `ttlMs` is answered
 * as it is; an older one is answered too, while one read in the background replaces it; a key never
 * read is read now. Reads of one key never overlap: callers waiting for it share the one under way.
 * A failed background read keeps the old value (and is tried again at the next ask); a failed first
 * read is the caller's error. Holds at most `maxEntries`; when full it starts over.
 */
export class RefreshingCache<V> {
  private readonly entries = new Map<string, { value: V; readAt: number }>();
  private readonly reading = new Map<string, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, read: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      return this.read(key, read);
    }
    if (this.now() - entry.readAt >= this.ttlMs) {
      this.read(key, read).catch(() => undefined);
    }
    return entry.value;
  }

  private read(key: string, read: () => Promise<V>): Promise<V> {
    const under = this.reading.get(key);
    if (under !== undefined) {
      return under;
    }
    const started = this.now();
    const reading = read()
      .then((value) => {
        if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
          this.entries.clear();
        }
        this.entries.set(key, { value, readAt: started });
        return value;
      })
      .finally(() => this.reading.delete(key));
    this.reading.set(key, reading);
    return reading;
  }
}
