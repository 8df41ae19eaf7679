import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { DATABASE_URL } from '../database/database-url.token.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { MetricsService } from '../metrics/index.js';

export interface ScheduledJob {
  name: string;
  /** Cron in UTC. */
  cron: string;
  run(): Promise<void>;
}

/** A queue of jobs sent on demand, worked by `workers` workers in every api process. */
export interface QueueWorker<T extends object> {
  name: string;
  workers: number;
  /** A job still active after this long is taken to have died with its process, and is tried again. */
  expireInSeconds: number;
  handle(data: T): Promise<void>;
}

export interface SendOptions {
  /** At most one job with this key waits in the queue at a time (more can be active). */
  singletonKey?: string;
  startAfterSeconds?: number;
  /** This process's idle workers of the queue fetch at once instead of at their next poll (work someone waits on). */
  wake?: boolean;
}

/**
 * pg-boss creates a queue's tables on first use; two api processes starting together can deadlock
 * there (PostgreSQL error 40P01). One of them gives way and tries again, up to four times, with
 * cockatiel's exponential backoff (decorrelated jitter, from 100 ms).
 */
const retryOnDeadlock = retry(
  handleWhen((error) => (error as { code?: string }).code === '40P01'),
  { maxAttempts: 4, backoff: new ExponentialBackoff({ initialDelay: 100, maxDelay: 1_000 }) },
);

/**
 * Durable background work on pg-boss, in the same PostgreSQL: replicas share it through SKIP
 * LOCKED. Features register their jobs; they start after the api is up and stop with it.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private boss: PgBoss | undefined;
  private readonly jobs: ScheduledJob[] = [];
  private readonly workers: QueueWorker<object>[] = [];
  private readonly startHooks: (() => Promise<void>)[] = [];
  /** pg-boss's ids of this process's workers, by queue (to wake them: SendOptions.wake). */
  private readonly workerIds = new Map<string, string[]>();
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

  registerWorker<T extends object>(worker: QueueWorker<T>): void {
    this.workers.push(worker);
  }

  /** Runs once the jobs have started (to re-enqueue work that was in flight when a process died). */
  onStarted(hook: () => Promise<void>): void {
    this.startHooks.push(hook);
  }

  get running(): boolean {
    return this.boss !== undefined;
  }

  /** Enqueues a job; false when background jobs are off in this process. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<boolean> {
    if (this.boss === undefined) {
      return false;
    }
    await this.boss.send(name, data, {
      ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
      ...(options.startAfterSeconds === undefined ? {} : { startAfter: options.startAfterSeconds }),
    });
    if (options.wake === true) {
      for (const id of this.workerIds.get(name) ?? []) {
        this.boss.notifyWorker(id);
      }
    }
    return true;
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
      await retryOnDeadlock.execute(() => boss.createQueue(job.name));
      await retryOnDeadlock.execute(() => boss.schedule(job.name, job.cron));
      await boss.work(job.name, async () => {
        await job.run();
      });
    }
    for (const worker of this.workers) {
      await retryOnDeadlock.execute(() =>
        boss.createQueue(worker.name, { name: worker.name, policy: 'short', expireInSeconds: worker.expireInSeconds, retryLimit: 5, retryDelay: 5 }),
      );
      for (let index = 0; index < worker.workers; index += 1) {
        const id = await boss.work<object>(worker.name, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
          if (job !== undefined) {
            await worker.handle(job.data).catch((error: unknown) => {
              this.log.error({ queue: worker.name, err: error }, 'background job failed; pg-boss tries it again');
              throw error;
            });
          }
        });
        this.workerIds.set(worker.name, [...(this.workerIds.get(worker.name) ?? []), id]);
      }
    }
    for (const hook of this.startHooks) {
      await hook();
    }
    this.depthTimer = setInterval(() => void this.refreshDepths(), 15_000);
    this.depthTimer.unref();
  }

  private async refreshDepths(): Promise<void> {
    for (const job of [...this.jobs, ...this.workers]) {
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
    this.workerIds.clear();
  }
}
