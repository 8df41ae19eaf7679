import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorType } from '../../audit/dto/audit-entry.type.js';
import { ReprocessRequestType } from '../../reprocess/dto/reprocess.type.js';
import { RunAutomationType } from '../../runs/dto/run.type.js';
import { CHANGE_STATES, type ChangeState } from '../../automation-changes/index.js';

export const AutomationChangeStateEnum = Object.fromEntries(CHANGE_STATES.map((s) => [s, s])) as { [K in ChangeState]: K };
registerEnumType(AutomationChangeStateEnum, {
  name: 'AutomationChangeState',
  description: 'pending: waits for the owner team; approved: applied; rejected: not applied; superseded: the automation changed first, or a newer change replaced it.',
});

@ObjectType('AutomationChange', {
  description:
    'A change waiting for (or decided by) an owner of the automation’s team: the SLOs of a production automation, leaving production, or moving or taking a risk domain from a risk-domain automation.',
})
export class AutomationChangeType {
  @Field(() => ID) id: string;
  @Field(() => RunAutomationType) automation: RunAutomationType;
  @Field(() => String, { description: 'The team whose owners approve it.' }) ownerTeam: string;
  @Field(() => AutomationChangeStateEnum) state: ChangeState;
  @Field(() => ActorType) requestedBy: ActorType;
  @Field(() => Date) requestedAt: Date;
  @Field(() => [String], { description: 'What changes in the SLOs, in words, before → after.' }) sloChanges: string[];
  @Field(() => [String], { description: 'Everything in it that waits for the owner team, in words, before → after: owner team, risk domains, lifecycle, SLOs.' }) changes: string[];
  @Field(() => ActorType, { nullable: true }) decidedBy: ActorType | null;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The approver’s note, why it was rejected, or why it was superseded.' }) reason: string | null;
  @Field(() => Boolean, { description: 'Whether the viewer may approve it now.' }) canDecide: boolean;
  @Field(() => String, { nullable: true, description: 'Why the viewer may not approve it, while it waits.' }) decideBlockedReason: string | null;
  @Field(() => Boolean, { description: 'Whether the viewer may reject it (the requester: withdraw it).' }) canReject: boolean;
}

@ObjectType('ApprovalInbox', { description: 'What waits for the viewer’s approval, and what the viewer asked for that waits for someone else.' })
export class ApprovalInboxType {
  @Field(() => [ReprocessRequestType], { description: 'Reprocess and discard requests waiting for approval, oldest first.' }) reprocessRequests: ReprocessRequestType[];
  @Field(() => [AutomationChangeType], { description: 'Changes to automations waiting for their owner team, oldest first.' }) automationChanges: AutomationChangeType[];
  @Field(() => Int, { description: 'How many of these the viewer may approve now.' }) waitingForYou: number;
}
