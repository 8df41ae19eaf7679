import { Field, ObjectType } from '@nestjs/graphql';

/** Where a page of a connection ends, and whether another follows (Relay's PageInfo): every paged list of the api has one. */
@ObjectType('PageInfo')
export class PageInfoType {
  @Field(() => Boolean) hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}
