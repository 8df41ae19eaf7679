import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { AutomationHealthType, RunConnectionType, RunFilter, RunStepType, RunType } from './dto/run.type.js';
import { RunsService } from './runs.service.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => RunType)
export class RunsResolver {
  constructor(@Inject(RunsService) private readonly service: RunsService) {}

  @RequirePermission('catalog:read')
  @Query(() => RunConnectionType, { description: 'Runs, newest first.' })
  runs(
    @CurrentUser() user: User | undefined,
    @Args('filter', { type: () => RunFilter, nullable: true }) filter: RunFilter | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<RunConnectionType> {
    const query = {
      automation: filter?.automation ?? undefined,
      status: filter?.status ?? undefined,
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
      correlationId: filter?.correlationId ?? undefined,
    };
    return this.service.list(query, first, after ?? undefined, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => AutomationHealthType, { complexity: FIELD_COST.automationHealth, description: "An automation's health over a window, from per-minute rollups." })
  automationHealth(
    @CurrentUser() user: User | undefined,
    @Args('slug', { type: () => String }) slug: string,
    @Args('window', { type: () => String, defaultValue: '24h' }) window: string,
    @Args('bucket', { type: () => String, nullable: true }) bucket: string | null,
  ): Promise<AutomationHealthType> {
    return this.service.health(slug, window, bucket ?? undefined, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => [RunType], { complexity: FIELD_COST.trail, description: 'Every run of every automation in one business transaction, in time order.' })
  trail(@CurrentUser() user: User | undefined, @Args('correlationId', { type: () => String }) correlationId: string): Promise<RunType[]> {
    return this.service.trail(correlationId, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => [RunStepType], { complexity: FIELD_COST.trail, description: 'The steps inside the runs of one business transaction (OpenTelemetry child spans), in time order.' })
  trailSteps(@Args('correlationId', { type: () => String }) correlationId: string): Promise<RunStepType[]> {
    return this.service.trailSteps(correlationId);
  }
}
