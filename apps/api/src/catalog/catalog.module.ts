import { Module } from '@nestjs/common';
import { AutomationsRepository } from '../automations/automations.repository.js';
import { TokenCoverageModule } from '../tokens/token-coverage.module.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';

@Module({
  imports: [TokenCoverageModule],
  providers: [CatalogRepository, AutomationsRepository, CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
