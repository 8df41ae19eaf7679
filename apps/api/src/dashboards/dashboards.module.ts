import { Module } from '@nestjs/common';
import { KpisModule } from '../kpis/kpis.module.js';
import { SlosModule } from '../slos/slos.module.js';
import { DashboardsRepository } from './dashboards.repository.js';
import { DashboardsResolver } from './dashboards.resolver.js';
import { DashboardsService } from './dashboards.service.js';

@Module({
  imports: [KpisModule, SlosModule],
  providers: [DashboardsRepository, DashboardsService, DashboardsResolver],
  exports: [DashboardsService],
})
export class DashboardsModule {}
