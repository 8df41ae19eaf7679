import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { retryDelayMs } from '../common/backoff.js';
import { postJson, OutboundGuard } from '../outbound/index.js';
import { APP_CONFIG, consoleUrlOf, type AppConfig } from '../config/app.config.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { JobsService } from '../jobs/index.js';
import { MetricsService } from '../metrics/index.js';
import { NOTIFICATION_ID_HEADER, notificationId, notificationPayload } from './alert-notification.js';
import { AlertsRepository, type PendingNotification } from './alerts.repository.js';

export const NOTIFY_QUEUE = 'alert-notify';
/** A webhook that keeps failing is given up after this many tries (about 8 minutes of backoff). */
export const MAX_NOTIFICATION_ATTEMPTS = 8;

/**
 * Posts alert notifications to the configured Slack-compatible webhook on pg-boss. Each alert and
 * transition is sent once: the `alert_notification` row is the dedupe key, the same notification id
 * travels on every try (for receivers that dedupe), a delivered or given-up one is never sent again.
 * 408, 429, 5xx and no answer are tried again with exponential backoff and jitter; other answers
 * are final, and so is a webhook the outbound guard refuses (a loopback, private or link-local
 * address that ROUNDHOUSE_OUTBOUND_ALLOW does not name).
 */
@Injectable()
export class AlertNotifier implements OnModuleInit {
  constructor(
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_LOGGER) private readonly log: Logger,
    @Inject(OutboundGuard) private readonly guard: OutboundGuard,
  ) {}

  onModuleInit(): void {
    this.jobs.registerWorker<PendingNotification>({ name: NOTIFY_QUEUE, workers: 2, expireInSeconds: 60, handle: async (job) => void (await this.deliver(job)) });
    // Notifications whose process died before they settled go out again (pg-boss keeps one waiting per key).
    this.jobs.register({ name: 'alert-notify-sweep', cron: '*/5 * * * *', run: () => this.sweep() });
    this.jobs.onStarted(() => this.sweep());
  }

  async enqueue(notification: PendingNotification, startAfterSeconds?: number): Promise<void> {
    await this.jobs.send(NOTIFY_QUEUE, notification, {
      singletonKey: `${notification.alertId}:${notification.transition}`,
      ...(startAfterSeconds === undefined ? {} : { startAfterSeconds }),
    });
  }

  async sweep(): Promise<void> {
    for (const notification of await this.alerts.pendingNotifications()) {
      await this.enqueue(notification);
    }
  }

  /** One try. Answers what became of the notification. */
  async deliver({ alertId, transition }: PendingNotification): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
    const state = await this.alerts.notificationState(alertId, transition);
    if (state?.state !== 'pending') {
      return 'skipped';
    }
    const url = this.config.ROUNDHOUSE_ALERT_WEBHOOK_URL;
    const notice = await this.alerts.notice(alertId, transition);
    if (url === undefined || notice === null) {
      await this.alerts.recordNotification(alertId, transition, 'failed', url === undefined ? 'ROUNDHOUSE_ALERT_WEBHOOK_URL is no longer set' : 'the alert no longer exists');
      return 'failed';
    }
    const consoleUrl = consoleUrlOf(this.config);
    const id = notificationId(alertId, transition);
    const outcome = await postJson(url, JSON.stringify(notificationPayload(notice, consoleUrl)), { [NOTIFICATION_ID_HEADER]: id }, 'alert webhook', this.guard);
    if (outcome.result === 'delivered') {
      await this.alerts.recordNotification(alertId, transition, 'sent', null);
      this.metrics.countAlertNotification('sent');
      return 'sent';
    }
    const giveUp = outcome.result === 'rejected' || state.attempts + 1 >= MAX_NOTIFICATION_ATTEMPTS;
    this.log.warn({ notification: id, attempt: state.attempts + 1, error: outcome.error, final: giveUp }, 'alert notification not delivered');
    if (giveUp) {
      await this.alerts.recordNotification(alertId, transition, 'failed', outcome.error);
      this.metrics.countAlertNotification('failed');
      return 'failed';
    }
    const attempts = await this.alerts.recordNotification(alertId, transition, 'retry', outcome.error);
    this.metrics.countAlertNotification('retry');
    await this.enqueue({ alertId, transition }, Math.ceil((outcome.retryAfterMs ?? retryDelayMs(attempts)) / 1000));
    return 'retry';
  }
}
