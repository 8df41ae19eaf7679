import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { JobsModule } from '../jobs/index.js';
import { MetricsModule } from '../metrics/index.js';
import { OutboundModule } from '../outbound/index.js';
import { RuntimesModule } from '../runtimes/index.js';
import { SlosModule } from '../slos/index.js';
import { AlertNotifier } from './alert-notifier.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsResolver } from './alerts.resolver.js';
import { AlertsService } from './alerts.service.js';
import { DashboardSloAlertsResolver } from './dashboard-slo-alerts.resolver.js';
import { SloEvaluationJob } from './slo-evaluation.job.js';

@Module({
  imports: [SlosModule, RuntimesModule, AuditModule, JobsModule, MetricsModule, OutboundModule],
  providers: [AlertsRepository, AlertsService, AlertNotifier, SloEvaluationJob, AlertsResolver, DashboardSloAlertsResolver],
  exports: [AlertsService],
})
export class AlertsModule {}
