import { Inject } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequirePermission } from '../auth/index.js';
import { RetentionWarningType } from './dto/retention-warning.type.js';
import { RetentionWarnings } from './retention-warnings.js';

@Resolver(() => RetentionWarningType)
export class RetentionWarningsResolver {
  constructor(@Inject(RetentionWarnings) private readonly retention: RetentionWarnings) {}

  @RequirePermission('catalog:read')
  @Query(() => [RetentionWarningType], { description: "Failures sources will remove within a day (a queue's TTL, BullMQ's removeOnFail), for one automation or all." })
  deadLetterRetentionWarnings(@Args('automation', { type: () => String, nullable: true }) automation: string | null): Promise<RetentionWarningType[]> {
    return this.retention.warnings(automation ?? undefined);
  }
}
