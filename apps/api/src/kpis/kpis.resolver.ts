import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { DashboardTrendInterval } from '@roundhouse/contracts';
import { RequirePermission } from '../auth/index.js';
import { DateRangeInput } from './dto/date-range.type.js';
import { toKpiReport, toKpiTrend } from './dto/kpi-report.mapper.js';
import { KpiReportType, KpiTrendType, TrendIntervalEnum } from './dto/kpi-report.type.js';
import { KpisService } from './kpis.service.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => KpiReportType)
export class KpisResolver {
  constructor(@Inject(KpisService) private readonly service: KpisService) {}

  @RequirePermission('catalog:read')
  @Query(() => [KpiReportType], {
    complexity: FIELD_COST.automationKpis,
    description: 'Every KPI of an automation: before, after over the range (default: the last 30 days), change and progress to target. From rollups and KPI measurements.',
  })
  async automationKpis(
    @Args('slug', { type: () => String }) slug: string,
    @Args('range', { type: () => DateRangeInput, nullable: true }) range?: DateRangeInput | null,
  ): Promise<KpiReportType[]> {
    return (await this.service.automationKpis(slug, range)).map(toKpiReport);
  }

  @RequirePermission('catalog:read')
  @Query(() => KpiTrendType, {
    complexity: FIELD_COST.kpiTrend,
    description: 'One KPI over the range (default: the last 30 days), one point per hour, day or week; a point is empty when nothing was measured in it.',
  })
  async kpiTrend(
    @Args('slug', { type: () => String }) slug: string,
    @Args('kpi', { type: () => String }) kpi: string,
    @Args('range', { type: () => DateRangeInput, nullable: true }) range?: DateRangeInput | null,
    @Args('interval', { type: () => TrendIntervalEnum, nullable: true, defaultValue: 'day' }) interval?: DashboardTrendInterval | null,
  ): Promise<KpiTrendType> {
    return toKpiTrend(await this.service.kpiTrend(slug, kpi, range, interval ?? 'day'));
  }
}
