import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { JobsService } from '../jobs/index.js';
import { MetricsService } from '../metrics/index.js';
import { RetentionWarnings } from '../runtimes/index.js';
import { SlosService } from '../slos/index.js';
import { decideAlerts, type EvaluatedSlo } from './alert-evaluation.js';
import { AlertNotifier } from './alert-notifier.js';
import { AlertsRepository } from './alerts.repository.js';
import { RETENTION_ALERT_SLO, decideRetentionAlerts, retentionRunbook, type ExpiringFailures } from './retention-alerts.js';

/** Dead-letter gauge samples are kept this long: longer than any SLO window the catalog uses. */
const GAUGE_KEEP_DAYS = 100;

export interface EvaluationSummary {
  evaluated: number;
  failed: string[];
  fired: number;
  resolved: number;
}

/**
 * Every minute, on pg-boss (one replica runs each tick): samples the dead-letter backlog, judges
 * every automation's SLOs against the burn-rate policy from the rollups, and opens, refreshes or
 * resolves alerts. A firing or a resolution is announced by webhook when one is configured.
 */
@Injectable()
export class SloEvaluationJob implements OnModuleInit {
  constructor(
    @Inject(SlosService) private readonly slos: SlosService,
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
    @Inject(AlertNotifier) private readonly notifier: AlertNotifier,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_LOGGER) private readonly log: Logger,
    @Inject(RetentionWarnings) private readonly retention: RetentionWarnings,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'slo-evaluation', cron: '* * * * *', run: async () => void (await this.evaluate()) });
  }

  async evaluate(now: Date = new Date()): Promise<EvaluationSummary> {
    await this.slos.sampleDeadLetters(now, GAUGE_KEEP_DAYS);
    const evaluated: EvaluatedSlo[] = [];
    const failed: string[] = [];
    const runbooks = new Map<string, string | null>();
    for (const automation of await this.slos.automationsWithSlos()) {
      try {
        const statuses = await this.slos.status(automation, now);
        for (const status of statuses) {
          evaluated.push({ automation, slo: status.slo, rules: status.burnRates });
        }
        runbooks.set(automation, retentionRunbook(statuses.map((status) => status.slo)));
      } catch (error) {
        // One automation's bad definition must not stop the others being judged; its alerts stay as they are.
        failed.push(automation);
        this.log.error({ err: error, automation }, 'SLO evaluation failed for an automation');
      }
    }
    const open = await this.alerts.openAlerts();
    const decisions = [
      ...decideAlerts(
        open.filter((alert) => alert.slo !== RETENTION_ALERT_SLO),
        evaluated,
        new Set(failed),
      ),
      ...decideRetentionAlerts(open, await this.expiring(now), (automation) => runbooks.get(automation) ?? null),
    ];
    const notifications = await this.alerts.applyDecisions(decisions, now, this.config.ROUNDHOUSE_ALERT_WEBHOOK_URL !== undefined);
    for (const notification of notifications) {
      await this.notifier.enqueue(notification);
    }
    const fired = decisions.filter((d) => d.kind === 'fire').length;
    const resolved = decisions.filter((d) => d.kind === 'resolve').length;
    this.metrics.recordAlertTransitions(fired, resolved);
    if (fired + resolved > 0) {
      this.log.info({ fired, resolved }, 'SLO alerts changed');
    }
    return { evaluated: evaluated.length, failed, fired, resolved };
  }

  /** Failures their source removes within a day, or null when the sources could not be read (their alerts stay as they are). */
  private async expiring(now: Date): Promise<ExpiringFailures[] | null> {
    try {
      return await this.retention.warnings(undefined, now);
    } catch (error) {
      this.log.warn({ err: error }, 'reading what runtime sources keep failed; retention alerts stay as they are');
      return null;
    }
  }
}
