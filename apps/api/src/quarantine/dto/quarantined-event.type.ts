import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '../../common/graphql/page-info.type.js';

@ObjectType('QuarantinedEvent', { description: 'An event that could not be applied, kept with its reason for the owner.' })
export class QuarantinedEventType {
  @Field(() => ID) id: string;
  @Field(() => Date) receivedAt: Date;
  @Field(() => String, { nullable: true, description: 'The automation the event named, if it named one.' }) automation: string | null;
  @Field(() => String, { nullable: true }) eventType: string | null;
  @Field(() => String, { description: 'Why it was quarantined, in words.' }) reason: string;
  @Field(() => String, { description: 'The event as received, as JSON text.' }) payload: string;
  @Field(() => String, { nullable: true }) tokenName: string | null;
}

@ObjectType('QuarantinedEventEdge')
export class QuarantinedEventEdgeType {
  @Field(() => String) cursor: string;
  @Field(() => QuarantinedEventType) node: QuarantinedEventType;
}

@ObjectType('QuarantineConnection')
export class QuarantineConnectionType {
  @Field(() => [QuarantinedEventEdgeType]) edges: QuarantinedEventEdgeType[];
  @Field(() => PageInfoType) pageInfo: PageInfoType;
  @Field(() => Int) totalCount: number;
}
