import { Module } from '@nestjs/common';
import { SignInAudit, providePort } from '../auth/index.js';
import { AuditExportController } from './audit-export.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

/** The audit trail: a feature that records what it does imports this module for AuditService. */
@Module({
  providers: [AuditRepository, AuditService, AuditResolver, providePort(SignInAudit, AuditService)],
  controllers: [AuditExportController],
  exports: [AuditService, SignInAudit],
})
export class AuditModule {}
