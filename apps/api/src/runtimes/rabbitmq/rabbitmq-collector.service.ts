import { Inject, Injectable } from '@nestjs/common';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { BoundAutomations } from '../bound-automations.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { DeadLetterIngestService } from '../../dead-letters/index.js';
import { Database } from '../../database/database.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { collectedFailureTimes, timestampWindow } from '../../ingest/index.js';
import { API_LOGGER } from '../../logging/api-logger.token.js';
import { deadLetterFromAmqp } from './amqp-dead-letter.js';
import { BindingCollector, type CollectorSays } from '../shared/binding-collector.js';
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
 * redelivered message is the same dead letter, seen again. Which queues it collects follows the
 * catalog (see RuntimeCollectors): `sync` starts, moves and stops consumers.
 */
@Injectable()
export class RabbitMqCollector extends BindingCollector<RabbitMqBinding, Consumer> {
  protected readonly says: CollectorSays<RabbitMqBinding> = {
    what: 'RabbitMQ dead letters',
    cannot: 'cannot collect this dead-letter queue now; trying again later',
    fields: ({ automation, queue }) => ({ automation, queue }),
    failure: (_binding, error) => ({ err: error }),
  };

  private readonly bindingConnections: CollectorConnections;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DeadLetterIngestService) private readonly deadLetters: DeadLetterIngestService,
    @Inject(API_LOGGER) protected readonly log: Logger,
    @Inject(BoundAutomations) private readonly automations: BoundAutomations,
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
  ) {
    super();
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

  /** A binding's identity: a change of automation, broker or queue is another consumer. */
  protected keyOf(binding: RabbitMqBinding): string {
    return JSON.stringify([binding.automation, binding.url, binding.queue]);
  }

  /** Connects to the broker and checks the dead-letter queue is there; a missing queue or a broker that is down throws. */
  protected async open(binding: RabbitMqBinding, lost: () => void): Promise<Consumer> {
    const connection = await amqp.connect(binding.url);
    try {
      connection.on('error', (error: unknown) => this.log.warn({ queue: binding.queue, err: error }, 'RabbitMQ collector connection error'));
      const channel = await connection.createChannel();
      channel.on('error', (error: unknown) => this.log.warn({ queue: binding.queue, err: error }, 'RabbitMQ collector channel error'));
      await channel.checkQueue(binding.queue);
      await channel.prefetch(PREFETCH);
      connection.on('close', lost);
      return { binding, connection, channel, pending: [], timer: undefined, flushing: Promise.resolve() };
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }

  protected async begin(consumer: Consumer): Promise<void> {
    await consumer.channel.consume(consumer.binding.queue, (message) => {
      if (message !== null) {
        this.receive(consumer, message);
      }
    });
  }

  /** Stores and acks what the consumer holds, then closes its channel and connection. */
  protected async close(consumer: Consumer): Promise<void> {
    await this.flush(consumer);
    await consumer.channel.close().catch(() => undefined);
    await consumer.connection.close().catch(() => undefined);
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
        await this.database.transaction((tx) =>
          this.deadLetters.store(
            tx,
            batch.map((b) => b.letter),
          ),
        );
        consumer.channel.ack(last.message, true);
      } catch (error) {
        this.log.error({ queue: consumer.binding.queue, err: error }, 'storing dead letters failed; they go back to the queue');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        consumer.channel.nack(last.message, true, true);
      }
    });
    return consumer.flushing;
  }
}
