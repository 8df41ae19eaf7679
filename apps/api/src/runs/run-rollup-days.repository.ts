import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { histogramSumSql } from './duration-histogram.js';

/** Counter columns of run_rollup_hour and run_rollup_day. */
const COUNTERS = 'succeeded, failed, dead_lettered, retried, manual_touches, dependency_retries, dependency_timeouts, circuit_opens';
const SUMS = COUNTERS.split(', ')
  .map((c) => `sum(${c})`)
  .join(', ');
const DAY_OF = (column: string) => `date_bin('1 day', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** The daily run rollups (migration CreateDailyRollups): which days are sealed, and sealing more. */
@Injectable()
export class RunRollupDaysRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Days before this are in run_rollup_day. */
  async sealedThrough(): Promise<Date> {
    const [row] = await this.db.query<{ through: Date }>(`SELECT through FROM run_rollup_day_sealed`);
    if (row === undefined) {
      throw new Error('run_rollup_day_sealed has no row: the CreateDailyRollups migration writes it');
    }
    return row.through;
  }

  /**
   * Writes the days from the sealed mark to the UTC day of `now` (the ended ones) from their hours,
   * every automation at once, and moves the mark; returns the day rows written. Writers of minutes
   * wait meanwhile (SHARE lock on run_rollup_minute; one INSERT … SELECT of ≤ 24 hour rows per day
   * and automation), so no minute lands between the sum and the mark: after it the minute trigger
   * keeps the day itself. Nothing is locked when no day has ended since the last sealing.
   */
  async seal(now: Date): Promise<{ days: number; through: Date }> {
    const [due] = await this.db.query<{ due: boolean }>(`SELECT through < ${DAY_OF('$1::timestamptz')} AS due FROM run_rollup_day_sealed`, [now]);
    if (due?.due !== true) {
      return { days: 0, through: await this.sealedThrough() };
    }
    return this.db.transaction(async (tx) => {
      await this.db.query(`LOCK TABLE run_rollup_minute IN SHARE MODE`, [], tx);
      const [sealed] = await this.db.query<{ through: Date }>(`SELECT through FROM run_rollup_day_sealed`, [], tx);
      if (sealed === undefined) {
        throw new Error('run_rollup_day_sealed has no row: the CreateDailyRollups migration writes it');
      }
      const from = sealed.through;
      const through = new Date(Math.max(from.getTime(), Math.floor(now.getTime() / 86_400_000) * 86_400_000));
      const written = await this.db.query<unknown>(
        `INSERT INTO run_rollup_day AS r (automation_slug, day, ${COUNTERS}, duration_histogram, minutes)
         SELECT automation_slug, ${DAY_OF('hour')}, ${SUMS}, ${histogramSumSql('duration_histogram')}, sum(minutes)
           FROM run_rollup_hour WHERE hour >= $1 AND hour < $2 GROUP BY 1, 2
         RETURNING 1`,
        [from, through],
        tx,
      );
      await this.db.query(`UPDATE run_rollup_day_sealed SET through = $1`, [through], tx);
      return { days: written.length, through };
    });
  }
}
