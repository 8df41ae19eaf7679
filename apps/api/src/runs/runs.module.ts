import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RunPartitionsJob } from './run-partitions.job.js';
import { RunPartitionsRepository } from './run-partitions.repository.js';
import { RunPartitionsService } from './run-partitions.service.js';
import { RunRetentionJob } from './run-retention.job.js';
import { RunRollupDaysJob } from './run-rollup-days.job.js';
import { RunRollupDaysRepository } from './run-rollup-days.repository.js';
import { RunsRepository } from './runs.repository.js';
import { RunsResolver } from './runs.resolver.js';
import { RunsService } from './runs.service.js';

@Module({
  imports: [JobsModule, MetricsModule],
  providers: [
    RunsRepository,
    RunsService,
    RunsResolver,
    RunRetentionJob,
    RunPartitionsRepository,
    RunPartitionsService,
    RunPartitionsJob,
    RunRollupDaysRepository,
    RunRollupDaysJob,
  ],
  exports: [RunRetentionJob, RunPartitionsService],
})
export class RunsModule {}
