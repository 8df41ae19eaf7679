import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { JobsService } from '../jobs/index.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { RunRollupDaysRepository } from './run-rollup-days.repository.js';

/**
 * Seals the UTC days that have ended into run_rollup_day, hourly on pg-boss (once across replicas),
 * so dashboards read a whole day as one row. A day not sealed yet is read from its hours: a late or
 * missed run of this job makes reads slower, never wrong.
 */
@Injectable()
export class RunRollupDaysJob implements OnModuleInit {
  constructor(
    @Inject(RunRollupDaysRepository) private readonly days: RunRollupDaysRepository,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'run-rollup-days', cron: '3 * * * *', run: async () => void (await this.run()) });
  }

  async run(now = new Date()): Promise<{ days: number; through: Date }> {
    const sealed = await this.days.seal(now);
    if (sealed.days > 0) {
      this.log.info(sealed, 'daily run rollups sealed');
    }
    return sealed;
  }
}
