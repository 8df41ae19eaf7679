import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { TeamEntity } from './team.entity.js';

export interface TeamWithCount {
  team: TeamEntity;
  automationCount: number;
}

@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get teams() {
    return this.dataSource.getRepository(TeamEntity);
  }

  async listActiveWithCounts(): Promise<TeamWithCount[]> {
    const { entities, raw } = await this.teams
      .createQueryBuilder('team')
      .leftJoin('automation', 'automation', 'automation.owner_team = team.name AND automation.archived_at IS NULL')
      .addSelect('count(automation.slug)::int', 'automation_count')
      .where('team.archived_at IS NULL')
      .groupBy('team.name')
      .orderBy('lower(team.title)')
      .getRawAndEntities<{ automation_count: number }>();
    return entities.map((team, index) => ({ team, automationCount: raw[index]?.automation_count ?? 0 }));
  }

  findByNames(names: readonly string[]): Promise<TeamEntity[]> {
    return names.length === 0 ? Promise.resolve([]) : this.teams.findBy({ name: In([...names]) });
  }

  async isActive(name: string): Promise<boolean> {
    return (await this.teams.countBy({ name, archivedAt: IsNull() })) > 0;
  }

  async activeNames(): Promise<string[]> {
    const rows = await this.teams.find({ select: { name: true }, where: { archivedAt: IsNull() } });
    return rows.map((row) => row.name);
  }
}
