import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

@Injectable()
export class PeopleRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * Active teams the catalog gives someone known by any of `identifiers` (lower case: a username,
   * an SSO subject, an email): the teams of the person (a Backstage User) whose name or email it is,
   * and the teams that list it among their members.
   */
  async teamsOf(identifiers: readonly string[]): Promise<string[]> {
    if (identifiers.length === 0) {
      return [];
    }
    const rows = await this.db.query<{ name: string }>(
      `SELECT team.name FROM team
        WHERE team.archived_at IS NULL
          AND (team.name IN (SELECT unnest(p.teams) FROM person p
                              WHERE p.archived_at IS NULL AND (lower(p.name) = ANY($1::text[]) OR lower(p.email) = ANY($1::text[])))
               OR EXISTS (SELECT 1 FROM unnest(team.members) m WHERE lower(m) = ANY($1::text[])))
        ORDER BY team.name`,
      [identifiers],
    );
    return rows.map((row) => row.name);
  }

  /** The active people among `names` (their catalog keys), for showing a team's members. */
  byNames(names: readonly string[]): Promise<{ name: string; displayName: string | null; email: string | null }[]> {
    if (names.length === 0) {
      return Promise.resolve([]);
    }
    return this.db.query(`SELECT name, display_name AS "displayName", email FROM person WHERE archived_at IS NULL AND name = ANY($1::text[])`, [names]);
  }
}
