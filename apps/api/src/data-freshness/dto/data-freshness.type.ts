import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('DataFreshness', { description: 'How current dashboards, health charts, KPIs, SLOs and exports are: they may come from a read replica that lags behind.' })
export class DataFreshnessType {
  @Field({ description: 'They come from a read replica (DATABASE_REPLICA_URL); otherwise from the primary database, always current.' })
  fromReplica!: boolean;

  @Field(() => Int, { description: 'How many seconds behind the primary the replica is; 0 when it has every change.' })
  behindSeconds!: number;

  @Field(() => Date, { nullable: true, description: 'The figures include changes made up to this time; null when they are current.' })
  asOf!: Date | null;

  @Field({ description: 'Behind by more than the notice threshold (ROUNDHOUSE_REPLICA_LAG_NOTICE_SECONDS): say beside the figures how old they are.' })
  lagging!: boolean;
}
