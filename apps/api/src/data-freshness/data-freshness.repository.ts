import { Inject, Injectable } from '@nestjs/common';
import { ReadReplica } from '../database/read-replica.js';

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
  constructor(@Inject(ReadReplica) private readonly replica: ReadReplica) {}

  /**
   * The replica's position, or undefined without one. The primary's write position is read first:
   * a replica that has replayed up to it has every change committed before this question.
   */
  async replicaPosition(): Promise<ReplicaPosition | undefined> {
    const replica = this.replica.configured;
    if (replica === undefined) {
      return undefined;
    }
    const [primary] = await this.replica.primary.query<{ lsn: string }[]>(`SELECT pg_current_wal_lsn()::text AS lsn`);
    const [row] = await replica.query<{ caught_up: boolean | null; replayed_up_to: Date | null; now: Date }[]>(
      `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught_up, pg_last_xact_replay_timestamp() AS replayed_up_to, now() AS now`,
      [primary?.lsn ?? '0/0'],
    );
    return { caughtUp: row?.caught_up === true, replayedUpTo: row?.replayed_up_to ?? null, now: row?.now ?? new Date() };
  }
}
