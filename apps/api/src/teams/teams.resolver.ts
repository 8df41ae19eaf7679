import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/index.js';
import { TeamType } from './dto/team.type.js';
import { TeamsService } from './teams.service.js';

@Resolver(() => TeamType)
export class TeamsResolver {
  constructor(@Inject(TeamsService) private readonly service: TeamsService) {}

  @RequirePermission('catalog:read')
  @Query(() => [TeamType], { description: 'Teams that own automations, by title.' })
  teams(): Promise<TeamType[]> {
    return this.service.list();
  }
}
