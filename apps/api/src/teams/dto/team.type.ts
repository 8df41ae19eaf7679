import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EntitySourceEnum } from '../../common/graphql/enums.js';
import { OnCallType } from '../../common/graphql/on-call.type.js';
import type { EntitySource } from '../../common/entity-source.js';

@ObjectType('TeamMember', { description: 'Someone on a team: a Backstage User of the catalog, or a name the team lists.' })
export class TeamMemberType {
  @Field(() => String, { description: 'Their name in the catalog ("jenny.doe", or "emea/sofia" outside the default namespace).' }) name: string;
  @Field(() => String, { nullable: true, description: 'From the Backstage User’s profile; null for a name no User defines.' }) displayName: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
}

@ObjectType('Team')
export class TeamType {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) slack: string | null;
  @Field(() => OnCallType, { nullable: true }) onCall: OnCallType | null;
  @Field(() => [String], { description: 'People on the team: its members, and for a Backstage Group the Users that name it in memberOf.' }) members: string[];
  @Field(() => [TeamMemberType], { description: 'The members with what the catalog knows of them, by name.' }) people: TeamMemberType[];
  @Field(() => String, { description: 'The Backstage namespace: "default" unless the Group names another.' }) namespace: string;
  @Field(() => String, { description: 'The Backstage reference to this team, e.g. "group:default/finance-ops".' }) ref: string;
  @Field(() => String, { nullable: true, description: 'The parent team (its name), from the Backstage Group tree.' }) parent: string | null;
  @Field(() => EntitySourceEnum) source: EntitySource;
  @Field(() => Int, { description: 'Active (not archived) automations the team owns.' }) automationCount: number;
}
