import { Inject, Injectable } from '@nestjs/common';
import type { TeamType } from './dto/team.type.js';
import { toTeamType } from './team.mapper.js';
import { TeamsRepository } from './teams.repository.js';

@Injectable()
export class TeamsService {
  constructor(@Inject(TeamsRepository) private readonly teams: TeamsRepository) {}

  async list(): Promise<TeamType[]> {
    const rows = await this.teams.listActiveWithCounts();
    return rows.map(({ team, automationCount }) => toTeamType(team, automationCount));
  }

  /** Teams by name, for showing owners; counts are not needed there. */
  async byName(names: readonly string[]): Promise<Map<string, TeamType>> {
    const rows = await this.teams.findByNames([...new Set(names)]);
    return new Map(rows.map((team) => [team.name, toTeamType(team, 0)]));
  }

  isActive(name: string): Promise<boolean> {
    return this.teams.isActive(name);
  }
}
