import type { JobsService } from '../jobs/jobs.service.js';

export const DISPATCH_QUEUE = 'reprocess-dispatch';
/**
 * Workers per request (jobs in the queue, each claiming batches with SKIP LOCKED). A process works
 * fewer slices at once than this, so the lanes of a request spread over the api processes running.
 */
export const LANES = 4;

/** Checks a request's canary (if it has one) until it is decided. */
export const CANARY_QUEUE = 'reprocess-canary';

export interface DispatchJob {
  requestId: string;
  lane: number;
}

export interface CanaryJob {
  requestId: string;
}

/** Puts a request's workers in the durable queue (at most one waiting per lane), and its canary's check. */
export async function enqueueRequest(jobs: JobsService, requestId: string): Promise<void> {
  for (let lane = 0; lane < LANES; lane += 1) {
    await jobs.send(DISPATCH_QUEUE, { requestId, lane } satisfies DispatchJob, { singletonKey: `${requestId}:${lane}` });
  }
  await jobs.send(CANARY_QUEUE, { requestId } satisfies CanaryJob, { singletonKey: requestId });
}
