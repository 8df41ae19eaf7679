import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('OnCall')
export class OnCallType {
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) slack?: string;
  @Field(() => String, { nullable: true }) schedule?: string;
}
