import { Module } from '@nestjs/common';
import { AutomationChangesModule } from '../approvals/automation-changes.module.js';
import { AutomationsRepository } from '../automations/automations.repository.js';
import { TokenCoverageModule } from '../tokens/token-coverage.module.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';

@Module({
  imports: [TokenCoverageModule, AutomationChangesModule],
  providers: [CatalogRepository, AutomationsRepository, CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
