import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import type { PartitionState } from '../metrics/index.js';
import { DAY_PARTITIONED_TABLES, RunPartitionsRepository } from './run-partitions.repository.js';

const DAY_MS = 86_400_000;

/**
 * Days made ahead of today. Ingest takes times at most a day ahead (the clock skew's limit), so the
 * partitions outlast six days without the job before a run could reach the default partition.
 */
export const DAYS_AHEAD = 7;

/** PostgreSQL's lock_not_available: a reader held the table past the drop's lock timeout. */
const LOCK_NOT_AVAILABLE = '55P03';

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Raw runs and steps live in one partition per UTC day: made ahead of time, and dropped whole once
 * the whole day is older than ROUNDHOUSE_RUN_RETENTION_DAYS (a run is kept at least that long and
 * at most a day more). Rollups are separate tables and stay.
 */
@Injectable()
export class RunPartitionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RunPartitionsRepository) private readonly partitions: RunPartitionsRepository,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  /**
   * Makes every missing day from the oldest the retention keeps (ingest takes runs that old) to
   * DAYS_AHEAD days ahead. Rows the default partition held for a day made now move into it.
   */
  async ensure(now = new Date()): Promise<{ created: number; moved: number }> {
    const first = now.getTime() - this.config.ROUNDHOUSE_RUN_RETENTION_DAYS * DAY_MS;
    const wanted: string[] = [];
    for (let at = first; utcDay(at) <= utcDay(now.getTime() + DAYS_AHEAD * DAY_MS); at += DAY_MS) {
      wanted.push(utcDay(at));
    }
    let created = 0;
    let moved = 0;
    for (const table of DAY_PARTITIONED_TABLES) {
      const existing = new Set(await this.partitions.days(table));
      for (const day of wanted.filter((d) => !existing.has(d))) {
        const rows = await this.partitions.create(table, day);
        created += 1;
        moved += rows;
        if (rows > 0) {
          this.log.warn({ table, day, rows }, 'rows waiting in the default partition moved into their day');
        }
      }
    }
    if (created > 0) {
      this.log.info({ created, through: wanted.at(-1) }, 'day partitions made');
    }
    return { created, moved };
  }

  /**
   * Drops every day that ended at or before `before`, and deletes what the default partition holds
   * from before it. A day whose drop could not get its lock (a long reader) is left for the next
   * run. Returns how many runs went.
   */
  async retire(before: Date): Promise<{ runs: number; dropped: string[] }> {
    let runs = 0;
    const dropped: string[] = [];
    for (const table of DAY_PARTITIONED_TABLES) {
      const days = (await this.partitions.days(table)).filter((day) => Date.parse(`${day}T00:00:00Z`) + DAY_MS <= before.getTime());
      for (const day of days) {
        try {
          const rows = await this.partitions.drop(table, day);
          runs += table === 'run' ? rows : 0;
          dropped.push(`${table}:${day}`);
        } catch (error) {
          if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) {
            throw error;
          }
          this.log.warn({ table, day }, 'a day partition was busy and is dropped at the next retention run');
        }
      }
      const stray = await this.partitions.deleteDefaultBefore(table, before);
      runs += table === 'run' ? stray : 0;
    }
    return { runs, dropped };
  }

  /** Each table's rows waiting in its default partition, and how many days after today have their partition. */
  async state(now = new Date()): Promise<PartitionState[]> {
    const today = Date.parse(`${utcDay(now.getTime())}T00:00:00Z`);
    const states: PartitionState[] = [];
    for (const table of DAY_PARTITIONED_TABLES) {
      const last = (await this.partitions.days(table)).at(-1);
      const daysAhead = last === undefined ? -1 : Math.round((Date.parse(`${last}T00:00:00Z`) - today) / DAY_MS);
      states.push({ table, defaultRows: await this.partitions.defaultRows(table), daysAhead });
    }
    return states;
  }
}
