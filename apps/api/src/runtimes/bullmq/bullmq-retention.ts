import { Queue } from 'bullmq';
import { redisConnectionOf } from '../../common/redis-connection.js';
import type { SourceRetention } from '../runtime-adapter.js';
import { durationWords } from '../shared/binding-variables.js';
import { maskPassword } from '../shared/broker-url.js';

/** The newest failed jobs read for their removeOnFail. */
const SAMPLE = 50;
const CONNECT_TIMEOUT_MS = 3_000;

/** BullMQ's removeOnFail, as a job keeps it in its options: true (removed at once), a count to keep, or { age (seconds), count }. */
type RemoveOnFail = boolean | number | { age?: number; count?: number } | undefined;

function limitsOf(option: RemoveOnFail): { ageMs: number | null; count: number | null } {
  if (option === true) {
    return { ageMs: 0, count: 0 };
  }
  if (typeof option === 'number') {
    return { ageMs: null, count: option };
  }
  if (typeof option === 'object') {
    return { ageMs: typeof option.age === 'number' ? option.age * 1000 : null, count: typeof option.count === 'number' ? option.count : null };
  }
  return { ageMs: null, count: null };
}

function strictest(values: readonly (number | null)[]): number | null {
  const set = values.filter((value): value is number => value !== null);
  return set.length === 0 ? null : Math.min(...set);
}

function unknown(summary: string): SourceRetention {
  return { keeper: 'source', maxAgeMs: 'unknown', maxCount: 'unknown', summary };
}

/**
 * What a BullMQ queue's failed set keeps: a failed job must still be there to be retried. BullMQ
 * keeps removeOnFail in each job's options (set per job or by the queue's defaultJobOptions), so
 * this reads it from the newest failed jobs and reports the strictest. A worker's own removeOnFail
 * is not stored in Redis; with no failed job to read, retention is unknown.
 */
export async function bullMqRetention(url: string | null, name: string | null): Promise<SourceRetention> {
  if (url === null || name === null) {
    return unknown(url === null ? 'unknown: this api cannot reach Redis' : 'unknown: the binding names no BullMQ queue');
  }
  const queue = new Queue(name, {
    connection: { ...redisConnectionOf(url), connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => null },
  });
  queue.on('error', () => undefined);
  try {
    await queue.waitUntilReady();
    const jobs = await queue.getFailed(0, SAMPLE - 1);
    if (jobs.length === 0) {
      return unknown(`unknown: no failed job in queue "${name}" to read removeOnFail from`);
    }
    const limits = jobs.map((job) => limitsOf(job.opts.removeOnFail as RemoveOnFail));
    const ageMs = strictest(limits.map((limit) => limit.ageMs));
    const count = strictest(limits.map((limit) => limit.count));
    const parts = [
      ...(ageMs === null ? [] : [ageMs === 0 ? 'removeOnFail: failed jobs are removed at once' : `removeOnFail after ${durationWords(ageMs)}`]),
      ...(count === null || ageMs === 0 ? [] : [`at most ${count} failed jobs kept`]),
    ];
    return {
      keeper: 'source',
      maxAgeMs: ageMs,
      maxCount: count,
      ...(ageMs === null ? {} : { limit: ageMs === 0 ? 'removeOnFail: removed at once' : `removeOnFail after ${durationWords(ageMs)}` }),
      summary: parts.length === 0 ? 'failed jobs are kept until removed (no removeOnFail on the jobs)' : `${parts.join(', ')} (from the failed jobs' options)`,
    };
  } catch (error) {
    return unknown(`unknown: Redis is unreachable (${maskPassword(error instanceof Error ? error.message : String(error), url)})`);
  } finally {
    await queue.close().catch(() => undefined);
  }
}
