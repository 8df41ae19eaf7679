import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { deleteEndedRateLimitWindows } from '../common/http/rate-limit-store.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { JobsService } from '../jobs/index.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { RunPartitionsService } from './run-partitions.service.js';

/** Rate limit counts are kept this long after their window started (windows are a minute): then forgotten. */
const RATE_LIMIT_WINDOWS_KEPT_MS = 3_600_000;

/**
 * Drops the days of raw runs (and steps, and ingest idempotency keys) older than
 * ROUNDHOUSE_RUN_RETENTION_DAYS, daily: whole partitions, not rows. Rollups (minutes, hours, sealed days) are kept. Also forgets
 * the rate limits' counts of windows that ended long ago.
 */
@Injectable()
export class RunRetentionJob implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RunPartitionsService) private readonly partitions: RunPartitionsService,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(API_LOGGER) private readonly log: Logger,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'run-retention', cron: '17 3 * * *', run: async () => void (await this.run()) });
  }

  async run(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.ROUNDHOUSE_RUN_RETENTION_DAYS * 86_400_000);
    const { runs: deleted, dropped } = await this.partitions.retire(before);
    this.log.info({ deleted, dropped, before }, 'run retention');
    const windows = await deleteEndedRateLimitWindows(this.db, new Date(now.getTime() - RATE_LIMIT_WINDOWS_KEPT_MS));
    this.log.info({ deleted: windows }, 'rate limit windows forgotten');
    return deleted;
  }
}
