import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { DeadLetterStatus } from '@roundhouse/contracts';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { DeadLetterConnectionType, DeadLetterFilter, DeadLetterGroupType, DeadLetterStatusEnum, DeadLetterType } from './dto/dead-letter.type.js';
import { DeadLettersService } from './dead-letters.service.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => DeadLetterType)
export class DeadLettersResolver {
  constructor(@Inject(DeadLettersService) private readonly service: DeadLettersService) {}

  @RequirePermission('catalog:read')
  @Query(() => DeadLetterConnectionType, { description: 'Newest failure first; keyset pagination.' })
  deadLetters(
    @CurrentUser() user: User | undefined,
    @Args('filter', { type: () => DeadLetterFilter, nullable: true }) filter: DeadLetterFilter | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DeadLetterConnectionType> {
    const query = {
      automation: filter?.automation ?? undefined,
      fingerprint: filter?.fingerprint ?? undefined,
      status: filter?.status ?? undefined,
      needsAction: filter?.needsAction ?? undefined,
      teams: filter?.teams ?? undefined,
      reprocessRequest: filter?.reprocessRequest ?? undefined,
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
      search: filter?.search ?? undefined,
    };
    return this.service.list(query, first, after ?? undefined, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => DeadLetterType)
  deadLetter(@CurrentUser() user: User | undefined, @Args('id', { type: () => ID }) id: string): Promise<DeadLetterType> {
    return this.service.get(id, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => [DeadLetterGroupType], {
    complexity: FIELD_COST.deadLetterGroups,
    description: 'Groups by error fingerprint, most waiting first: those holding a dead letter that matches.',
  })
  deadLetterGroups(
    @CurrentUser() user: User | undefined,
    @Args('automation', { type: () => String, nullable: true }) automation: string | null,
    @Args('status', { type: () => DeadLetterStatusEnum, nullable: true, defaultValue: 'pending' }) status: DeadLetterStatus | null,
    @Args('needsAction', { type: () => Boolean, nullable: true, description: 'Only groups holding a dead letter that is pending or failed again.' }) needsAction: boolean | null,
    @Args('reprocessRequest', { type: () => ID, nullable: true, description: 'Only groups holding a dead letter this reprocess request sent back (as it stands now).' })
    reprocessRequest: string | null,
    @Args('teams', { type: () => [String], nullable: true, description: 'Only groups of automations these teams own (e.g. the viewer’s teams: "my teams").' })
    teams: string[] | null,
  ): Promise<DeadLetterGroupType[]> {
    return this.service.groups(
      {
        automation: automation ?? undefined,
        status: status ?? undefined,
        needsAction: needsAction ?? undefined,
        reprocessRequest: reprocessRequest ?? undefined,
        teams: teams ?? undefined,
      },
      user,
    );
  }
}
