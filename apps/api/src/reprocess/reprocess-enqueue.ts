import type { JobsService } from '../jobs/jobs.service.js';

export const DISPATCH_QUEUE = 'reprocess-dispatch';
/** Workers per request; every api process runs this many, so two processes share a request. */
export const LANES = 2;

export interface DispatchJob {
  requestId: string;
  lane: number;
}

/** Puts a request's workers in the durable queue (at most one waiting per lane). */
export async function enqueueRequest(jobs: JobsService, requestId: string): Promise<void> {
  for (let lane = 0; lane < LANES; lane += 1) {
    await jobs.send(DISPATCH_QUEUE, { requestId, lane } satisfies DispatchJob, { singletonKey: `${requestId}:${lane}` });
  }
}
