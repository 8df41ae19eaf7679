import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ReprocessHolds } from './reprocess-holds.js';
import { ReprocessRepository } from './reprocess.repository.js';

/** What the features that change automations (automations, catalog, approvals) need of waiting reprocess requests. */
@Module({
  imports: [AuditModule],
  providers: [ReprocessRepository, ReprocessHolds],
  exports: [ReprocessHolds],
})
export class ReprocessHoldsModule {}
