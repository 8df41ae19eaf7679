import { Module } from '@nestjs/common';
import { RuntimesModule } from '../runtimes/runtimes.module.js';
import { SlosModule } from '../slos/slos.module.js';
import { AlertNotifier } from './alert-notifier.js';
import { AlertsRepository } from './alerts.repository.js';
import { AlertsResolver } from './alerts.resolver.js';
import { AlertsService } from './alerts.service.js';
import { DashboardSloAlertsResolver } from './dashboard-slo-alerts.resolver.js';
import { SloEvaluationJob } from './slo-evaluation.job.js';

@Module({
  imports: [SlosModule, RuntimesModule],
  providers: [AlertsRepository, AlertsService, AlertNotifier, SloEvaluationJob, AlertsResolver, DashboardSloAlertsResolver],
  exports: [AlertsService],
})
export class AlertsModule {}
