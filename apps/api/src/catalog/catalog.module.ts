import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { RuntimeBindingCheckModule } from '../runtimes/index.js';
import { AutomationChangesModule } from '../automation-changes/index.js';
import { AutomationsModule } from '../automations/index.js';
import { SlosModule } from '../slos/index.js';
import { TokenCoverageModule } from '../tokens/index.js';
import { BackstageEntitiesController } from './backstage-entities.controller.js';
import { BackstageEntitiesService } from './backstage-entities.service.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';

@Module({
  imports: [AutomationsModule, TokenCoverageModule, AutomationChangesModule, SlosModule, RuntimeBindingCheckModule, AuditModule],
  controllers: [BackstageEntitiesController],
  providers: [CatalogRepository, CatalogService, BackstageEntitiesService],
  exports: [CatalogService],
})
export class CatalogModule {}
