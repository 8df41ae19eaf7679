import { Inject } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { RequirePermission } from '../auth/index.js';
import { AutomationObjectType } from '../automations/dto/automation.type.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';
import { AutomationStatusService } from './automation-status.service.js';
import { AutomationStatusType } from './dto/automation-status.type.js';

/** One loader per GraphQL request: every automation of a page asks in the same tick, and one batch answers them all. */
const loaders = new WeakMap<object, DataLoader<string, AutomationStatusType>>();

@Resolver(() => AutomationObjectType)
export class AutomationStatusResolver {
  constructor(@Inject(AutomationStatusService) private readonly service: AutomationStatusService) {}

  @RequirePermission('catalog:read')
  @ResolveField(() => AutomationStatusType, {
    complexity: FIELD_COST.automationStatus,
    description: 'Health, open alerts and runs of the last 24 hours; asked for a list, read for all of it at once.',
  })
  status(@Parent() automation: AutomationObjectType, @Context('req') req: object): Promise<AutomationStatusType> {
    let loader = loaders.get(req);
    if (loader === undefined) {
      loader = new DataLoader((slugs: readonly string[]) => this.service.statusOf(slugs));
      loaders.set(req, loader);
    }
    return loader.load(automation.slug);
  }
}
