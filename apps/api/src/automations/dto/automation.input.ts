import { Field, Float, InputType, Int } from '@nestjs/graphql';
import type { AutomationType, KpiDirection, KpiMoneyKind, KpiSource, Lifecycle, RiskDomain, RuntimeKind, SloIndicator } from '@roundhouse/contracts';
import {
  AutomationTypeEnum,
  KpiDirectionEnum,
  KpiMoneyKindEnum,
  KpiSourceEnum,
  LifecycleEnum,
  LinkTypeEnum,
  RiskDomainEnum,
  RuntimeKindEnum,
  SloIndicatorEnum,
} from '../../common/graphql/enums.js';

// Shapes only: every rule (formats, ranges, cross-field checks) is the Automation v1 contract's,
// applied in the service so the console and catalog files are held to the same rules.

@InputType()
export class OnCallInput {
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) slack?: string | null;
  @Field(() => String, { nullable: true }) schedule?: string | null;
}

@InputType()
export class LinkInput {
  @Field(() => String) title: string;
  @Field(() => String) url: string;
  @Field(() => LinkTypeEnum, { defaultValue: 'other' }) type?: string;
}

@InputType()
export class RuntimeBindingInput {
  @Field(() => RuntimeKindEnum) kind: RuntimeKind;
  @Field(() => String, { nullable: true }) queue?: string | null;
  @Field(() => String, { nullable: true }) deadLetterQueue?: string | null;
  @Field(() => String, { nullable: true }) exchange?: string | null;
  @Field(() => String, { nullable: true }) routingKey?: string | null;
  @Field(() => String, { nullable: true, description: 'NATS JetStream: the stream that holds the messages.' }) stream?: string | null;
  @Field(() => String, { nullable: true, description: 'NATS JetStream: the durable consumer whose given-up messages are collected.' }) consumer?: string | null;
  @Field(() => String, { nullable: true, description: 'NATS JetStream: the subjects the consumer reads (its filter).' }) subject?: string | null;
  @Field(() => String, { nullable: true, description: 'The OpenTelemetry service.name whose root spans sent to /v1/traces are this automation’s runs.' }) serviceName?:
    string | null;
  @Field(() => String, { nullable: true }) reprocessUrl?: string | null;
  @Field(() => String, { nullable: true }) connection?: string | null;
  @Field(() => String, { nullable: true }) signingSecret?: string | null;
}

@InputType()
export class PayloadPolicyInput {
  @Field(() => [String], { defaultValue: [] }) sensitiveFields?: string[];
}

@InputType()
export class SloInput {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => SloIndicatorEnum) indicator: SloIndicator;
  @Field(() => Float) objective: number;
  @Field(() => String, { nullable: true }) threshold?: string | null;
  @Field(() => Int, { nullable: true }) percentile?: number | null;
  @Field(() => Int, { nullable: true }) maxBacklog?: number | null;
  @Field(() => String, { defaultValue: '30d' }) window?: string;
  @Field(() => String, { nullable: true }) runbook?: string | null;
}

@InputType()
export class KpiBaselineInput {
  @Field(() => Float, { nullable: true }) value?: number | null;
  @Field(() => String, { nullable: true }) from?: string | null;
  @Field(() => String, { nullable: true }) to?: string | null;
  @Field(() => String) note: string;
}

@InputType()
export class KpiInput {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String) unit: string;
  @Field(() => KpiDirectionEnum) direction: KpiDirection;
  @Field(() => KpiSourceEnum, { defaultValue: 'measurement' }) source?: KpiSource;
  @Field(() => KpiBaselineInput) baseline: KpiBaselineInput;
  @Field(() => Float) target: number;
  @Field(() => String, { nullable: true }) currency?: string | null;
  @Field(() => Float, { nullable: true }) minutesPerTouch?: number | null;
  @Field(() => KpiMoneyKindEnum, { nullable: true }) money?: KpiMoneyKind | null;
}

@InputType()
export class RunbookInput {
  @Field(() => String) id: string;
  @Field(() => String) title: string;
  @Field(() => String) markdown: string;
}

@InputType()
export class ReleaseInput {
  @Field(() => String) version: string;
  @Field(() => String) date: string;
  @Field(() => String) summary: string;
  @Field(() => String, { nullable: true }) why?: string | null;
}

@InputType()
export class AutomationInput {
  @Field(() => String) slug: string;
  @Field(() => String) title: string;
  @Field(() => String) description: string;
  @Field(() => AutomationTypeEnum) type: AutomationType;
  @Field(() => LifecycleEnum) lifecycle: Lifecycle;
  @Field(() => String, { description: 'Name of the owning team.' }) owner: string;
  @Field(() => OnCallInput) onCall: OnCallInput;
  @Field(() => [String], { defaultValue: [] }) systems?: string[];
  @Field(() => [RiskDomainEnum], { defaultValue: [] }) riskDomains?: RiskDomain[];
  @Field(() => [String], { defaultValue: [] }) tags?: string[];
  @Field(() => [LinkInput], { defaultValue: [] }) links?: LinkInput[];
  @Field(() => RuntimeBindingInput, { nullable: true }) runtime?: RuntimeBindingInput | null;
  @Field(() => PayloadPolicyInput, { nullable: true }) payload?: PayloadPolicyInput | null;
  @Field(() => [SloInput], { defaultValue: [] }) slos?: SloInput[];
  @Field(() => [KpiInput], { defaultValue: [] }) kpis?: KpiInput[];
  @Field(() => [RunbookInput], { defaultValue: [] }) runbooks?: RunbookInput[];
  @Field(() => [ReleaseInput], { defaultValue: [] }) releases?: ReleaseInput[];
}

@InputType()
export class AutomationFilter {
  @Field(() => String, { nullable: true, description: 'Words matched against title, slug, tags and description (prefixes match).' })
  search?: string | null;
  @Field(() => String, { nullable: true, description: 'Owning team name.' }) owner?: string | null;
  @Field(() => LifecycleEnum, { nullable: true }) lifecycle?: Lifecycle | null;
  @Field(() => AutomationTypeEnum, { nullable: true }) type?: AutomationType | null;
  @Field(() => String, { nullable: true }) tag?: string | null;
  @Field(() => String, { nullable: true }) system?: string | null;
  @Field(() => RiskDomainEnum, { nullable: true }) riskDomain?: RiskDomain | null;
  @Field(() => Boolean, { defaultValue: false }) includeArchived?: boolean;
}
