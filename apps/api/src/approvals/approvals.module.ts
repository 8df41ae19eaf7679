import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { AutomationsModule } from '../automations/index.js';
import { ReprocessModule } from '../reprocess/index.js';
import { AutomationChangesModule } from '../automation-changes/index.js';
import { ApprovalsResolver, AutomationPendingChangeResolver } from './approvals.resolver.js';
import { ApprovalsService } from './approvals.service.js';

@Module({
  imports: [AutomationChangesModule, AutomationsModule, ReprocessModule, AuditModule],
  providers: [ApprovalsService, ApprovalsResolver, AutomationPendingChangeResolver],
})
export class ApprovalsModule {}
