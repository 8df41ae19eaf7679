import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorType } from '../../audit/dto/audit-entry.type.js';
import { PageInfoType } from '../../common/graphql/page-info.type.js';
import { DeadLetterFilter, DeadLetterSourceEnum } from '../../dead-letters/dto/dead-letter.type.js';
import { RunAutomationType } from '../../runs/dto/run.type.js';
import { ReprocessCanaryInput, ReprocessCanaryType } from './reprocess-canary.type.js';
import { ITEM_STATES, REPROCESS_ACTIONS, REQUEST_STATES, ROUTES, type ItemState, type ReprocessAction, type RequestState, type Route } from '../reprocess.types.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ReprocessActionEnum = enumOf(REPROCESS_ACTIONS);
registerEnumType(ReprocessActionEnum, { name: 'ReprocessAction', description: 'reprocess: send the messages back to their runtime; discard: set them aside for good.' });
export const ReprocessRequestStateEnum = enumOf(REQUEST_STATES);
registerEnumType(ReprocessRequestStateEnum, { name: 'ReprocessRequestState' });
export const ReprocessItemStateEnum = enumOf(ITEM_STATES);
registerEnumType(ReprocessItemStateEnum, { name: 'ReprocessItemState' });
export const ReprocessRouteEnum = enumOf(ROUTES);
registerEnumType(ReprocessRouteEnum, {
  name: 'ReprocessRoute',
  description: 'How messages go back: the runtime kind whose adapter sends them (rabbitmq, nats, …), sdk when the runtime pulls them through the SDK, or discard (sent nowhere).',
});

@ObjectType('ReprocessProgress', { description: 'Items of a request by ledger state.' })
export class ReprocessProgressType {
  @Field(() => Int, { description: 'Waiting their turn, or to be tried again.' }) queued: number;
  @Field(() => Int, { description: 'Sent and not yet confirmed by the transport; for SDK runtimes, offered and not yet picked up.' }) dispatched: number;
  @Field(() => Int, { description: 'Confirmed by the transport; waiting for the runtime to report the outcome.' }) acknowledged: number;
  @Field(() => Int, { description: 'Handled successfully by the runtime (or discarded).' }) succeeded: number;
  @Field(() => Int, { description: 'Failed again, or could not be delivered.' }) failed: number;
  @Field(() => Int, { description: 'Not sent: the request was cancelled first.' }) cancelled: number;
}

@ObjectType('ReprocessItemError')
export class ReprocessItemErrorType {
  @Field(() => ID) deadLetterId: string;
  @Field(() => String) messageId: string;
  @Field(() => ReprocessItemStateEnum) state: ItemState;
  @Field(() => String) error: string;
  @Field(() => Int) attempts: number;
}

@ObjectType('ReprocessSelectionGroup', { description: 'Dead letters of one automation failing with one error, in a request’s snapshot: how an approver recognises the selection.' })
export class ReprocessSelectionGroupType {
  @Field(() => String) automation: string;
  @Field(() => String) errorClass: string;
  @Field(() => Int, { description: 'Dead letters of the snapshot in this group.' }) count: number;
  @Field(() => ID, { description: 'A sample dead letter of the group (the oldest).' }) sampleDeadLetterId: string;
  @Field(() => String) sampleMessageId: string;
  @Field(() => String, { description: 'The sample’s error message, masked for those who may not read the automation’s payloads.' }) sampleError: string;
}

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];
export const ApprovalDecisionEnum = enumOf(APPROVAL_DECISIONS);
registerEnumType(ApprovalDecisionEnum, { name: 'ApprovalDecision' });

@ObjectType('ApprovalDecisionRecord', { description: 'A second person’s decision on something that waited for approval.' })
export class ApprovalDecisionType {
  @Field(() => ApprovalDecisionEnum) decision: ApprovalDecision;
  @Field(() => ActorType) by: ActorType;
  @Field(() => Date) at: Date;
  @Field(() => String, { nullable: true, description: 'The approver’s note, or why it was rejected.' }) note: string | null;
}

@ObjectType('ReprocessRequest', { description: 'A reprocess or discard of a snapshot of dead letters: durable, paced, with a ledger per message.' })
export class ReprocessRequestType {
  @Field(() => ID) id: string;
  @Field(() => ReprocessActionEnum) action: ReprocessAction;
  @Field(() => ReprocessRequestStateEnum) state: RequestState;
  @Field(() => String) reason: string;
  @Field(() => ActorType) requestedBy: ActorType;
  @Field(() => Int, { description: 'Most messages sent per second.' }) velocity: number;
  @Field(() => Int, { description: 'Dead letters in the snapshot.' }) total: number;
  @Field(() => [String]) automations: string[];
  @Field(() => String, { description: 'Which dead letters, in words.' }) selection: string;
  @Field(() => String, { nullable: true, description: 'Why the request is not moving right now (broker down, waiting for the runtime…).' }) waitingReason: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => ReprocessProgressType) progress: ReprocessProgressType;
  @Field(() => ReprocessCanaryType, {
    nullable: true,
    description: 'Its stages, when it was started with a canary: the first slice, its outcomes so far, and the decision on the rest.',
  })
  canary: ReprocessCanaryType | null;
  @Field(() => [ReprocessItemErrorType], { description: 'The latest failures and retries, with why (at most 20).' }) recentErrors: ReprocessItemErrorType[];
  @Field(() => [ReprocessSelectionGroupType], { description: 'What the snapshot holds by automation and error, most dead letters first (at most 5).' })
  errorGroups: ReprocessSelectionGroupType[];
  @Field(() => Boolean, { description: 'Whether the viewer may pause, resume or cancel it.' }) canControl: boolean;
  @Field(() => Boolean, {
    description:
      'While it waits for approval: whether the viewer may reject it (people on call for or owning its automations’ team, admins only when on it) or, having asked for it, withdraw it.',
  })
  canReject: boolean;
  @Field(() => [String], { description: 'Why it needs (or needed) a second person’s approval, in words; empty when one person could start it.' }) approvalReasons: string[];
  @Field(() => ApprovalDecisionType, { nullable: true, description: 'Who approved or rejected it, when, and with what note.' }) decision: ApprovalDecisionType | null;
  @Field(() => Boolean, { description: 'Whether the viewer may approve it now.' }) canDecide: boolean;
  @Field(() => String, { nullable: true, description: 'Why the viewer may not approve it, while it waits.' }) decideBlockedReason: string | null;
}

