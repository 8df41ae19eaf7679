import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { AutomationObjectType } from '../automations/dto/automation.type.js';
import { ApprovalsService } from './approvals.service.js';
import { ApprovalInboxType, AutomationChangeType } from './dto/approval.type.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => AutomationChangeType)
export class ApprovalsResolver {
  constructor(@Inject(ApprovalsService) private readonly service: ApprovalsService) {}

  @RequirePermission('catalog:read')
  @Query(() => ApprovalInboxType, { complexity: FIELD_COST.approvals, description: 'What waits for your approval, and what you asked for that waits for someone else.' })
  approvals(@CurrentUser() user: User | undefined): Promise<ApprovalInboxType> {
    return this.service.inbox(user);
  }

  @RequirePermission('automation:update')
  @Mutation(() => AutomationChangeType, { description: 'An owner of the automation’s team, not the requester, applies a change waiting for approval.' })
  approveAutomationChange(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<AutomationChangeType> {
    return this.service.approve(id, note, user);
  }

  @RequirePermission('automation:update')
  @Mutation(() => AutomationChangeType, { description: 'An owner of the automation’s team says no to a change waiting for approval (the requester: withdraws it).' })
  rejectAutomationChange(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ): Promise<AutomationChangeType> {
    return this.service.reject(id, reason, user);
  }
}

/** On each automation: the change to its SLOs waiting for the owner team, if any. */
@Resolver(() => AutomationObjectType)
export class AutomationPendingChangeResolver {
  constructor(@Inject(ApprovalsService) private readonly service: ApprovalsService) {}

  @ResolveField(() => AutomationChangeType, {
    complexity: FIELD_COST.pendingChange,
    nullable: true,
    description: 'A change to its SLOs that waits for an owner of its team (not applied yet).',
  })
  pendingChange(@CurrentUser() user: User | undefined, @Parent() automation: AutomationObjectType): Promise<AutomationChangeType | null> {
    return this.service.pendingChange(automation.slug, user);
  }
}
