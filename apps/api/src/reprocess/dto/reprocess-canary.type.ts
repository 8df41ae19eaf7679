import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorType } from '../../audit/dto/audit-entry.type.js';
import type { CanaryStage } from '../reprocess-canary.js';

export const ReprocessCanaryStageEnum = {
  awaiting_approval: 'awaiting_approval',
  sending: 'sending',
  waiting: 'waiting',
  passed: 'passed',
  stopped: 'stopped',
  cancelled: 'cancelled',
} as const satisfies Record<CanaryStage, CanaryStage>;
registerEnumType(ReprocessCanaryStageEnum, {
  name: 'ReprocessCanaryStage',
  description:
    'awaiting_approval: the request waits for a second person, nothing is sent; sending: the first slice is going out; waiting: sent, waiting for the runtime’s outcomes; passed: the rest follows; stopped: the request stopped after the slice; cancelled: the request was rejected or cancelled before the canary decided.',
});

@InputType('ReprocessCanaryInput', {
  description: 'Send a first slice (exactly one of count or percent) and continue to the rest only when at most maxFailureRate of it fails again, as the runtime reports.',
})
export class ReprocessCanaryInput {
  @Field(() => Int, { nullable: true, description: 'Messages in the first slice: at least 1, fewer than the request holds.' }) count?: number | null;
  @Field(() => Int, { nullable: true, description: 'Share of the request in the first slice, in percent (1–99), rounded up to whole messages.' }) percent?: number | null;
  @Field(() => Float, { description: 'The share of the slice that may fail again for the rest to be sent (0–1).' }) maxFailureRate: number;
}

@ObjectType('ReprocessCanaryDecision', { description: 'Whether the rest of the request followed its first slice, and why.' })
export class ReprocessCanaryDecisionType {
  @Field(() => ReprocessCanaryStageEnum, { description: 'passed or stopped.' }) outcome: CanaryStage;
  @Field(() => String, { description: 'The numbers behind it, in words: “canary: 3 of 10 failed again (30%), above the 20% you set…”.' }) reason: string;
  @Field(() => Date) at: Date;
  @Field(() => ActorType, { nullable: true, description: 'The person who continued the request without every outcome; null when Roundhouse decided from the outcomes.' })
  by: ActorType | null;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => Int, { description: 'Slice messages still without an outcome when it was decided.' }) awaiting: number;
}

@ObjectType('ReprocessCanary', { description: 'A request sent in stages: its first slice, the runtime’s outcomes so far, and the decision on the rest.' })
export class ReprocessCanaryType {
  @Field(() => Int, { nullable: true, description: 'The slice as asked for, in messages.' }) requestedCount: number | null;
  @Field(() => Int, { nullable: true, description: 'The slice as asked for, in percent of the request.' }) requestedPercent: number | null;
  @Field(() => Float) maxFailureRate: number;
  @Field(() => Int, { description: 'Messages in the first slice.' }) size: number;
  @Field(() => ReprocessCanaryStageEnum) stage: CanaryStage;
  @Field(() => Int, { description: 'Slice messages handed to their runtime.' }) sent: number;
  @Field(() => Int, { description: 'Sent, waiting for the runtime’s outcome.' }) awaiting: number;
  @Field(() => Int, { description: 'Handled successfully, as the runtime reported.' }) succeeded: number;
  @Field(() => Int, { description: 'Failed again (or could not be delivered).' }) failed: number;
  @Field(() => Int, { description: 'Messages after the slice, held until it is decided.' }) rest: number;
  @Field(() => ReprocessCanaryDecisionType, { nullable: true }) decision: ReprocessCanaryDecisionType | null;
}
