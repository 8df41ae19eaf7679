import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { AutomationType, KpiDirection, KpiMoneyKind, KpiSource, Lifecycle, RiskDomain, RuntimeKind, SloIndicator } from '@roundhouse/contracts';
import { TeamType } from '../../teams/dto/team.type.js';
import type { EntitySource } from '../../common/entity-source.js';
import {
  AutomationTypeEnum,
  EntitySourceEnum,
  KpiDirectionEnum,
  KpiMoneyKindEnum,
  KpiSourceEnum,
  LifecycleEnum,
  LinkTypeEnum,
  RiskDomainEnum,
  RuntimeKindEnum,
  SloIndicatorEnum,
} from '../../common/graphql/enums.js';
import { OnCallType } from '../../common/graphql/on-call.type.js';
import { PageInfoType } from '../../common/graphql/page-info.type.js';

@ObjectType('Link')
export class LinkType {
  @Field(() => String) title: string;
  @Field(() => String) url: string;
  @Field(() => LinkTypeEnum) type: string;
}

@ObjectType('RuntimeBinding')
export class RuntimeBindingType {
  @Field(() => RuntimeKindEnum) kind: RuntimeKind;
  @Field(() => String, { nullable: true }) queue?: string;
  @Field(() => String, { nullable: true }) deadLetterQueue?: string;
  @Field(() => String, { nullable: true }) exchange?: string;
  @Field(() => String, { nullable: true }) routingKey?: string;
  @Field(() => String, { nullable: true, description: 'NATS JetStream: the stream that holds the messages.' }) stream?: string;
  @Field(() => String, { nullable: true, description: 'NATS JetStream: the durable consumer whose given-up messages are collected.' }) consumer?: string;
  @Field(() => String, { nullable: true, description: 'NATS JetStream: the subjects the consumer reads (its filter).' }) subject?: string;
  @Field(() => String, { nullable: true, description: 'The OpenTelemetry service.name whose root spans sent to /v1/traces are this automation’s runs.' }) serviceName?: string;
  @Field(() => String, { nullable: true }) reprocessUrl?: string;
  @Field(() => String, { nullable: true, description: 'Name of the environment variable holding the connection string.' }) connection?: string;
  @Field(() => String, { nullable: true, description: 'Name of the environment variable holding the secret reprocess webhooks are signed with.' }) signingSecret?: string;
}

@ObjectType('PayloadPolicy')
export class PayloadPolicyType {
  @Field(() => [String], {
    description:
      'Payload fields masked for people without payload access, matched in any case and at any depth: "card" masks every card field, "customer.email" the email of any customer, "lines.*.iban" (* is one key or list item); credentials are masked whatever is listed.',
  })
  sensitiveFields: string[];
}

@ObjectType('Slo')
export class SloType {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => SloIndicatorEnum) indicator: SloIndicator;
  @Field(() => Float, { description: 'Percent of good events or good minutes.' }) objective: number;
  @Field(() => String, { nullable: true }) threshold?: string;
  @Field(() => Int, { nullable: true }) percentile?: number;
  @Field(() => Int, { nullable: true }) maxBacklog?: number;
  @Field(() => String) window: string;
  @Field(() => String, { nullable: true, description: 'Id of the runbook that answers this SLO’s alerts.' }) runbook?: string;
}

@ObjectType('KpiBaseline')
export class KpiBaselineType {
  @Field(() => Float, { nullable: true }) value?: number;
  @Field(() => String, { nullable: true }) from?: string;
  @Field(() => String, { nullable: true }) to?: string;
  @Field(() => String, { description: 'How the baseline was measured.' }) note: string;
}

@ObjectType('Kpi')
export class KpiType {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String) unit: string;
  @Field(() => KpiDirectionEnum) direction: KpiDirection;
  @Field(() => KpiSourceEnum) source: KpiSource;
  @Field(() => KpiBaselineType) baseline: KpiBaselineType;
  @Field(() => Float) target: number;
  @Field(() => String, { nullable: true }) currency?: string;
  @Field(() => Float, { nullable: true }) minutesPerTouch?: number;
  @Field(() => KpiMoneyKindEnum, { nullable: true, description: 'With a currency: money saved, recovered or at stake, as the catalog says (empty: read from direction and unit).' })
  money?: KpiMoneyKind;
}

