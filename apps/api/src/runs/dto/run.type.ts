import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RUN_STATUSES, STEP_OUTCOMES, type RunStatus, type StepOutcome } from '@roundhouse/contracts';
import { PageInfoType } from '../../common/graphql/page-info.type.js';

export const RunStatusEnum = Object.fromEntries(RUN_STATUSES.map((s) => [s, s])) as { [K in RunStatus]: K };
registerEnumType(RunStatusEnum, { name: 'RunStatus' });

export const StepOutcomeEnum = Object.fromEntries(STEP_OUTCOMES.map((s) => [s, s])) as { [K in StepOutcome]: K };
registerEnumType(StepOutcomeEnum, { name: 'StepOutcome' });

@ObjectType('RunAutomation')
export class RunAutomationType {
  @Field(() => String) slug: string;
  @Field(() => String) title: string;
}

@ObjectType('Run', { description: 'One attempt of one run of an automation.' })
export class RunType {
  @Field(() => RunAutomationType) automation: RunAutomationType;
  @Field(() => String) runId: string;
  @Field(() => Int) attempt: number;
  @Field(() => String, { nullable: true }) correlationId: string | null;
  @Field(() => RunStatusEnum) status: RunStatus;
  @Field(() => Date) startedAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => Int, { nullable: true }) durationMs: number | null;
  @Field(() => String, { nullable: true }) errorClass: string | null;
  @Field(() => String, { nullable: true }) errorMessage: string | null;
  @Field(() => Boolean) manualTouch: boolean;
}

@ObjectType('RunStep', { description: 'A step inside a run (an OpenTelemetry child span): shown in the trail under its run.' })
export class RunStepType {
  @Field(() => RunAutomationType) automation: RunAutomationType;
  @Field(() => String, { description: 'Unique within the correlation id (for OpenTelemetry, the span id).' }) stepId: string;
  @Field(() => String, { nullable: true, description: 'The run or step this step ran inside, when known (for OpenTelemetry, the parent span id).' }) parentStepId: string | null;
  @Field(() => String, { nullable: true, description: 'The run it belongs to, when known.' }) runId: string | null;
  @Field(() => String) name: string;
  @Field(() => StepOutcomeEnum) outcome: StepOutcome;
  @Field(() => Date) startedAt: Date;
  @Field(() => Date) finishedAt: Date;
  @Field(() => Int) durationMs: number;
  @Field(() => String, { nullable: true }) errorMessage: string | null;
}

@ObjectType('RunEdge')
export class RunEdgeType {
  @Field(() => String) cursor: string;
  @Field(() => RunType) node: RunType;
}

@ObjectType('RunConnection')
export class RunConnectionType {
  @Field(() => [RunEdgeType]) edges: RunEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
}

@InputType()
export class RunFilter {
  @Field(() => String, { nullable: true }) automation?: string | null;
  @Field(() => RunStatusEnum, { nullable: true }) status?: RunStatus | null;
  @Field(() => Date, { nullable: true, description: 'Runs that started at or after this time.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Runs that started before this time.' }) to?: Date | null;
  @Field(() => String, { nullable: true }) correlationId?: string | null;
}

@ObjectType('HealthPoint', { description: "One time bucket of an automation's health. Rates are 0..1 and null when nothing finished in the bucket." })
export class HealthPointType {
  @Field(() => Date) at: Date;
  @Field(() => Int, { description: 'Attempts that finished (succeeded + failed + dead-lettered + retried).' }) throughput: number;
  @Field(() => Int) succeeded: number;
  @Field(() => Int) failed: number;
  @Field(() => Int) deadLettered: number;
  @Field(() => Int) retried: number;
  @Field(() => Float, { nullable: true }) successRate: number | null;
  @Field(() => Float, { nullable: true }) errorRate: number | null;
  @Field(() => Float, { nullable: true }) retryRate: number | null;
  @Field(() => Float, { nullable: true }) p50Ms: number | null;
  @Field(() => Float, { nullable: true }) p95Ms: number | null;
  @Field(() => Float, { nullable: true }) p99Ms: number | null;
}

@ObjectType('AutomationHealth')
export class AutomationHealthType {
  @Field(() => String) slug: string;
  @Field(() => String, { description: 'One of 1h, 24h, 7d, 30d.' }) window: string;
  @Field(() => String, { description: 'Bucket size: 1m, 5m, 15m, 1h, 6h or 1d (chosen from the window when not given).' }) bucket: string;
  @Field(() => Date) from: Date;
  @Field(() => Date) to: Date;
  @Field(() => Int) throughput: number;
  @Field(() => Float, { nullable: true }) successRate: number | null;
  @Field(() => Float, { nullable: true }) errorRate: number | null;
  @Field(() => Float, { nullable: true }) retryRate: number | null;
  @Field(() => Float, { nullable: true }) p50Ms: number | null;
  @Field(() => Float, { nullable: true }) p95Ms: number | null;
  @Field(() => Float, { nullable: true }) p99Ms: number | null;
  @Field(() => Date, { nullable: true }) lastSuccessAt: Date | null;
  @Field(() => Date, { nullable: true }) lastHeartbeatAt: Date | null;
  @Field(() => [HealthPointType]) series: HealthPointType[];
}
