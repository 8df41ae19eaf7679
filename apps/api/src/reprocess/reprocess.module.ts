import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { DeadLettersModule } from '../dead-letters/index.js';
import { JobsModule } from '../jobs/index.js';
import { MetricsModule } from '../metrics/index.js';
import { RuntimesModule } from '../runtimes/index.js';
import { ReprocessCanaryJob } from './reprocess-canary.job.js';
import { ReprocessCanaryRepository } from './reprocess-canary.repository.js';
import { ReprocessCanaryService } from './reprocess-canary.service.js';
import { ReprocessCommandsController } from './reprocess-commands.controller.js';
import { ReprocessCommandsService } from './reprocess-commands.service.js';
import { ReprocessHoldsModule } from './reprocess-holds.module.js';
import { ReprocessDispatchJob } from './reprocess-dispatch.job.js';
import { ReprocessItemsRepository } from './reprocess-items.repository.js';
import { ReprocessRepository } from './reprocess.repository.js';
import { DeadLetterActionsResolver, ReprocessResolver } from './reprocess.resolver.js';
import { RequestFailedAgainResolver } from './request-failed-again.resolver.js';
import { ReprocessService } from './reprocess.service.js';

@Module({
  imports: [DeadLettersModule, RuntimesModule, ReprocessHoldsModule, AuditModule, JobsModule, MetricsModule],
  controllers: [ReprocessCommandsController],
  providers: [
    ReprocessRepository,
    ReprocessItemsRepository,
    ReprocessCanaryRepository,
    ReprocessCanaryService,
    ReprocessCanaryJob,
    ReprocessService,
    ReprocessCommandsService,
    ReprocessDispatchJob,
    ReprocessResolver,
    DeadLetterActionsResolver,
    RequestFailedAgainResolver,
  ],
  exports: [ReprocessDispatchJob, ReprocessService],
})
export class ReprocessModule {}
