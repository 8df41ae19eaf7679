import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

/** Runs of one automation that ended in the last 24 hours, from the per-minute rollups. */
export interface RecentRuns {
  automation: string;
  succeeded: number;
  /** Failed or dead-lettered: given up on. */
  failed: number;
}

@Injectable()
export class AutomationStatusRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * Runs that ended in the last 24 hours (to the minute: the rollups' minutes after now − 24 h), for
   * every automation asked at once: one statement for a whole page of the catalog.
   */
  async recentRuns(automations: readonly string[]): Promise<Map<string, RecentRuns>> {
    const rows = await this.db.query<{ automation: string; succeeded: string; failed: string }>(
      `SELECT automation_slug AS automation, sum(succeeded) AS succeeded, sum(failed + dead_lettered) AS failed
         FROM run_rollup_minute
        WHERE automation_slug = ANY($1) AND minute > now() - interval '24 hours'
        GROUP BY automation_slug`,
      [automations],
    );
    return new Map(rows.map((row) => [row.automation, { automation: row.automation, succeeded: Number(row.succeeded), failed: Number(row.failed) }]));
  }
}
