import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RetentionWarning', { description: "Failures an automation's source will remove within a day: reprocess or discard them before they vanish." })
export class RetentionWarningType {
  @Field(() => String) automation: string;
  @Field(() => String, { description: 'The queue (or dead-letter queue) they are in.' }) sourceQueue: string;
  @Field(() => Int) count: number;
  @Field(() => Date, { nullable: true, description: 'When the first of them goes; null when the source does not say (messages waiting in a queue with a TTL).' })
  expiresAt: Date | null;
  @Field(() => String, { description: 'The limit that removes them, e.g. "queue TTL 24 h", "removeOnFail after 6 h".' }) retention: string;
  @Field(() => String, { description: 'One sentence for the console, e.g. "12 pending dead letters expire in 9 h (queue TTL 24 h)…".' }) message: string;
}
