import { Module } from '@nestjs/common';
import { RuntimeBindingCheckModule } from '../runtimes/binding-check.module.js';
import { AutomationChangesModule } from '../approvals/automation-changes.module.js';
import { TeamsModule } from '../teams/teams.module.js';
import { TokenCoverageModule } from '../tokens/token-coverage.module.js';
import { AutomationsRepository } from './automations.repository.js';
import { AutomationsResolver } from './automations.resolver.js';
import { AutomationsService } from './automations.service.js';

@Module({
  imports: [TeamsModule, AutomationChangesModule, TokenCoverageModule, RuntimeBindingCheckModule],
  providers: [AutomationsRepository, AutomationsService, AutomationsResolver],
  exports: [AutomationsService],
})
export class AutomationsModule {}
