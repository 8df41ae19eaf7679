import { Module } from '@nestjs/common';
import { RuntimesModule } from '../runtimes/runtimes.module.js';
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
import { ReprocessService } from './reprocess.service.js';

@Module({
  imports: [RuntimesModule, ReprocessHoldsModule],
  controllers: [ReprocessCommandsController],
  providers: [ReprocessRepository, ReprocessItemsRepository, ReprocessCanaryRepository, ReprocessCanaryService, ReprocessCanaryJob, ReprocessService, ReprocessCommandsService, ReprocessDispatchJob, ReprocessResolver, DeadLetterActionsResolver],
  exports: [ReprocessDispatchJob, ReprocessService],
})
export class ReprocessModule {}
