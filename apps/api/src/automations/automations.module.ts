import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { RuntimeBindingCheckModule } from '../runtimes/index.js';
import { AutomationChangesModule } from '../automation-changes/index.js';
import { TeamsModule } from '../teams/index.js';
import { TokenCoverageModule } from '../tokens/index.js';
import { AutomationsRepository } from './automations.repository.js';
import { AutomationsResolver } from './automations.resolver.js';
import { AutomationsService } from './automations.service.js';

@Module({
  imports: [TeamsModule, AutomationChangesModule, TokenCoverageModule, RuntimeBindingCheckModule, AuditModule],
  providers: [AutomationsRepository, AutomationsService, AutomationsResolver],
  exports: [AutomationsService],
})
export class AutomationsModule {}
