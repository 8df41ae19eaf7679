import type { DeadLetterV1 } from '@roundhouse/contracts';

/** The parts of a failed BullMQ job the collector reads (bullmq's Job has them). */
export interface FailedJob {
  id?: string;
  name: string;
  data: unknown;
  opts: { attempts?: number };
  attemptsMade: number;
  failedReason: string;
  stacktrace: string[] | null;
  timestamp: number;
  processedOn?: number;
  finishedOn?: number;
}

/** A job that failed for good: no attempt is left for BullMQ to retry it. */
export function exhausted(job: FailedJob): boolean {
  return job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** The error's class from the top of the stack trace ("RateLimitError: …"), when there is one. */
function errorClassOf(job: FailedJob): string {
  const top = job.stacktrace?.at(-1) ?? '';
  const match = /^([A-Za-z_$][\w$]*(Error|Exception))\b/.exec(top);
  return match?.[1] ?? 'JobFailed';
}

/**
 * Translates a BullMQ job that exhausted its attempts into a dead letter, with `rawData` (the job's
 * data as stored in Redis) as its body. Its event id is fixed by
 * the job and the time it last failed, so polling the failed set again stores nothing new, and a
 * job retried by hand that fails again is the same dead letter, seen again.
 */
export function deadLetterFromJob(job: FailedJob, automation: string, queue: string, rawData?: Buffer): DeadLetterV1 & { id: string } {
  const failedAt = new Date(job.finishedOn ?? job.processedOn ?? job.timestamp);
  const jobId = job.id ?? `${job.name}-${job.timestamp}`;
  return {
    id: `bullmq:${queue}:${jobId}:${failedAt.getTime()}`.slice(0, 128).replace(/[^\w.:-]/g, '_'),
    type: 'dead_letter',
    automation,
    occurredAt: failedAt.toISOString(),
    messageId: jobId,
    source: { kind: 'bullmq', queue },
    // The job's data as BullMQ stored it (JSON text in Redis), byte for byte; re-serialised only when it is gone already.
    body: { base64: (rawData ?? Buffer.from(JSON.stringify(job.data ?? null), 'utf8')).toString('base64'), contentType: 'application/json' },
    headers: { 'bullmq-job-name': job.name, 'bullmq-attempts': String(job.opts.attempts ?? 1) },
    errorClass: errorClassOf(job),
    errorMessage: job.failedReason.slice(0, 4000),
    attempts: Math.max(1, job.attemptsMade),
    firstFailedAt: new Date(job.processedOn ?? job.timestamp).toISOString(),
  };
}
