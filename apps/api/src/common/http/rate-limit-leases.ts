import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';

/** A shared store that can count several hits in one write, and hand them out as one lease. */
export interface ReservingStore extends Store {
  /** Counts `hits` more in the key's current window (starting a new one when it has ended); answers the count after them. */
  reserve(key: string, hits: number): Promise<ClientRateLimitInfo>;
}

/** The hits one process took from the shared count and has not used yet, in the window they were counted in. */
interface Lease {
  /** The number of the next hit to hand out (1 is the window's first). */
  next: number;
  /** The number of the last hit of the lease. */
  last: number;
  resetTime: Date;
}

/** How many keys' leases one process keeps at most (the most recent); a lease forgotten only loses hits, never adds any. */
const MAX_LEASES = 10_000;

/**
 * How many hits one write takes for a limit: a fiftieth of it, at least 1. With N replicas at most
 * (N − 1) × (lease − 1) hits of a window can sit unused in other replicas' leases (2% of the limit
 * each): a key may be refused that much before its limit, never let through beyond it.
 */
export function leaseSizeFor(limit: number): number {
  return Math.max(1, Math.floor(limit / 50));
}

/**
 * An express-rate-limit store that takes hits from the shared store (every replica's one budget) a
 * lease at a time, and counts the hits of its lease in memory: one write per `leaseSize` requests
 * instead of one per request. Each hit keeps its number in the shared count, so a request is let
 * through only when its number is within the limit, whichever replica counts it: N replicas never
 * multiply the limit. A hit given back (`decrement`) returns to the lease. With a lease of 1 it is
 * the shared store itself, hit by hit.
 */
export class LeasedRateLimitStore implements Store {
  readonly localKeys = false;
  readonly prefix: string | undefined;
  private readonly leases = new Map<string, Lease>();

  constructor(
    private readonly shared: ReservingStore,
    private readonly leaseSize: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.prefix = shared.prefix;
  }

  async init(options: Options): Promise<void> {
    await this.shared.init?.(options);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    let lease = this.leases.get(key);
    if (lease === undefined || lease.next > lease.last || lease.resetTime.getTime() <= this.clock()) {
      const counted = await this.shared.reserve(key, this.leaseSize);
      lease = { next: counted.totalHits - this.leaseSize + 1, last: counted.totalHits, resetTime: counted.resetTime ?? new Date(this.clock()) };
      this.keep(key, lease);
    }
    const totalHits = lease.next;
    lease.next += 1;
    return { totalHits, resetTime: lease.resetTime };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const lease = this.leases.get(key);
    if (lease !== undefined && lease.resetTime.getTime() > this.clock()) {
      return { totalHits: lease.next - 1, resetTime: lease.resetTime };
    }
    return this.shared.get?.(key);
  }

  decrement(key: string): void {
    const lease = this.leases.get(key);
    if (lease !== undefined && lease.resetTime.getTime() > this.clock() && lease.next > lease.last - this.leaseSize + 1) {
      lease.next -= 1;
    }
  }

  async resetKey(key: string): Promise<void> {
    this.leases.delete(key);
    await this.shared.resetKey(key);
  }

  private keep(key: string, lease: Lease): void {
    this.leases.delete(key);
    this.leases.set(key, lease);
    if (this.leases.size > MAX_LEASES) {
      const now = this.clock();
      for (const [k, l] of this.leases) {
        if (l.resetTime.getTime() <= now) {
          this.leases.delete(k);
        }
      }
      const oldest = this.leases.keys().next().value;
      if (this.leases.size > MAX_LEASES && oldest !== undefined) {
        this.leases.delete(oldest);
      }
    }
  }
}
