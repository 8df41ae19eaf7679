import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { AuditService } from './audit.service.js';
import { AuditEntryConnectionType, AuditEntryType, AuditFilter } from './dto/audit-entry.type.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => AuditEntryType)
export class AuditResolver {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @RequirePermission('audit:read')
  @Query(() => AuditEntryConnectionType, {
    complexity: FIELD_COST.auditEntries,
    description: 'Everything done in Roundhouse, newest first; keyset pagination. Admins read every entry, operators and owners those of their teams and their teams’ automations.',
  })
  auditEntries(
    @CurrentUser() user: User | undefined,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter: AuditFilter | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEntryConnectionType> {
    return this.audit.search(filter, first, after ?? undefined, user);
  }

  @RequirePermission('audit:read')
  @Query(() => [String], {
    complexity: FIELD_COST.auditActions,
    description: 'The actions recorded in the trail you may read (automation.updated, alert.acknowledged…), for a filter’s choices.',
  })
  auditActions(@CurrentUser() user: User | undefined): Promise<string[]> {
    return this.audit.actions(user);
  }
}
