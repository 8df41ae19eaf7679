import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoType } from '../../common/graphql/page-info.type.js';
import type { ActorKind } from '../audit-entry.js';

export const ActorKindEnum = { person: 'person', runtime: 'runtime', system: 'system' } as const satisfies { [K in ActorKind]: K };
registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description: 'person: someone signed in; runtime: an automation by its token; system: Roundhouse itself or its command line.',
});

@ObjectType('Actor')
export class ActorType {
  @Field(() => String) id: string;
  @Field(() => String) name: string;
}

@ObjectType('AuditEntry', { description: 'Who did what, when and why.' })
export class AuditEntryType {
  @Field(() => ID) id: string;
  @Field(() => Date) at: Date;
  @Field(() => ActorType) actor: ActorType;
  @Field(() => ActorKindEnum) actorKind: ActorKind;
  @Field(() => String, { description: 'e.g. automation.updated, alert.acknowledged, reprocess.requested, request.finished.' }) action: string;
  @Field(() => String, { description: 'automation, alert, reprocess_request, catalog, dashboards…' }) targetKind: string;
  @Field(() => String) targetId: string;
  @Field(() => [String]) automations: string[];
  @Field(() => [String]) teams: string[];
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true, description: 'The target before the change, as JSON text (secrets left out).' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'The target after the change, as JSON text (secrets left out).' }) after: string | null;
  @Field(() => String, { description: 'Details as JSON text (selection, counts, names).' }) detail: string;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeType {
  @Field(() => String) cursor: string;
  @Field(() => AuditEntryType) node: AuditEntryType;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionType {
  @Field(() => [AuditEntryEdgeType]) edges: AuditEntryEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
}

@InputType('AuditFilter', { description: 'Every field narrows the trail; none given: everything you may read.' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Entries concerning this automation (slug).' }) automation?: string | null;
  @Field(() => String, { nullable: true, description: 'Entries concerning this team or one of its automations.' }) team?: string | null;
  @Field(() => String, { nullable: true, description: 'Who did it: the actor’s id or name.' }) actor?: string | null;
  @Field(() => String, { nullable: true, description: 'The action or its start: `automation.` matches automation.updated and automation.archived.' }) action?: string | null;
  @Field(() => String, { nullable: true }) targetKind?: string | null;
  @Field(() => String, { nullable: true }) targetId?: string | null;
  @Field(() => Date, { nullable: true, description: 'At or after.' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Before.' }) to?: Date | null;
}
