import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import amqp, { type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { AutomationsService } from '../automations/automations.service.js';
import { DeadLettersRepository } from '../dead-letters/dead-letters.repository.js';
import { IngestRepository } from '../ingest/ingest.repository.js';
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

  constructor(
    @Inject(IngestRepository) private readonly store: IngestRepository,
    @Inject(DeadLettersRepository) private readonly deadLetters: DeadLettersRepository,
    @Inject(API_LOGGER) private readonly log: Logger,
    @Inject(AutomationsService) private readonly automations: AutomationsService,
  ) {}

  /**
   * Collects the dead-letter queue of every automation bound to RabbitMQ whose connection variable
   * (runtime.connection, e.g. RABBITMQ_URL) is set in this process's environment.
   */
  async startFromCatalog(env: NodeJS.ProcessEnv): Promise<void> {
    const bindings: RabbitMqBinding[] = [];
    for (const { slug, runtime } of await this.automations.withRuntime('rabbitmq')) {
      const url = runtime?.connection === undefined ? undefined : env[runtime.connection];
      if (runtime?.deadLetterQueue !== undefined && url !== undefined && url !== '') {
        bindings.push({ automation: slug, url, queue: runtime.deadLetterQueue });
      }
    }
    await this.start(bindings);
  }

  async start(bindings: readonly RabbitMqBinding[]): Promise<void> {
    for (const binding of bindings) {
      try {
        const connection = await amqp.connect(binding.url);
        const channel = await connection.createChannel();
        await channel.checkQueue(binding.queue);
        await channel.prefetch(PREFETCH);
        const consumer: Consumer = { binding, connection, channel, pending: [], timer: undefined, flushing: Promise.resolve() };
        await channel.consume(binding.queue, (message) => {
          if (message !== null) {
            this.receive(consumer, message);
          }
        });
        this.consumers.push(consumer);
        this.log.info({ automation: binding.automation, queue: binding.queue }, 'collecting RabbitMQ dead letters');
      } catch (error) {
        this.log.warn({ automation: binding.automation, queue: binding.queue, err: error }, 'cannot collect this dead-letter queue; skipped');
      }
    }
  }

  private receive(consumer: Consumer, message: ConsumeMessage): void {
    consumer.pending.push({ message, letter: deadLetterFromAmqp(message, consumer.binding.automation, consumer.binding.queue, new Date()) });
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
