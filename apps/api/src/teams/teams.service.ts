import { Inject, Injectable } from '@nestjs/common';
import { PeopleService } from '../people/index.js';
import type { TeamType } from './dto/team.type.js';
import { toTeamType } from './team.mapper.js';
import { TeamsRepository } from './teams.repository.js';

@Injectable()
export class TeamsService {
  constructor(
    @Inject(TeamsRepository) private readonly teams: TeamsRepository,
    @Inject(PeopleService) private readonly people: PeopleService,
  ) {}

  /** Every active team with its members as the catalog knows them (one lookup for all). */
  async list(): Promise<TeamType[]> {
    const rows = await this.teams.listActiveWithCounts();
    const people = await this.people.byNames(rows.flatMap(({ team }) => team.members));
    return rows.map(({ team, automationCount }) => toTeamType(team, automationCount, people));
  }

  /** Teams by name, for showing owners; counts are not needed there. */
  async byName(names: readonly string[]): Promise<Map<string, TeamType>> {
    const rows = await this.teams.findByNames([...new Set(names)]);
    const people = await this.people.byNames(rows.flatMap((team) => team.members));
    return new Map(rows.map((team) => [team.name, toTeamType(team, 0, people)]));
  }

  isActive(name: string): Promise<boolean> {
    return this.teams.isActive(name);
  }
}
