import { Module } from '@nestjs/common';
import { AutomationsRepository } from '../automations/automations.repository.js';
import { CatalogRepository } from './catalog.repository.js';
import { CatalogService } from './catalog.service.js';

@Module({
  providers: [CatalogRepository, AutomationsRepository, CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
