import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { KpisModule } from '../kpis/index.js';
import { SlosModule } from '../slos/index.js';
import { DashboardsRepository } from './dashboards.repository.js';
import { DashboardsResolver } from './dashboards.resolver.js';
import { DashboardsService } from './dashboards.service.js';

@Module({
  imports: [KpisModule, SlosModule, AuditModule],
  providers: [DashboardsRepository, DashboardsService, DashboardsResolver],
  exports: [DashboardsService],
})
export class DashboardsModule {}
