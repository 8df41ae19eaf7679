import { Module } from '@nestjs/common';
import { KpiDefinitions } from './kpi-definitions.js';
import { KpisRepository } from './kpis.repository.js';
import { KpisResolver } from './kpis.resolver.js';
import { KpisService } from './kpis.service.js';

@Module({
  providers: [KpisRepository, KpiDefinitions, KpisService, KpisResolver],
  exports: [KpisService],
})
export class KpisModule {}
