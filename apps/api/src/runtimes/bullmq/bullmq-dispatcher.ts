import { Job, Queue, type JobState } from 'bullmq';
import { maskPassword, withoutCredentials } from '../shared/broker-url.js';
import { TransportUnavailableError, type BullMqTarget, type DispatchMessage, type DispatchOutcome, type Dispatcher } from '../dispatcher.js';
import { mapConcurrently } from '../shared/map-concurrently.js';
import { redisConnectionOf } from '../../common/redis-connection.js';

/** How long a call waits for Redis before it gives the batch back as unavailable. */
const READY_TIMEOUT_MS = 5_000;
const CONNECT_TIMEOUT_MS = 3_000;
/** Reconnection attempts before a lost connection ends; the next call opens a new one. */
const RECONNECT_ATTEMPTS = 3;
const IN_FLIGHT = 16;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** An error Redis itself answered (a script or command error), as opposed to a connection that failed. */
function isReplyError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'ReplyError';
}

function outcomeOf(state: JobState | 'unknown', message: DispatchMessage, queue: string): DispatchOutcome {
  const { reprocessId, messageId } = message;
  switch (state) {
    case 'unknown':
      return { reprocessId, result: 'rejected', error: `job ${messageId} is no longer in queue "${queue}" (removed or expired)` };
    case 'failed':
      return { reprocessId, result: 'retry', error: `job ${messageId} in queue "${queue}" is still failed: retrying it did not take` };
    default:
      // waiting, active, delayed, prioritized, waiting for children or completed: retried already.
      return { reprocessId, result: 'confirmed' };
  }
}

/**
 * Retries dead-lettered BullMQ jobs through BullMQ's own API: a job in the failed set goes back to
 * waiting (`job.retry('failed')`); a job someone retried already counts as done, so sending a
 * message twice is harmless; a job that is gone cannot be retried.
 */
export class BullMqDispatcher implements Dispatcher<BullMqTarget> {
  private readonly queues = new Map<string, Queue>();

  async dispatch(target: BullMqTarget, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]> {
    if (messages.length === 0) {
      return [];
    }
    const key = `${target.url}\n${target.queue}`;
    const queue = this.queueFor(key, target);
    try {
      await withTimeout(queue.waitUntilReady(), READY_TIMEOUT_MS, 'no connection');
      return await mapConcurrently(messages, IN_FLIGHT, (message) => this.retry(queue, target.queue, message));
    } catch (error) {
      // A connection that failed is not used again: the next call opens a new one.
      this.forget(key, queue);
      const why = error instanceof Error ? error.message : String(error);
      throw new TransportUnavailableError(`Redis at ${withoutCredentials(target.url)} is unavailable: ${maskPassword(why, target.url)}`);
    }
  }

  private queueFor(key: string, target: BullMqTarget): Queue {
    let queue = this.queues.get(key);
    if (queue === undefined) {
      queue = new Queue(target.queue, {
        connection: {
          ...redisConnectionOf(target.url),
          connectTimeout: CONNECT_TIMEOUT_MS,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
          retryStrategy: (times: number) => (times > RECONNECT_ATTEMPTS ? null : times * 200),
        },
      });
      // Connection problems surface from dispatch as TransportUnavailableError; an unheard 'error' would crash the process.
      queue.on('error', () => undefined);
      this.queues.set(key, queue);
    }
    return queue;
  }

  private forget(key: string, queue: Queue): void {
    if (this.queues.get(key) === queue) {
      this.queues.delete(key);
    }
    void queue.close().catch(() => undefined);
  }

  private async retry(queue: Queue, name: string, message: DispatchMessage): Promise<DispatchOutcome> {
    try {
      const job = await Job.fromId(queue, message.messageId);
      if (job === undefined) {
        return outcomeOf('unknown', message, name);
      }
      const state = await job.getState();
      if (state !== 'failed') {
        return outcomeOf(state, message, name);
      }
      const retried = await job.retry('failed').then(
        () => true,
        // Retried or removed by another hand between the two reads (or the connection failed: reading again tells).
        () => false,
      );
      return retried ? { reprocessId: message.reprocessId, result: 'confirmed' } : outcomeOf(await job.getState(), message, name);
    } catch (error) {
      if (isReplyError(error)) {
        return { reprocessId: message.reprocessId, result: 'retry', error: `Redis refused to retry job ${message.messageId}: ${error.message}` };
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
  }
}
