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

/** The counters of RoundhouseStats (all but the `queued` gauge), shared by the parts of the client that count. */
export type DeliveryCounters = Record<Exclude<keyof RoundhouseStats, 'queued'>, number>;

export function newDeliveryCounters(): DeliveryCounters {
  return { sent: 0, accepted: 0, duplicates: 0, quarantined: 0, forbidden: 0, dropped: 0, retries: 0, failedBatches: 0 };
}
