import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { AutomationsService } from '../automations/automations.service.js';
import { RuntimeVariables } from '../config/runtime-variables.js';
import { DeadLettersRepository } from '../dead-letters/dead-letters.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { IngestRepository } from '../ingest/ingest.repository.js';
import { collectedFailureTimes, timestampWindow } from '../ingest/timestamp-window.js';
import { API_LOGGER } from '../jobs/jobs.service.js';
import { deadLetterFromAmqp } from './amqp-dead-letter.js';

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

/**
 * Collects RabbitMQ dead-letter queues: each message is stored as a dead letter (with its x-death
 * context) and acked only after the database commit, so a crash in between redelivers it — and a
 * redelivered message is the same dead letter, seen again.
 */
@Injectable()
export class RabbitMqCollector implements OnApplicationShutdown {
  private readonly consumers: Consumer[] = [];
  private readonly retries = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    @Inject(IngestRepository) private readonly store: IngestRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeadLettersRepository) private readonly deadLetters: DeadLettersRepository,
    @Inject(API_LOGGER) private readonly log: Logger,
    @Inject(AutomationsService) private readonly automations: AutomationsService,
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
  ) {}

  /**
   * Collects the dead-letter queue of every automation bound to RabbitMQ whose connection variable
   * (runtime.connection, e.g. ROUNDHOUSE_RUNTIME_RABBITMQ_URL) is set in this process's environment.
   * A variable catalogs may not name is not read: that automation is not collected, and the log says why.
   */
  async startFromCatalog(): Promise<void> {
    const bindings: RabbitMqBinding[] = [];
    for (const { slug, runtime } of await this.automations.withRuntime('rabbitmq')) {
      if (runtime?.deadLetterQueue === undefined) {
        continue;
      }
      const url = this.variables.lookup(runtime.connection);
      if (url.state === 'refused') {
        this.log.warn({ automation: slug, queue: runtime.deadLetterQueue }, `not collecting: the runtime binding's connection names a variable catalogs may not name (${url.reason}), so it was not read`);
      } else if (url.state === 'set') {
        bindings.push({ automation: slug, url: url.value, queue: runtime.deadLetterQueue });
      }
    }
    await this.start(bindings);
  }

  async start(bindings: readonly RabbitMqBinding[]): Promise<void> {
    this.stopping = false;
    for (const binding of bindings) {
      await this.consume(binding);
    }
  }

  /**
   * Consumes one dead-letter queue. A collector never takes the api down: a missing queue, a
   * broker that is down or goes away is logged, and the queue is tried again a little later.
   */
  private async consume(binding: RabbitMqBinding): Promise<void> {
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
        const index = this.consumers.indexOf(consumer);
        if (index >= 0 && !this.stopping) {
          this.consumers.splice(index, 1);
          this.retryLater(binding);
        }
      });
      await channel.consume(binding.queue, (message) => {
        if (message !== null) {
          this.receive(consumer, message);
        }
      });
      this.consumers.push(consumer);
      this.log.info({ automation: binding.automation, queue: binding.queue }, 'collecting RabbitMQ dead letters');
    } catch (error) {
      this.log.warn({ automation: binding.automation, queue: binding.queue, err: error }, 'cannot collect this dead-letter queue now; trying again later');
      await connection?.close().catch(() => undefined);
      this.retryLater(binding);
    }
  }

  private retryLater(binding: RabbitMqBinding): void {
    if (this.stopping) {
      return;
    }
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      void this.consume(binding);
    }, RETRY_MS);
    timer.unref();
    this.retries.add(timer);
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
        await this.store.transaction((manager) => this.deadLetters.store(manager, batch.map((b) => b.letter)));
        consumer.channel.ack(last.message, true);
      } catch (error) {
        this.log.error({ queue: consumer.binding.queue, err: error }, 'storing dead letters failed; they go back to the queue');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        consumer.channel.nack(last.message, true, true);
      }
    });
    return consumer.flushing;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.retries.forEach((timer) => clearTimeout(timer));
    this.retries.clear();
    for (const consumer of this.consumers.splice(0)) {
      await this.flush(consumer);
      await consumer.channel.close().catch(() => undefined);
      await consumer.connection.close().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
