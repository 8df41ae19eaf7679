import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { JobsService } from '../jobs/index.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { MetricsService } from '../metrics/index.js';
import { RunPartitionsService } from './run-partitions.service.js';

/**
 * Keeps the days ahead made: at start-up (every process, so a fresh database takes runs at once)
 * and hourly on pg-boss (once across replicas). Making a day that exists does nothing. /metrics
 * shows, read from the database at each scrape, the rows in the default partitions and the days made ahead.
 */
@Injectable()
export class RunPartitionsJob implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    @Inject(RunPartitionsService) private readonly partitions: RunPartitionsService,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'run-partitions', cron: '7 * * * *', run: async () => void (await this.partitions.ensure()) });
    this.metrics.watchPartitions(() => this.partitions.state());
  }

  async onApplicationBootstrap(): Promise<void> {
    // Without them runs still land (in the default partition, moved out later): never a reason not to start.
    await this.partitions.ensure().catch((error: unknown) => this.log.error({ err: error }, 'day partitions could not be made at start-up; the hourly job tries again'));
  }
}
