import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { BoundAutomations } from '../bound-automations.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
// eslint-disable-next-line no-restricted-imports -- writes in the caller's transaction (an EntityManager) until repositories take an opaque transaction handle (issue 16, item 1): then the owning feature's service takes it
import { DeadLetterIngestRepository } from '../../dead-letters/dead-letter-ingest.repository.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
// eslint-disable-next-line no-restricted-imports -- writes in the caller's transaction (an EntityManager) until repositories take an opaque transaction handle (issue 16, item 1): then the owning feature's service takes it
import { IngestRepository } from '../../ingest/ingest.repository.js';
import { collectedFailureTimes, timestampWindow } from '../../ingest/index.js';
import { API_LOGGER } from '../../logging/api-logger.token.js';
import { deadLetterFromAmqp } from './amqp-dead-letter.js';
import { CollectorConnections, type FoundBinding } from '../shared/collector-connections.js';

/** One dead-letter queue to collect, for one automation. */
export interface RabbitMqBinding {
  automation: string;
  url: string;
  queue: string;
}

const BATCH = 100;
const FLUSH_MS = 200;
const PREFETCH = 200;
const RETRY_MS = 30_000;

interface Consumer {
  binding: RabbitMqBinding;
  connection: ChannelModel;
  channel: Channel;
  pending: { message: ConsumeMessage; letter: DeadLetterV1 }[];
  timer: NodeJS.Timeout | undefined;
  flushing: Promise<void>;
}

/** A binding's identity: a change of automation, broker or queue is another collector. */
function keyOf(binding: RabbitMqBinding): string {
  return JSON.stringify([binding.automation, binding.url, binding.queue]);
}

/**
 * Collects RabbitMQ dead-letter queues: each message is stored as a dead letter (with its x-death
 * context) and acked only after the database commit, so a crash in between redelivers it — and a
 * redelivered message is the same dead letter, seen again. Which queues it collects follows the
 * catalog (see RuntimeCollectors): `sync` starts, moves and stops consumers.
 */
@Injectable()
export class RabbitMqCollector implements OnApplicationShutdown {
  /** The bindings this process should collect, by key; a consumer or a retry exists only for these. */
  private readonly wanted = new Map<string, RabbitMqBinding>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  /** Reasons already logged for automations that cannot be collected, so a sync logs each once. */

  private readonly bindingConnections: CollectorConnections;

