import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/index.js';
import { DateRangeInput } from '../kpis/dto/date-range.type.js';
import { toDashboard, toDashboardSummary } from './dto/dashboard.mapper.js';
import { DashboardSummaryType, DashboardType } from './dto/dashboard.type.js';
import { DashboardsService } from './dashboards.service.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => DashboardType)
export class DashboardsResolver {
  constructor(@Inject(DashboardsService) private readonly service: DashboardsService) {}

  @RequirePermission('catalog:read')
  @Query(() => [DashboardSummaryType], { description: 'The stakeholder dashboards applied from dashboards/*.yaml, by title.' })
  async dashboards(): Promise<DashboardSummaryType[]> {
    return (await this.service.list()).map(toDashboardSummary);
  }

  @RequirePermission('catalog:read')
  @Query(() => DashboardType, {
    complexity: FIELD_COST.dashboard,
    nullable: true,
    description: 'Null when no dashboard has the name. A bad range is BAD_USER_INPUT naming the field.',
  })
  async dashboard(
    @Args('name', { type: () => String }) name: string,
    @Args('range', { type: () => DateRangeInput, nullable: true }) range?: DateRangeInput | null,
  ): Promise<DashboardType | null> {
    const result = await this.service.dashboard(name, range);
    return result === null ? null : toDashboard(result);
  }
}