@ObjectType('Runbook')
export class RunbookType {
  @Field(() => String) id: string;
  @Field(() => String) title: string;
  @Field(() => String) markdown: string;
  @Field(() => String, { nullable: true, description: 'The Markdown file in catalog/, for file-managed automations.' }) path?: string;
}

@ObjectType('Release')
export class ReleaseType {
  @Field(() => String) version: string;
  @Field(() => String) date: string;
  @Field(() => String) summary: string;
  @Field(() => String, { nullable: true }) why?: string;
}

@ObjectType('Annotation', { description: 'A Backstage annotation on an automation; well-known ones (PagerDuty, GitHub, Grafana, Backstage) carry a link.' })
export class AnnotationType {
  @Field(() => String) key: string;
  @Field(() => String) value: string;
  @Field(() => String, { nullable: true, description: 'What the link opens, e.g. "PagerDuty service".' }) label: string | null;
  @Field(() => String, { nullable: true }) url: string | null;
}

@ObjectType('Label', { description: 'A Backstage label on an automation.' })
export class LabelType {
  @Field(() => String) key: string;
  @Field(() => String) value: string;
}

@ObjectType('Automation')
export class AutomationObjectType {
  @Field(() => String) slug: string;
  @Field(() => String) title: string;
  @Field(() => String) description: string;
  @Field(() => AutomationTypeEnum) type: AutomationType;
  @Field(() => LifecycleEnum) lifecycle: Lifecycle;
  @Field(() => TeamType) owner: TeamType;
  @Field(() => OnCallType) onCall: OnCallType;
  @Field(() => String, { nullable: true, description: 'The Backstage System (its name) the automation belongs to.' }) system: string | null;
  @Field(() => [String]) systems: string[];
  @Field(() => [RiskDomainEnum]) riskDomains: RiskDomain[];
  @Field(() => [String]) tags: string[];
  @Field(() => [LinkType]) links: LinkType[];
  @Field(() => [AnnotationType], { description: 'Backstage metadata.annotations, by key.' }) annotations: AnnotationType[];
  @Field(() => [LabelType], { description: 'Backstage metadata.labels, by key.' }) labels: LabelType[];
  @Field(() => RuntimeBindingType, { nullable: true }) runtime: RuntimeBindingType | null;
  @Field(() => PayloadPolicyType, { nullable: true }) payload: PayloadPolicyType | null;
  @Field(() => [SloType]) slos: SloType[];
  @Field(() => [KpiType]) kpis: KpiType[];
  @Field(() => [RunbookType]) runbooks: RunbookType[];
  @Field(() => [ReleaseType]) releases: ReleaseType[];
  @Field(() => EntitySourceEnum) source: EntitySource;
  @Field(() => String, { nullable: true, description: 'For file-managed automations: the catalog file, relative to the repository root.' })
  sourceFile: string | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date) updatedAt: Date;
  @Field(() => Boolean, { description: 'Whether the signed-in user may edit this automation; when not, editBlockedReason says why.' })
  canEdit: boolean;
  @Field(() => String, { nullable: true }) editBlockedReason: string | null;
}

@ObjectType('AutomationEdge')
export class AutomationEdgeType {
  @Field(() => String) cursor: string;
  @Field(() => AutomationObjectType) node: AutomationObjectType;
}

@ObjectType('AutomationConnection')
export class AutomationConnectionType {
  @Field(() => [AutomationEdgeType]) edges: AutomationEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}

@ObjectType('AutomationFacets', { description: 'Values in use, for the catalog filters.' })
export class AutomationFacetsType {
  @Field(() => [String]) tags: string[];
  @Field(() => [String]) systems: string[];
}
