import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { ReprocessHoldsModule } from '../reprocess/index.js';
import { AutomationChangeGate } from './automation-change-gate.js';
import { AutomationChangesRepository } from './automation-changes.repository.js';
import { AutomationChangesService } from './automation-changes.service.js';
import { WaitingApprovals } from './waiting-approvals.js';

/**
 * The gate automations' updates pass through, the store of changes waiting for approval, and what
 * keeps waiting decisions honest when an automation changes team or risk domains.
 */
@Module({
  imports: [ReprocessHoldsModule, AuditModule],
  providers: [AutomationChangesRepository, AutomationChangesService, AutomationChangeGate, WaitingApprovals],
  exports: [AutomationChangesService, AutomationChangeGate, WaitingApprovals],
})
export class AutomationChangesModule {}
