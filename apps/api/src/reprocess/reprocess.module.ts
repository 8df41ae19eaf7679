import { Module } from '@nestjs/common';
import { RuntimesModule } from '../runtimes/runtimes.module.js';
import { ReprocessCommandsController } from './reprocess-commands.controller.js';
import { ReprocessCommandsService } from './reprocess-commands.service.js';
import { ReprocessHoldsModule } from './reprocess-holds.module.js';
import { ReprocessDispatchJob } from './reprocess-dispatch.job.js';
import { ReprocessRepository } from './reprocess.repository.js';
import { DeadLetterActionsResolver, ReprocessResolver } from './reprocess.resolver.js';
import { ReprocessService } from './reprocess.service.js';

@Module({
  imports: [RuntimesModule, ReprocessHoldsModule],
  controllers: [ReprocessCommandsController],
  providers: [ReprocessRepository, ReprocessService, ReprocessCommandsService, ReprocessDispatchJob, ReprocessResolver, DeadLetterActionsResolver],
  exports: [ReprocessDispatchJob, ReprocessService],
})
export class ReprocessModule {}
