import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EntitySourceEnum } from '../../common/graphql/enums.js';
import { OnCallType } from '../../common/graphql/on-call.type.js';
import type { EntitySource } from '../../common/entity-source.js';

@ObjectType('Team')
export class TeamType {
  @Field(() => String) name: string;
  @Field(() => String) title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) slack: string | null;
  @Field(() => OnCallType, { nullable: true }) onCall: OnCallType | null;
  @Field(() => [String]) members: string[];
  @Field(() => EntitySourceEnum) source: EntitySource;
  @Field(() => Int, { description: 'Active (not archived) automations the team owns.' }) automationCount: number;
}
