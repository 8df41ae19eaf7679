import type { JobsService } from '../jobs/index.js';

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

/**
 * Puts a request's workers in the durable queue (at most one waiting per lane; this process's idle
 * workers fetch them at once rather than at their next poll) and, when it has a canary still to
 * decide, the canary's check: a request without one queues no check at all.
 */
export async function enqueueRequest(jobs: JobsService, requestId: string, canaryOpen: boolean): Promise<void> {
  for (let lane = 0; lane < LANES; lane += 1) {
    await jobs.send(DISPATCH_QUEUE, { requestId, lane } satisfies DispatchJob, { singletonKey: `${requestId}:${lane}`, wake: true });
  }
  if (canaryOpen) {
    await jobs.send(CANARY_QUEUE, { requestId } satisfies CanaryJob, { singletonKey: requestId });
  }
}
