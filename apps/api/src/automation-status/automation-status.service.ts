import { Inject, Injectable } from '@nestjs/common';
import { AlertsService } from '../alerts/index.js';
import { AutomationStatusRepository } from './automation-status.repository.js';
import type { AutomationHealthState, AutomationStatusType } from './dto/automation-status.type.js';

@Injectable()
export class AutomationStatusService {
  constructor(
    @Inject(AutomationStatusRepository) private readonly status: AutomationStatusRepository,
    @Inject(AlertsService) private readonly alerts: AlertsService,
  ) {}

  /** The status of each automation asked, in the order asked: two statements whatever the number. */
  async statusOf(automations: readonly string[]): Promise<AutomationStatusType[]> {
    const [runs, open] = await Promise.all([this.status.recentRuns(automations), this.alerts.openFor(automations)]);
    return automations.map((automation) => {
      const alerts = open.filter((alert) => alert.automation === automation);
      const recent = runs.get(automation) ?? { succeeded: 0, failed: 0 };
      const total = recent.succeeded + recent.failed;
      const health: AutomationHealthState = alerts.some((alert) => alert.severity === 'page')
        ? 'paging'
        : alerts.length > 0 || recent.failed > 0
          ? 'needs_attention'
          : total > 0
            ? 'healthy'
            : 'no_runs';
      return { health, openAlerts: alerts.length, runsLast24h: total, failedLast24h: recent.failed };
    });
  }
}
