import { Inject } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/index.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';
import { DataFreshnessService } from './data-freshness.service.js';
import { DataFreshnessType } from './dto/data-freshness.type.js';

@Resolver(() => DataFreshnessType)
export class DataFreshnessResolver {
  constructor(@Inject(DataFreshnessService) private readonly service: DataFreshnessService) {}

  @RequirePermission('catalog:read')
  @Query(() => DataFreshnessType, {
    complexity: FIELD_COST.dataFreshness,
    description: 'How current dashboards, health charts, KPIs and SLOs are: when they come from a read replica that lags, as of when.',
  })
  dataFreshness(): Promise<DataFreshnessType> {
    return this.service.freshness();
  }
}
