import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/index.js';
import { toSloStatus } from './dto/slo-status.mapper.js';
import { SloStatusType } from './dto/slo-status.type.js';
import { SlosService } from './slos.service.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => SloStatusType)
export class SlosResolver {
  constructor(@Inject(SlosService) private readonly service: SlosService) {}

  @RequirePermission('catalog:read')
  @Query(() => [SloStatusType], {
    complexity: FIELD_COST.automationSlos,
    description: "An automation's SLOs as they stand now: error budget, burn rates and state, from the per-minute rollups.",
  })
  async automationSlos(@Args('slug', { type: () => String }) slug: string): Promise<SloStatusType[]> {
    return (await this.service.status(slug)).map(toSloStatus);
  }
}
