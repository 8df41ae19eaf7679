import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

/** Where the replica stands against the primary. */
export interface ReplicaPosition {
  /** The replica has replayed everything the primary had written when asked. */
  caughtUp: boolean;
  /** When the last transaction the replica replayed was committed on the primary; null before any. */
  replayedUpTo: Date | null;
  /** The replica's clock when asked. */
  now: Date;
}

@Injectable()
export class DataFreshnessRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * The replica's position, or undefined without one. The primary's write position is read first:
   * a replica that has replayed up to it has every change committed before this question.
   */
  async replicaPosition(): Promise<ReplicaPosition | undefined> {
    if (!this.db.hasReplica) {
      return undefined;
    }
    const [primary] = await this.db.query<{ lsn: string }>(`SELECT pg_current_wal_lsn()::text AS lsn`);
    const rows = await this.db.onReplica<{ caught_up: boolean | null; replayed_up_to: Date | null; now: Date }>(
      `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up, pg_last_xact_replay_timestamp() AS replayed_up_to, now() AS now`,
      [primary?.lsn ?? '0/0'],
    );
    if (rows === undefined) {
      return undefined;
    }
    const row = rows[0];
    return { caughtUp: row?.caught_up === true, replayedUpTo: row?.replayed_up_to ?? null, now: row?.now ?? new Date() };
  }
}
