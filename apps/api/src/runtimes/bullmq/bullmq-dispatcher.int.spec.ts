import { randomBytes, randomUUID } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../test/free-port.js';
import { BullMqDispatcher } from './bullmq-dispatcher.js';
import { TransportUnavailableError, type BullMqTarget, type DispatchMessage } from '../dispatcher.js';

const REDIS_URL = process.env.REDIS_URL;
if (REDIS_URL === undefined) {
  // Reported as skipped with the reason, never as passed.
  process.stderr.write('BullMQ dispatcher suite skipped: REDIS_URL is not set (.ci/run sets it and starts Redis).\n');
}

/** A reprocess command for BullMQ job `jobId` of `queue`. */
function commandFor(queue: string, jobId: string): DispatchMessage {
  return {
    reprocessId: randomUUID(),
    requestId: 'rq-1',
    automation: 'refund-processing',
    deadLetterId: `dl-${jobId}`,
    messageId: jobId,
    issuedAt: new Date().toISOString(),
    source: { kind: 'bullmq', queue },
    payload: { refundId: `R-${jobId}` },
    body: { base64: Buffer.from(JSON.stringify({ refundId: `R-${jobId}` })).toString('base64'), contentType: 'application/json' },
    headers: { 'bullmq-job-name': 'refund', 'bullmq-attempts': '1' },
  };
}

class PaymentGatewayError extends Error {
  override name = 'PaymentGatewayError';
}

describe.skipIf(REDIS_URL === undefined)(BullMqDispatcher.name, () => {
  const url = REDIS_URL ?? '';
  const dispatcher = new BullMqDispatcher();
  const connection = () => {
    const parsed = new URL(url);
    return { host: parsed.hostname, port: Number(parsed.port || 6379), maxRetriesPerRequest: null };
  };
  let name: string;
  let target: BullMqTarget;
  let queue: Queue;
  const workers: Worker[] = [];

  /** Runs a worker over the queue whose every job fails (`fail`) or succeeds. */
  function runWorker(fail: boolean): Worker {
    const worker = new Worker(
      name,
      (job: Job) => {
        if (fail) {
          throw new PaymentGatewayError(`gateway timed out for refund ${String((job.data as { refundId: string }).refundId)}`);
        }
        return Promise.resolve('refunded');
      },
      { connection: connection() },
    );
    workers.push(worker);
    return worker;
  }

  beforeAll(() => {
    name = `rh-test-refunds-${randomBytes(4).toString('hex')}`;
    target = { kind: 'bullmq', url, queue: name };
    queue = new Queue(name, { connection: connection() });
  });

  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      await worker.close();
    }
  });

  afterAll(async () => {
    await dispatcher.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('retries a job that exhausted its attempts, and the next worker run completes it', async () => {
    const job = await queue.add('refund', { refundId: 'R-1' }, { attempts: 1 });
    const failing = runWorker(true);
    await vi.waitFor(async () => expect(await job.getState()).toBe('failed'), { timeout: 15_000, interval: 50 });
    await failing.close();

    const message = commandFor(name, job.id ?? '');
    expect(await dispatcher.dispatch(target, [message])).toEqual([{ reprocessId: message.reprocessId, result: 'confirmed' }]);
    expect(await job.getState()).toBe('waiting');

    runWorker(false);
    await vi.waitFor(async () => expect(await job.getState()).toBe('completed'), { timeout: 15_000, interval: 50 });
    expect((await queue.getJob(job.id ?? ''))?.returnvalue).toBe('refunded');
  });

  it('is idempotent: a second delivery of the same message is confirmed and does not add the job again', async () => {
    const job = await queue.add('refund', { refundId: 'R-2' }, { attempts: 1 });
    const failing = runWorker(true);
    await vi.waitFor(async () => expect(await job.getState()).toBe('failed'), { timeout: 15_000, interval: 50 });
    await failing.close();
    const message = commandFor(name, job.id ?? '');

    const first = await dispatcher.dispatch(target, [message]);
    const again = await dispatcher.dispatch(target, [message, message]);

    expect([...first, ...again].map((o) => o.result)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(await queue.getWaitingCount()).toBe(1);
    expect(await queue.getFailedCount()).toBe(0);

    runWorker(false);
    await vi.waitFor(async () => expect(await job.getState()).toBe('completed'), { timeout: 15_000, interval: 50 });
    expect(await dispatcher.dispatch(target, [message])).toEqual([{ reprocessId: message.reprocessId, result: 'confirmed' }]);
    expect(await queue.getJobCounts('waiting', 'active', 'completed', 'failed')).toMatchObject({ waiting: 0, active: 0, failed: 0 });
  });

  it('rejects a job that is no longer in the queue, and confirms the rest of the batch', async () => {
    const job = await queue.add('refund', { refundId: 'R-3' }, { attempts: 1 });
    const failing = runWorker(true);
    await vi.waitFor(async () => expect(await job.getState()).toBe('failed'), { timeout: 15_000, interval: 50 });
    await failing.close();
    const messages = [commandFor(name, '424242'), commandFor(name, job.id ?? '')];

    const outcomes = await dispatcher.dispatch(target, messages);

    expect(outcomes).toEqual([
      { reprocessId: messages[0]?.reprocessId, result: 'rejected', error: `job 424242 is no longer in queue "${name}" (removed or expired)` },
      { reprocessId: messages[1]?.reprocessId, result: 'confirmed' },
    ]);
  });

  it('throws TransportUnavailableError, without the password, when Redis cannot be reached', async () => {
    const port = await freePort();
    const unreachable: BullMqTarget = { kind: 'bullmq', url: `redis://default:s3cret-Pa55@127.0.0.1:${port}/0`, queue: name };
    // It answers rather than retrying forever: a hang fails the test by its time-out, with no clock read here.
    const error = await dispatcher.dispatch(unreachable, [commandFor(name, '1')]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TransportUnavailableError);
    expect((error as Error).message).toContain(`redis://127.0.0.1:${port}/0`);
    expect((error as Error).message).not.toContain('s3cret-Pa55');
  });
});
