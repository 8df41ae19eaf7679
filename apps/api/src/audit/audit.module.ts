import { Global, Module } from '@nestjs/common';
import { AuditExportController } from './audit-export.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** The audit trail, available to every feature: each records what it does. */
@Global()
@Module({
  providers: [AuditRepository, AuditService, AuditResolver],
  controllers: [AuditExportController],
  exports: [AuditService, AuditRepository],
})
export class AuditModule {}
