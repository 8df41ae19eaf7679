import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { DashboardSloRowType } from '../dashboards/dto/dashboard.type.js';
import type { AlertRow } from './alerts.repository.js';
import { AlertsService } from './alerts.service.js';
import { toAlert } from './dto/alert.mapper.js';
import { AlertType } from './dto/alert.type.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

/** Open alerts per automation, read once per GraphQL request however many SLO rows ask. */
const perRequest = new WeakMap<object, Map<string, Promise<AlertRow[]>>>();

@Resolver(() => DashboardSloRowType)
export class DashboardSloAlertsResolver {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @RequirePermission('catalog:read')
  @ResolveField(() => [AlertType], { complexity: FIELD_COST.openAlerts, description: 'This SLO’s alerts that are firing or acknowledged, newest first.' })
  async openAlerts(@Parent() row: DashboardSloRowType, @Context('req') req: object, @CurrentUser() user: User | undefined): Promise<AlertType[]> {
    const cache = perRequest.get(req) ?? new Map<string, Promise<AlertRow[]>>();
    perRequest.set(req, cache);
    let open = cache.get(row.automation);
    if (open === undefined) {
      open = this.alerts.openFor([row.automation]);
      cache.set(row.automation, open);
    }
    return (await open).filter((alert) => alert.slo === row.status.name).map((alert) => toAlert(alert, AlertsService.acknowledgeBlockedReason(alert, user)));
  }
}
