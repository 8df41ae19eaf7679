import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { API_LOGGER, JobsService } from '../jobs/jobs.service.js';
import { RunsRepository } from './runs.repository.js';

/** Deletes raw runs older than ROUNDHOUSE_RUN_RETENTION_DAYS, daily. Rollups are kept. */
@Injectable()
export class RunRetentionJob implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RunsRepository) private readonly runs: RunsRepository,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'run-retention', cron: '17 3 * * *', run: async () => void (await this.run()) });
  }

  async run(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.ROUNDHOUSE_RUN_RETENTION_DAYS * 86_400_000);
    const deleted = await this.runs.deleteBefore(before);
    this.log.info({ deleted, before }, 'run retention');
    return deleted;
  }
}