  constructor(
    @Inject(IngestRepository) private readonly store: IngestRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeadLetterIngestRepository) private readonly deadLetters: DeadLetterIngestRepository,
    @Inject(API_LOGGER) private readonly log: Logger,
    @Inject(BoundAutomations) private readonly automations: BoundAutomations,
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
  ) {
    this.bindingConnections = new CollectorConnections(this.variables, this.log);
  }

  /**
   * The dead-letter queue of every active automation bound to RabbitMQ whose connection variable
   * (runtime.connection, e.g. ROUNDHOUSE_RUNTIME_RABBITMQ_URL) is set in this process's environment.
   * A variable catalogs may not name is not read: that automation is not collected, and the log says
   * why (once, until its binding changes).
   */
  async bindingsFromCatalog(): Promise<RabbitMqBinding[]> {
    const found = (await this.automations.withRuntime('rabbitmq')).flatMap(({ slug, runtime }): FoundBinding<RabbitMqBinding>[] => {
      const queue = runtime?.deadLetterQueue;
      return queue === undefined ? [] : [{ automation: slug, connection: runtime?.connection, where: { queue }, bind: (url) => ({ automation: slug, url, queue }) }];
    });
    return this.bindingConnections.resolve(found);
  }

  /** Collects exactly what the catalog binds now. */
  async syncFromCatalog(): Promise<void> {
    await this.sync(await this.bindingsFromCatalog());
  }

  /**
   * Collects exactly `bindings`: starts a consumer for each new one and stops (after storing what
   * it holds) each one no longer listed — a binding whose queue changed is one stopped and one started.
   */
  async sync(bindings: readonly RabbitMqBinding[]): Promise<void> {
    const next = new Map(bindings.map((binding) => [keyOf(binding), binding]));
    for (const key of [...this.wanted.keys()]) {
      if (!next.has(key)) {
        await this.release(key);
      }
    }
    await this.start([...next.values()]);
  }

  /** Also collects `bindings` (those not collected yet). */
  async start(bindings: readonly RabbitMqBinding[]): Promise<void> {
    for (const binding of bindings) {
      const key = keyOf(binding);
      if (!this.wanted.has(key)) {
        this.wanted.set(key, binding);
        await this.consume(key, binding);
      }
    }
  }

  /** Stops collecting one binding: no retry, what it holds stored and acked, its connection closed. */
  private async release(key: string): Promise<void> {
    const binding = this.wanted.get(key);
    this.wanted.delete(key);
    clearTimeout(this.retries.get(key));
    this.retries.delete(key);
    const consumer = this.consumers.get(key);
    this.consumers.delete(key);
    if (consumer !== undefined) {
      await this.close(consumer);
    }
    if (binding !== undefined) {
      this.log.info({ automation: binding.automation, queue: binding.queue }, 'stopped collecting RabbitMQ dead letters');
    }
  }

  private async close(consumer: Consumer): Promise<void> {
    await this.flush(consumer);
    await consumer.channel.close().catch(() => undefined);
    await consumer.connection.close().catch(() => undefined);
  }

  /**
   * Consumes one dead-letter queue. A collector never takes the api down: a missing queue, a
   * broker that is down or goes away is logged, and the queue is tried again a little later.
   */
  private async consume(key: string, binding: RabbitMqBinding): Promise<void> {
    let connection: ChannelModel | undefined;
    try {
      connection = await amqp.connect(binding.url);
      connection.on('error', (error: unknown) => this.log.warn({ queue: binding.queue, err: error }, 'RabbitMQ collector connection error'));
      const channel = await connection.createChannel();
      channel.on('error', (error: unknown) => this.log.warn({ queue: binding.queue, err: error }, 'RabbitMQ collector channel error'));
      await channel.checkQueue(binding.queue);
      await channel.prefetch(PREFETCH);
      const consumer: Consumer = { binding, connection, channel, pending: [], timer: undefined, flushing: Promise.resolve() };
      connection.on('close', () => {
        if (this.consumers.get(key) === consumer) {
          this.consumers.delete(key);
          this.retryLater(key, binding);
        }
      });
      if (this.wanted.get(key) !== binding) {
        // Released while connecting.
        await connection.close().catch(() => undefined);
        return;
      }
      this.consumers.set(key, consumer);
      await channel.consume(binding.queue, (message) => {
        if (message !== null) {
          this.receive(consumer, message);
        }
      });
      this.log.info({ automation: binding.automation, queue: binding.queue }, 'collecting RabbitMQ dead letters');
    } catch (error) {
      this.log.warn({ automation: binding.automation, queue: binding.queue, err: error }, 'cannot collect this dead-letter queue now; trying again later');
      if (this.consumers.get(key)?.connection === connection) {
        this.consumers.delete(key);
      }
      await connection?.close().catch(() => undefined);
      this.retryLater(key, binding);
    }
  }

  private retryLater(key: string, binding: RabbitMqBinding): void {
    if (this.wanted.get(key) !== binding || this.retries.has(key)) {
      return;
    }
    const timer = setTimeout(() => {
      this.retries.delete(key);
      if (this.wanted.get(key) === binding) {
        void this.consume(key, binding);
      }
    }, RETRY_MS);
    timer.unref();
    this.retries.set(key, timer);
  }

  /** Failure times from the future (or before 1970) are stored as the time of collection: see collectedFailureTimes. */
  private collected<T extends DeadLetterV1>(letter: T): T {
    return { ...letter, ...collectedFailureTimes(letter, new Date(), timestampWindow(this.config)) };
  }

  private receive(consumer: Consumer, message: ConsumeMessage): void {
    consumer.pending.push({ message, letter: this.collected(deadLetterFromAmqp(message, consumer.binding.automation, consumer.binding.queue, new Date())) });
    if (consumer.pending.length >= BATCH) {
      void this.flush(consumer);
    } else {
      consumer.timer ??= setTimeout(() => void this.flush(consumer), FLUSH_MS);
    }
  }

  private flush(consumer: Consumer): Promise<void> {
    consumer.flushing = consumer.flushing.then(async () => {
      clearTimeout(consumer.timer);
      consumer.timer = undefined;
      const batch = consumer.pending.splice(0);
      const last = batch.at(-1);
      if (last === undefined) {
        return;
      }
      try {
        await this.store.transaction((tx) => this.deadLetters.store(tx, batch.map((b) => b.letter)));
        consumer.channel.ack(last.message, true);
      } catch (error) {
        this.log.error({ queue: consumer.binding.queue, err: error }, 'storing dead letters failed; they go back to the queue');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        consumer.channel.nack(last.message, true, true);
      }
    });
    return consumer.flushing;
  }

  /** Stops every consumer (what each holds is stored and acked first). */
  async stop(): Promise<void> {
    for (const key of [...this.wanted.keys()]) {
      await this.release(key);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
