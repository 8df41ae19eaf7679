import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { QuarantineConnectionType, QuarantinedEventType } from './dto/quarantined-event.type.js';
import { QuarantineService } from './quarantine.service.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => QuarantinedEventType)
export class QuarantineResolver {
  constructor(@Inject(QuarantineService) private readonly service: QuarantineService) {}

  @RequirePermission('quarantine:read')
  @Query(() => QuarantineConnectionType, { complexity: FIELD_COST.quarantine, description: 'Events quarantined at ingest for the teams the viewer owns (all for admins).' })
  quarantine(
    @CurrentUser() user: User,
    @Args('automation', { type: () => String, nullable: true }) automation: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<QuarantineConnectionType> {
    return this.service.list(user, automation ?? undefined, first, after ?? undefined);
  }
}
