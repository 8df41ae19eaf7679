import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { AutomationsService } from './automations.service.js';
import { AutomationFilter, AutomationInput } from './dto/automation.input.js';
import { AutomationConnectionType, AutomationFacetsType, AutomationObjectType } from './dto/automation.type.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => AutomationObjectType)
export class AutomationsResolver {
  constructor(@Inject(AutomationsService) private readonly service: AutomationsService) {}

  @RequirePermission('catalog:read')
  @Query(() => AutomationConnectionType, { description: 'Catalog search, ordered by title then slug (stable for cursors).' })
  automations(
    @CurrentUser() user: User | undefined,
    @Args('filter', { type: () => AutomationFilter, nullable: true }) filter: AutomationFilter | null,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AutomationConnectionType> {
    const query = {
      search: filter?.search ?? undefined,
      owner: filter?.owner ?? undefined,
      lifecycle: filter?.lifecycle ?? undefined,
      type: filter?.type ?? undefined,
      tag: filter?.tag ?? undefined,
      system: filter?.system ?? undefined,
      riskDomain: filter?.riskDomain ?? undefined,
      includeArchived: filter?.includeArchived ?? false,
    };
    return this.service.search(query, first, after ?? undefined, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => AutomationObjectType, { description: 'One automation; NOT_FOUND for an unknown slug.' })
  automation(@CurrentUser() user: User | undefined, @Args('slug', { type: () => String }) slug: string): Promise<AutomationObjectType> {
    return this.service.get(slug, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => AutomationFacetsType, { complexity: FIELD_COST.automationFacets })
  automationFacets(): Promise<AutomationFacetsType> {
    return this.service.facets();
  }

  @RequirePermission('catalog:read')
  @Query(() => String, { complexity: FIELD_COST.exportAutomation, description: 'The automation as catalog YAML, ready to commit to Git.' })
  exportAutomation(@Args('slug', { type: () => String }) slug: string): Promise<string> {
    return this.service.exportYaml(slug);
  }

  @RequirePermission('automation:register')
  @Mutation(() => AutomationObjectType)
  registerAutomation(@CurrentUser() user: User, @Args('input', { type: () => AutomationInput }) input: AutomationInput): Promise<AutomationObjectType> {
    return this.service.register(input, user);
  }

  @RequirePermission('automation:update')
  @Mutation(() => AutomationObjectType, { description: 'Replaces the definition; input.slug must equal slug.' })
  updateAutomation(
    @CurrentUser() user: User,
    @Args('slug', { type: () => String }) slug: string,
    @Args('input', { type: () => AutomationInput }) input: AutomationInput,
  ): Promise<AutomationObjectType> {
    return this.service.update(slug, input, user);
  }

  @RequirePermission('automation:archive')
  @Mutation(() => AutomationObjectType, { description: 'Hides the automation from the catalog; it stays exportable.' })
  archiveAutomation(@CurrentUser() user: User, @Args('slug', { type: () => String }) slug: string): Promise<AutomationObjectType> {
    return this.service.archive(slug, user);
  }
}
