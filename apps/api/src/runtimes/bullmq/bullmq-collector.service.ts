import { Inject, Injectable } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { BoundAutomations } from '../bound-automations.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { redisConnectionOf } from '../../common/redis-connection.js';
import { DeadLetterIngestService } from '../../dead-letters/index.js';
import { Database } from '../../database/database.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { IngestService, collectedFailureTimes, timestampWindow } from '../../ingest/index.js';
import { API_LOGGER } from '../../logging/api-logger.token.js';
import { deadLetterFromJob, exhausted, type FailedJob } from './bullmq-dead-letter.js';
import { BindingCollector, type CollectorSays } from '../shared/binding-collector.js';
import { CollectorConnections, type FoundBinding } from '../shared/collector-connections.js';

export interface BullMqBinding {
  automation: string;
  url: string;
  queue: string;
}

const PAGE = 500;
const POLL_MS = 5_000;

/** One queue's failed set, read every poll. */
interface Watch {
  binding: BullMqBinding;
  queue: Queue;
  timer: NodeJS.Timeout | undefined;
  /** The poll under way (or the last one): polls of one queue never overlap. */
  polling: Promise<number>;
}

/**
 * Collects BullMQ jobs that exhausted their attempts, through BullMQ's own queue API (the failed
 * set), without changing the runtime's jobs. Idempotent: each job failure has a fixed event id.
 * Which queues it watches follows the catalog (see RuntimeCollectors), on the loop every collector
 * shares (BindingCollector): `sync` starts, moves and stops them. A failed set holds no messages to
 * consume: each watched queue is read every poll, and a Redis that is away is read again at the next.
 */
@Injectable()
export class BullMqCollector extends BindingCollector<BullMqBinding, Watch> {
  protected readonly says: CollectorSays<BullMqBinding> = {
    what: 'BullMQ failed jobs',
    cannot: 'cannot collect BullMQ failed jobs from this queue now; trying again later',
    fields: ({ automation, queue }) => ({ automation, queue }),
    failure: (_binding, error) => ({ err: error }),
  };

