import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { teamColumns, type Team } from './team-row.js';

export interface TeamWithCount {
  team: Team;
  automationCount: number;
}

@Injectable()
export class TeamsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async listActiveWithCounts(): Promise<TeamWithCount[]> {
    const rows = await this.db.query<Team & { automation_count: number }>(
      `SELECT ${teamColumns('team.')}, count(automation.slug)::int AS automation_count
         FROM team LEFT JOIN automation ON automation.owner_team = team.name AND automation.archived_at IS NULL
        WHERE team.archived_at IS NULL
        GROUP BY team.name
        ORDER BY lower(team.title)`,
    );
    return rows.map(({ automation_count, ...team }) => ({ team, automationCount: automation_count }));
  }

  findByNames(names: readonly string[]): Promise<Team[]> {
    return names.length === 0 ? Promise.resolve([]) : this.db.query(`SELECT ${teamColumns()} FROM team WHERE name = ANY($1::text[])`, [[...names]]);
  }

  async isActive(name: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM team WHERE name = $1 AND archived_at IS NULL`, [name])).length > 0;
  }

  async activeNames(): Promise<string[]> {
    const rows = await this.db.query<{ name: string }>(`SELECT name FROM team WHERE archived_at IS NULL`);
    return rows.map((row) => row.name);
  }
}
