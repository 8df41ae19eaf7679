import { Module } from '@nestjs/common';
import { AutomationsModule } from '../automations/automations.module.js';
import { ReprocessModule } from '../reprocess/reprocess.module.js';
import { AutomationChangesModule } from './automation-changes.module.js';
import { ApprovalsResolver, AutomationPendingChangeResolver } from './approvals.resolver.js';
import { ApprovalsService } from './approvals.service.js';

@Module({
  imports: [AutomationChangesModule, AutomationsModule, ReprocessModule],
  providers: [ApprovalsService, ApprovalsResolver, AutomationPendingChangeResolver],
})
export class ApprovalsModule {}