  /** How often a queue started from now on is read. */
  private pollMs = POLL_MS;
  private readonly bindingConnections: CollectorConnections;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeadLetterIngestService) private readonly deadLetters: DeadLetterIngestService,
    @Inject(BoundAutomations) private readonly automations: BoundAutomations,
    @Inject(API_LOGGER) protected readonly log: Logger,
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
  ) {
    super();
    this.bindingConnections = new CollectorConnections(this.variables, this.log);
  }

  /**
   * Every active automation bound to BullMQ whose connection variable (e.g.
   * ROUNDHOUSE_RUNTIME_REVOPS_REDIS_URL) is set. A variable catalogs may not name is not read: that
   * automation is not collected, and the log says why (once, until its binding changes).
   */
  async bindingsFromCatalog(): Promise<BullMqBinding[]> {
    const found = (await this.automations.withRuntime('bullmq')).flatMap(({ slug, runtime }): FoundBinding<BullMqBinding>[] => {
      const queue = runtime?.queue;
      return queue === undefined ? [] : [{ automation: slug, connection: runtime?.connection, where: { queue }, bind: (url) => ({ automation: slug, url, queue }) }];
    });
    return this.bindingConnections.resolve(found);
  }

  /** Collects exactly what the catalog binds now. */
  async syncFromCatalog(): Promise<void> {
    await this.sync(await this.bindingsFromCatalog());
  }

  /** Also watches `bindings` (those not watched yet): each is read at once, then every `pollMs`. */
  override start(bindings: readonly BullMqBinding[], pollMs = POLL_MS): Promise<void> {
    this.pollMs = pollMs;
    return super.start(bindings);
  }

  /** One read of every watched queue's failed set now; answers how many dead letters were new. */
  async poll(): Promise<number> {
    let fresh = 0;
    for (const watch of this.collecting()) {
      fresh += await this.pollQueue(watch);
    }
    return fresh;
  }

  protected keyOf(binding: BullMqBinding): string {
    return JSON.stringify([binding.automation, binding.url, binding.queue]);
  }

  /** The queue's handle; it connects to Redis when first read, so a Redis that is away shows at the first poll, not here. */
  protected open(binding: BullMqBinding): Promise<Watch> {
    const queue = new Queue(binding.queue, { connection: { ...redisConnectionOf(binding.url), maxRetriesPerRequest: 1, lazyConnect: true } });
    queue.on('error', (error) => this.log.warn({ queue: binding.queue, err: error }, 'BullMQ collector connection problem'));
    return Promise.resolve({ binding, queue, timer: undefined, polling: Promise.resolve(0) });
  }

  /** Reads the failed set at once (without waiting for it), then every pollMs. */
  protected begin(watch: Watch): Promise<void> {
    watch.timer = setInterval(() => void this.pollQueue(watch), this.pollMs);
    watch.timer.unref();
    void this.pollQueue(watch);
    return Promise.resolve();
  }

  /** Stops reading once the poll under way ends, then closes the queue's connection. */
  protected async close(watch: Watch): Promise<void> {
    clearInterval(watch.timer);
    watch.timer = undefined;
    await watch.polling;
    await watch.queue.close().catch(() => undefined);
  }

  /** One read of one queue, after the one under way; never throws (a failure is logged and the next poll tries again). */
  private pollQueue(watch: Watch): Promise<number> {
    watch.polling = watch.polling.then(async () => {
      const { binding, queue } = watch;
      if (!this.consuming(binding, watch)) {
        return 0;
      }
      try {
        const fresh = await this.collect(binding, queue);
        await this.observeRetried(binding, queue);
        return fresh;
      } catch (error) {
        this.log.warn({ queue: binding.queue, err: error }, 'collecting BullMQ failed jobs failed; next poll tries again');
        return 0;
      }
    });
    return watch.polling;
  }

  /** Failure times from the future (or before 1970) are stored as the time of collection: see collectedFailureTimes. */
  private collected<T extends DeadLetterV1>(letter: T): T {
    return { ...letter, ...collectedFailureTimes(letter, new Date(), timestampWindow(this.config)) };
  }

  private async collect(binding: BullMqBinding, queue: Queue): Promise<number> {
    let fresh = 0;
    for (let start = 0; ; start += PAGE) {
      const jobs = (await queue.getFailed(start, start + PAGE - 1)) as unknown as FailedJob[];
      const done = jobs.filter(exhausted);
      const raw = await this.rawData(queue, done);
      // The key keeps the job's own failure time (the same at every poll), not the time stored for a future one.
      const found = done.map((job, index) => deadLetterFromJob(job, binding.automation, binding.queue, raw[index]));
      const letters = found.map((letter) => this.collected(letter));
      if (letters.length > 0) {
        fresh += await this.database.transaction(async (tx) => {
          const unseen = await this.ingest.claimEventIds(tx, found);
          await this.deadLetters.store(
            tx,
            letters.filter((l) => unseen.has(l.id)),
          );
          return unseen.size;
        });
      }
      if (jobs.length < PAGE) {
        return fresh;
      }
    }
  }

  /**
   * The jobs' data as BullMQ stored it in Redis (the job hash's `data` field), byte for byte: the
   * job's parsed `data` has lost the digits of numbers beyond 2^53 and a decimal's trailing zeros.
   */
  private async rawData(queue: Queue, jobs: readonly FailedJob[]): Promise<(Buffer | undefined)[]> {
    if (jobs.length === 0) {
      return [];
    }
    const client = (await queue.client) as Awaited<Queue['client']> & { hgetBuffer?: (key: string, field: string) => Promise<Buffer | null> };
    // The ioredis client BullMQ wraps answers bytes (hgetBuffer); another client's text is the same bytes when they are UTF-8.
    const read = async (key: string): Promise<Buffer | undefined> => {
      const value = typeof client.hgetBuffer === 'function' ? await client.hgetBuffer(key, 'data') : await client.hget(key, 'data');
      return value === null ? undefined : Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    };
    // Sent together on the one connection; a job removed meanwhile answers null.
    return Promise.all(jobs.map((job) => (job.id === undefined ? Promise.resolve(undefined) : read(queue.toKey(job.id)))));
  }

  /**
   * BullMQ jobs carry no headers, so a runtime cannot report the reprocess key; instead the
   * collector watches the jobs a reprocess retried: a completed one resolves its dead letter (one
   * that fails again comes back through the failed set as the same dead letter).
   */
  private async observeRetried(binding: BullMqBinding, queue: Queue): Promise<void> {
    const retried = await this.deadLetters.acknowledgedItems('bullmq', binding.automation, binding.queue, PAGE);
    const completed: string[] = [];
    for (const { reprocess_id, message_id } of retried) {
      const job = await Job.fromId(queue, message_id);
      if (job !== undefined && (await job.isCompleted())) {
        completed.push(reprocess_id);
      }
    }
    if (completed.length > 0) {
      await this.database.transaction((tx) => this.deadLetters.recordReprocessRuns(tx, completed, []));
    }
  }
}
