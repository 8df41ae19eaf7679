import { Inject, Injectable } from '@nestjs/common';
import type { User } from '../auth/index.js';
import { PeopleRepository } from './people.repository.js';

/**
 * People as the catalog knows them (Backstage Users, and the members teams list): when someone signs
 * in, the teams the catalog gives them join the teams their account or identity provider gives.
 */
@Injectable()
export class PeopleService {
  constructor(@Inject(PeopleRepository) private readonly people: PeopleRepository) {}

  /**
   * `user` with the catalog's teams for them added. `identifiers` are the names they are known by: a
   * local account's username; an SSO subject and email. Matched without case.
   */
  async withCatalogTeams(user: User, identifiers: readonly (string | undefined)[]): Promise<User> {
    const known = [...new Set(identifiers.filter((id): id is string => id !== undefined && id.trim() !== '').map((id) => id.trim().toLowerCase()))];
    const teams = await this.people.teamsOf(known);
    const extra = teams.filter((team) => !user.teams.includes(team));
    return extra.length === 0 ? user : { ...user, teams: [...user.teams, ...extra] };
  }

  /** The people the catalog knows among `names` (Backstage Users), by name; others are not in the map. */
  async byNames(names: readonly string[]): Promise<Map<string, { displayName: string | null; email: string | null }>> {
    const rows = await this.people.byNames([...new Set(names)]);
    return new Map(rows.map((row) => [row.name, { displayName: row.displayName, email: row.email }]));
  }
}
