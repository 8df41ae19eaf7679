import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { MetricsService } from '../metrics/metrics.service.js';

export const DATABASE_URL = Symbol('DATABASE_URL');
export const API_LOGGER = Symbol('API_LOGGER');

export interface ScheduledJob {
  name: string;
  /** Cron in UTC. */
  cron: string;
  run(): Promise<void>;
}

/**
 * Durable background work on pg-boss, in the same PostgreSQL: replicas share it through SKIP
 * LOCKED. Features register their jobs; they start after the api is up and stop with it.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private boss: PgBoss | undefined;
  private readonly jobs: ScheduledJob[] = [];
  private depthTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  register(job: ScheduledJob): void {
    this.jobs.push(job);
  }

  /** Starts pg-boss and every registered job (when ROUNDHOUSE_JOBS is on). */
  async start(): Promise<void> {
    if (!this.config.ROUNDHOUSE_JOBS || this.boss !== undefined) {
      return;
    }
    const boss = new PgBoss({ connectionString: this.databaseUrl, max: 3 });
    boss.on('error', (error: Error & { code?: string }) => {
      // 57P01: PostgreSQL is shutting down (Ctrl-C reaches the embedded server too); not a fault.
      if (error.code === '57P01') {
        this.log.info('background jobs: the database is shutting down');
      } else {
        this.log.error({ err: error }, 'pg-boss error');
      }
    });
    await boss.start();
    this.boss = boss;
    for (const job of this.jobs) {
      await boss.createQueue(job.name);
      await boss.schedule(job.name, job.cron);
      await boss.work(job.name, async () => {
        await job.run();
      });
    }
    this.depthTimer = setInterval(() => void this.refreshDepths(), 15_000);
    this.depthTimer.unref();
  }

  private async refreshDepths(): Promise<void> {
    for (const job of this.jobs) {
      const depth = await this.boss?.getQueueSize(job.name).catch(() => undefined);
      if (depth !== undefined) {
        this.metrics.jobQueueDepth.set({ queue: job.name }, depth);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.depthTimer);
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.boss = undefined;
  }
}
