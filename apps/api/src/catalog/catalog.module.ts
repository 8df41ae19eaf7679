import { Module } from '@nestjs/common';
import { RuntimeBindingCheckModule } from '../runtimes/binding-check.module.js';
import { AutomationChangesModule } from '../approvals/automation-changes.module.js';
import { AutomationsRepository } from '../automations/automations.repository.js';
import { SlosModule } from '../slos/slos.module.js';
import { TokenCoverageModule } from '../tokens/token-coverage.module.js';
import { BackstageEntitiesController } from './backstage-entities.controller.js';
import { BackstageEntitiesService } from './backstage-entities.service.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';

@Module({
  imports: [TokenCoverageModule, AutomationChangesModule, SlosModule, RuntimeBindingCheckModule],
  controllers: [BackstageEntitiesController],
  providers: [CatalogRepository, AutomationsRepository, CatalogService, BackstageEntitiesService],
  exports: [CatalogService],
})
export class CatalogModule {}
