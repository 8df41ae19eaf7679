import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { DeadLetterType } from '../dead-letters/dto/dead-letter.type.js';
import { InputError, type FieldError } from '../errors/domain-errors.js';
import {
  DeadLetterActionType,
  DeadLetterSelectionInput,
  ReprocessActionEnum,
  ReprocessPreviewType,
  ReprocessRequestConnectionType,
  ReprocessRequestType,
  StartReprocessInput,
} from './dto/reprocess.type.js';
import { selectionOf } from './reprocess-selection.js';
import { ReprocessService } from './reprocess.service.js';
import type { ReprocessAction } from './reprocess.types.js';
import { FIELD_COST } from '../common/graphql/field-costs.js';

@Resolver(() => ReprocessRequestType)
export class ReprocessResolver {
  constructor(@Inject(ReprocessService) private readonly service: ReprocessService) {}

  @RequirePermission('catalog:read')
  @Query(() => ReprocessPreviewType, {
    complexity: FIELD_COST.reprocessPreview,
    description: 'How many dead letters a reprocess or discard would act on now, where they would go, and whether you may.',
  })
  reprocessPreview(
    @CurrentUser() user: User | undefined,
    @Args('action', { type: () => ReprocessActionEnum }) action: ReprocessAction,
    @Args('selection', { type: () => DeadLetterSelectionInput }) selection: DeadLetterSelectionInput,
  ): Promise<ReprocessPreviewType> {
    const problems: FieldError[] = [];
    const parsed = selectionOf(selection, problems);
    if (parsed === undefined) {
      throw new InputError('The selection is not valid.', problems);
    }
    return this.service.preview(action, parsed, user);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType, { description: 'Snapshots the selection and starts reprocessing or discarding it, paced, in the background.' })
  startReprocess(@CurrentUser() user: User, @Args('input', { type: () => StartReprocessInput }) input: StartReprocessInput): Promise<ReprocessRequestType> {
    return this.service.start(input, user);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType)
  pauseReprocess(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ReprocessRequestType> {
    return this.service.pause(id, user, reason);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType)
  resumeReprocess(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ReprocessRequestType> {
    return this.service.resume(id, user, reason);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType, {
    description: 'Sends the rest of a request whose canary still waits for outcomes (a runtime that never reports them), without them. To stop instead, cancel the request.',
  })
  continueReprocessCanary(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ReprocessRequestType> {
    return this.service.continueCanary(id, user, reason);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType, { description: 'Stops sending; messages not sent yet go back to waiting.' })
  cancelReprocess(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ReprocessRequestType> {
    return this.service.cancel(id, user, reason);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType, {
    description:
      'A second person on call for or owning the team of every automation in it (admins only when on that team) lets a request that waits for approval run. Never the person who asked for it.',
  })
  approveReprocess(
    @CurrentUser() user: User,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
  ): Promise<ReprocessRequestType> {
    return this.service.approve(id, note, user);
  }

  @RequirePermission('dead-letter:act')
  @Mutation(() => ReprocessRequestType, {
    description: 'Says no to a request that waits for approval (who may approve it; or the requester, withdrawing it). It ends cancelled and its dead letters wait again.',
  })
  rejectReprocess(@CurrentUser() user: User, @Args('id', { type: () => ID }) id: string, @Args('reason', { type: () => String }) reason: string): Promise<ReprocessRequestType> {
    return this.service.reject(id, reason, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => ReprocessRequestType)
  reprocessRequest(@CurrentUser() user: User | undefined, @Args('id', { type: () => ID }) id: string): Promise<ReprocessRequestType> {
    return this.service.get(id, user);
  }

  @RequirePermission('catalog:read')
  @Query(() => ReprocessRequestConnectionType, { description: 'Newest first, optionally for one automation.' })
  reprocessRequests(
    @CurrentUser() user: User | undefined,
    @Args('automation', { type: () => String, nullable: true }) automation: string | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReprocessRequestConnectionType> {
    return this.service.list(automation ?? undefined, first, after ?? undefined, user);
  }
}

/** On each dead letter: the reprocesses and discards that included it. */
@Resolver(() => DeadLetterType)
export class DeadLetterActionsResolver {
  constructor(@Inject(ReprocessService) private readonly service: ReprocessService) {}

  @ResolveField(() => [DeadLetterActionType], { complexity: FIELD_COST.deadLetterActions, description: 'Reprocesses and discards that included this dead letter, newest first.' })
  actions(@CurrentUser() user: User | undefined, @Parent() deadLetter: DeadLetterType): Promise<DeadLetterActionType[]> {
    return this.service.history(deadLetter.id, deadLetter.automation.slug, user);
  }
}