@ObjectType('ReprocessRequestEdge')
export class ReprocessRequestEdgeType {
  @Field(() => String) cursor: string;
  @Field(() => ReprocessRequestType) node: ReprocessRequestType;
}

@ObjectType('ReprocessRequestConnection')
export class ReprocessRequestConnectionType {
  @Field(() => [ReprocessRequestEdgeType]) edges: ReprocessRequestEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
}

@ObjectType('ReprocessPreviewPart')
export class ReprocessPreviewPartType {
  @Field(() => RunAutomationType) automation: RunAutomationType;
  @Field(() => DeadLetterSourceEnum) sourceKind: string;
  @Field(() => ReprocessRouteEnum) route: Route;
  @Field(() => String, { description: 'Where the messages will go, in words.' }) destination: string;
  @Field(() => Int) count: number;
  @Field(() => String, { nullable: true, description: 'What will stop delivery, if anything.' }) warning: string | null;
  @Field(() => Boolean, { description: 'Whether the viewer may act on this automation’s dead letters.' }) allowed: boolean;
}

@ObjectType('ReprocessPreview', { description: 'What a request would act on if it were made now.' })
export class ReprocessPreviewType {
  @Field(() => ReprocessActionEnum) action: ReprocessAction;
  @Field(() => Int, { description: 'Dead letters the request would snapshot now (pending, failed again or reprocessed; not already waiting in another request).' }) count: number;
  @Field(() => [ReprocessPreviewPartType]) parts: ReprocessPreviewPartType[];
  @Field(() => String, { nullable: true, description: 'Why the viewer cannot make this request, if they cannot.' }) blockedReason: string | null;
  @Field(() => [String], { description: 'Why the request would wait for a second person’s approval before anything is sent; empty when you may start it alone.' })
  approvalReasons: string[];
}

@ObjectType('DeadLetterAction', { description: 'One reprocess or discard that included this dead letter, and what became of it.' })
export class DeadLetterActionType {
  @Field(() => ID) requestId: string;
  @Field(() => ReprocessActionEnum) action: ReprocessAction;
  @Field(() => ReprocessRequestStateEnum) requestState: RequestState;
  @Field(() => String) requestedBy: string;
  @Field(() => String) reason: string;
  @Field(() => Date) requestedAt: Date;
  @Field(() => ReprocessRouteEnum) route: Route;
  @Field(() => ReprocessItemStateEnum) state: ItemState;
  @Field(() => String, { description: 'The idempotency key the message was sent with (x-roundhouse-reprocess-id).' }) reprocessId: string;
  @Field(() => Int) attempts: number;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) dispatchedAt: Date | null;
  @Field(() => Date, { nullable: true }) acknowledgedAt: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => ID, { nullable: true, description: 'The new dead letter, when it failed again as a new message.' }) newDeadLetterId: string | null;
}

@InputType('DeadLetterSelection', { description: 'Exactly one of: these dead letters, or everything matching a filter (snapshotted when the request is made).' })
export class DeadLetterSelectionInput {
  @Field(() => [ID], { nullable: true }) ids?: string[] | null;
  @Field(() => DeadLetterFilter, { nullable: true }) filter?: DeadLetterFilter | null;
}

@InputType('StartReprocessInput')
export class StartReprocessInput {
  @Field(() => ReprocessActionEnum) action: ReprocessAction;
  @Field(() => DeadLetterSelectionInput) selection: DeadLetterSelectionInput;
  @Field(() => String, { description: 'Why: recorded in the audit trail. Required.' }) reason: string;
  @Field(() => Int, { defaultValue: 100, description: 'Most messages sent per second (1–10,000).' }) velocity: number;
  @Field(() => Int, { nullable: true, description: 'The count the person confirmed; the request is refused if the selection has grown past it since.' }) expectedCount?:
    number | null;
  @Field(() => ReprocessCanaryInput, { nullable: true, description: 'Send a first slice and continue to the rest only when few enough of it fail again. Reprocess only.' })
  canary?: ReprocessCanaryInput | null;
}
