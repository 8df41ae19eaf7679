import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../jobs/index.js';
import { ReprocessCanaryService } from './reprocess-canary.service.js';
import { CANARY_QUEUE, type CanaryJob } from './reprocess-enqueue.js';

/** How often a canary that waits for outcomes looks again. */
const CHECK_EVERY_SECONDS = 2;

/**
 * Checks canaries on pg-boss: a request's check is queued with its dispatch workers (when it
 * starts, is approved or resumed, and by the dispatch sweep after a restart) and queues itself
 * again while its canary is sending or waiting for outcomes.
 */
@Injectable()
export class ReprocessCanaryJob implements OnModuleInit {
  constructor(
    @Inject(ReprocessCanaryService) private readonly canary: ReprocessCanaryService,
    @Inject(JobsService) private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.registerWorker<CanaryJob>({ name: CANARY_QUEUE, workers: 1, expireInSeconds: 60, handle: (job) => this.check(job.requestId) });
  }

  async check(requestId: string): Promise<void> {
    if ((await this.canary.evaluate(requestId)) === 'waiting') {
      await this.jobs.send(CANARY_QUEUE, { requestId } satisfies CanaryJob, { singletonKey: requestId, startAfterSeconds: CHECK_EVERY_SECONDS });
    }
  }
}
