import { Module } from '@nestjs/common';
import { AutomationsModule } from '../automations/automations.module.js';
import { RunRetentionJob } from './run-retention.job.js';
import { RunsRepository } from './runs.repository.js';
import { RunsResolver } from './runs.resolver.js';
import { RunsService } from './runs.service.js';

@Module({
  imports: [AutomationsModule],
  providers: [RunsRepository, RunsService, RunsResolver, RunRetentionJob],
  exports: [RunRetentionJob],
})
export class RunsModule {}
