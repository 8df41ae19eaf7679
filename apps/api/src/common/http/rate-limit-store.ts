import type { ClientRateLimitInfo, Options } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import type { ReservingStore } from './rate-limit-leases.js';

interface WindowRow {
  hits: number;
  reset_at: Date;
}

/**
 * An express-rate-limit store counting in PostgreSQL (table `rate_limit_window`), so every api
 * replica on the database counts against one budget. One statement per hit: the row of the
 * limiter and key is created, counted up, or — when its window has ended — started afresh, and
 * the count and the window's end come back. Times are the database's, one clock for all replicas.
 */
export class PostgresRateLimitStore implements ReservingStore {
  /** Counts are shared between processes (express-rate-limit's name for it). */
  readonly localKeys = false;
  readonly prefix: string;
  private windowMs = 60_000;

  constructor(
    private readonly db: DataSource,
    private readonly limiter: string,
  ) {
    this.prefix = `${limiter}:`;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  increment(key: string): Promise<ClientRateLimitInfo> {
    return this.reserve(key, 1);
  }

  /** Counts `hits` at once: one statement for a lease of hits (see LeasedRateLimitStore). */
  async reserve(key: string, hits: number): Promise<ClientRateLimitInfo> {
    const rows = await this.db.query<WindowRow[]>(
      `INSERT INTO rate_limit_window AS w (limiter, key, started_at, hits) VALUES ($1, $2, now(), $4)
       ON CONFLICT (limiter, key) DO UPDATE SET
         started_at = CASE WHEN w.started_at <= now() - $3 * interval '1 millisecond' THEN now() ELSE w.started_at END,
         hits = CASE WHEN w.started_at <= now() - $3 * interval '1 millisecond' THEN $4 ELSE w.hits + $4 END
       RETURNING w.hits, w.started_at + $3 * interval '1 millisecond' AS reset_at`,
      [this.limiter, key, this.windowMs, hits],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new Error('the rate limit count was not returned');
    }
    return { totalHits: row.hits, resetTime: new Date(row.reset_at) };
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const rows = await this.db.query<WindowRow[]>(
      `SELECT hits, started_at + $3 * interval '1 millisecond' AS reset_at FROM rate_limit_window
       WHERE limiter = $1 AND key = $2 AND started_at > now() - $3 * interval '1 millisecond'`,
      [this.limiter, key, this.windowMs],
    );
    const row = rows[0];
    return row === undefined ? undefined : { totalHits: row.hits, resetTime: new Date(row.reset_at) };
  }

  /** Gives a hit back (a request that turned out not to count), within the window it was counted in. */
  async decrement(key: string): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit_window SET hits = greatest(hits - 1, 0)
       WHERE limiter = $1 AND key = $2 AND started_at > now() - $3 * interval '1 millisecond'`,
      [this.limiter, key, this.windowMs],
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.db.query(`DELETE FROM rate_limit_window WHERE limiter = $1 AND key = $2`, [this.limiter, key]);
  }
}

/** Forgets the counts of windows that started before `before` (ended long ago); answers how many. */
export async function deleteEndedRateLimitWindows(db: DataSource, before: Date): Promise<number> {
  const rows = await db.query<{ n: number }[]>(`WITH gone AS (DELETE FROM rate_limit_window WHERE started_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [before]);
  return rows[0]?.n ?? 0;
}
