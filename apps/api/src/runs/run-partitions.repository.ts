import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

/** The tables kept in one partition per UTC day, each with a default partition `<table>_default`. */
export const DAY_PARTITIONED_TABLES = ['run', 'run_step', 'ingest_event'] as const;
export type DayPartitionedTable = (typeof DAY_PARTITIONED_TABLES)[number];

/** Each table's partition key: a run's or step's start, an ingest idempotency key's event time. */
const PARTITION_KEY: Record<DayPartitionedTable, string> = { run: 'started_at', run_step: 'started_at', ingest_event: 'occurred_at' };

/**
 * The day partitions of raw runs, steps and ingest idempotency keys. Making and dropping one is the tables' owner's right:
 * the api's role calls the owner's functions for it (see migration PartitionRunsByDay).
 * Days are `YYYY-MM-DD` in UTC.
 */
@Injectable()
export class RunPartitionsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** The days that have a partition, oldest first. */
  async days(table: DayPartitionedTable): Promise<string[]> {
    const rows = await this.db.query<{ day: string }>(
      `SELECT to_char(to_date(substring(c.relname FROM '_p([0-9]{8})$'), 'YYYYMMDD'), 'YYYY-MM-DD') AS day
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = $1::regclass AND c.relname ~ ('^' || $1 || '_p[0-9]{8}$')
        ORDER BY 1`,
      [table],
    );
    return rows.map((row) => row.day);
  }

  /** Makes the day's partition (nothing when it exists); returns how many rows it took over from the default partition. */
  async create(table: DayPartitionedTable, day: string): Promise<number> {
    const [row] = await this.db.query<{ moved: string }>(`SELECT create_day_partition($1::regclass, $2::date) AS moved`, [table, day]);
    return Number(row?.moved ?? 0);
  }

  /** Drops the day's partition whole (one statement, its own transaction); returns how many rows it held. */
  async drop(table: DayPartitionedTable, day: string): Promise<number> {
    const [row] = await this.db.query<{ gone: string }>(`SELECT drop_day_partition($1::regclass, $2::date) AS gone`, [table, day]);
    return Number(row?.gone ?? 0);
  }

  /** Deletes the default partition's rows from before `before` by their partition key (it holds none in normal operation). */
  async deleteDefaultBefore(table: DayPartitionedTable, before: Date): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      `WITH gone AS (DELETE FROM ${table}_default WHERE ${PARTITION_KEY[table]} < $1 RETURNING 1) SELECT count(*)::int AS count FROM gone`,
      [before],
    );
    return row?.count ?? 0;
  }

  /** Rows in the default partition: none in normal operation. */
  async defaultRows(table: DayPartitionedTable): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table}_default`);
    return row?.count ?? 0;
  }
}
