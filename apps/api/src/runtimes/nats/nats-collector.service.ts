import { Inject, Injectable } from '@nestjs/common';
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import type { Logger } from 'pino';
import { BoundAutomations } from '../bound-automations.js';
import { APP_CONFIG, type AppConfig } from '../../config/app.config.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { DeadLetterIngestService } from '../../dead-letters/index.js';
import { Database } from '../../database/database.js';
import { collectedFailureTimes, timestampWindow } from '../../ingest/index.js';
import { API_LOGGER } from '../../logging/api-logger.token.js';
import { advisorySubjects, deadLetterFromJetStream, parseGiveUpAdvisory, type GiveUpAdvisory } from './nats-dead-letter.js';
import { NatsConnections, natsReason, natsServerOf } from './nats-connections.js';
import { BindingCollector, type CollectorSays } from '../shared/binding-collector.js';
import { CollectorConnections, type FoundBinding } from '../shared/collector-connections.js';

/** One JetStream consumer whose given-up messages are collected, for one automation. */
export interface NatsBinding {
  automation: string;
  url: string;
  stream: string;
  consumer: string;
}

/** A message whose fetch or store failed is tried again after this. */
const AGAIN_MS = 1_000;
/** Advisories held while the database or the server is away; beyond this the oldest is given up, and the log says which. */
const MAX_HELD = 10_000;

interface Collector {
  binding: NatsBinding;
  subscriptions: Subscription[];
  held: GiveUpAdvisory[];
  working: Promise<void>;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Collects what JetStream consumers gave up on. A consumer that reaches max_deliver, or whose
 * runtime terminates a message (`msg.term()`), publishes an advisory; for each one the message is
 * read from its stream by sequence and stored as a dead letter, with the stream, consumer, subject,
 * delivery count and headers, and its bytes as stored. One stream sequence is one dead letter
 * (an advisory seen twice stores it once).
 *
 * Advisories are core NATS messages: nobody keeps them. One published while no collector listens
 * (the api down, the server connection away) is not seen, and nothing is backfilled when collection
 * starts. A message the stream no longer holds (work-queue retention removes a terminated message
 * at once; max_age or max_msgs may remove any) cannot be collected, and the log says which.
 */
@Injectable()
export class NatsCollector extends BindingCollector<NatsBinding, Collector> {
  private readonly connections = new NatsConnections('roundhouse-collector');
  private readonly managers = new Map<NatsConnection, Promise<JetStreamManager>>();
  protected readonly says: CollectorSays<NatsBinding> = {
    what: 'JetStream dead letters',
    cannot: 'cannot collect from this JetStream consumer now; trying again later',
    fields: ({ automation, stream, consumer }) => ({ automation, stream, consumer }),
    failure: (binding, error) => ({ reason: natsReason(error, binding.url) }),
    started: (binding) => ({ server: natsServerOf(binding.url) }),
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
   * The consumer of every active automation bound to NATS with a stream and a consumer whose
   * connection variable is set here. A variable catalogs may not name is not read, and the log says why (once).
   */
  async bindingsFromCatalog(): Promise<NatsBinding[]> {
    const found = (await this.automations.withRuntime('nats')).flatMap(({ slug, runtime }): FoundBinding<NatsBinding>[] => {
      const stream = runtime?.stream;
      const consumer = runtime?.consumer;
      return stream === undefined || consumer === undefined
        ? []
        : [{ automation: slug, connection: runtime?.connection, where: { stream }, bind: (url) => ({ automation: slug, url, stream, consumer }) }];
    });
    return this.bindingConnections.resolve(found);
  }

  async syncFromCatalog(): Promise<void> {
    await this.sync(await this.bindingsFromCatalog());
  }

  protected keyOf(binding: NatsBinding): string {
    return JSON.stringify([binding.automation, binding.url, binding.stream, binding.consumer]);
  }

  /** Stops every collector (after storing what each holds) and closes the server connections. */
  override async stop(): Promise<void> {
    await super.stop();
    this.managers.clear();
    await this.connections.close();
  }

  /** Connects to the server (a connection per server, shared by its bindings); a server that is away throws. */
  protected async open(binding: NatsBinding): Promise<Collector> {
    await this.manager(await this.connections.get(binding.url));
    return { binding, subscriptions: [], held: [], working: Promise.resolve(), timer: undefined };
  }

  /** Subscribes to the consumer's give-up advisories. */
  protected async begin(collector: Collector): Promise<void> {
    const { binding } = collector;
    const connection = await this.connections.get(binding.url);
    const { maxDeliveries, terminated } = advisorySubjects(binding.stream, binding.consumer);
    for (const subject of [maxDeliveries, terminated]) {
      collector.subscriptions.push(
        connection.subscribe(subject, {
          callback: (error, message) => {
            const advisory = error === null ? parseGiveUpAdvisory(message.string()) : undefined;
            if (advisory !== undefined && advisory.stream === binding.stream && advisory.consumer === binding.consumer) {
              this.hold(collector, advisory);
            }
          },
        }),
      );
    }
    // The subscriptions are in place on the server once this round trip returns.
    await connection.flush();
  }

  /** Unsubscribes, then stores what the collector holds; what cannot be stored now stays in the stream, and the log says which. */
  protected async close(collector: Collector): Promise<void> {
    collector.subscriptions.forEach((subscription) => subscription.unsubscribe());
    clearTimeout(collector.timer);
    await this.work(collector);
    if (collector.held.length > 0) {
      this.log.error(
        { automation: collector.binding.automation, stream: collector.binding.stream, sequences: collector.held.map((a) => a.streamSeq) },
        'stopped collecting with messages not stored; they stay in the stream',
      );
    }
  }

  private manager(connection: NatsConnection): Promise<JetStreamManager> {
    let manager = this.managers.get(connection);
    if (manager === undefined) {
      manager = jetstreamManager(connection);
      this.managers.set(connection, manager);
      manager.catch(() => this.managers.delete(connection));
    }
    return manager;
  }

  private hold(collector: Collector, advisory: GiveUpAdvisory): void {
    collector.held.push(advisory);
    if (collector.held.length > MAX_HELD) {
      const dropped = collector.held.shift();
      this.log.error(
        { automation: collector.binding.automation, stream: collector.binding.stream, sequence: dropped?.streamSeq },
        'too many JetStream dead letters waiting to be stored; this one is not collected (it stays in the stream)',
      );
    }
    void this.work(collector);
  }

  /** Fetches and stores what the collector holds, one batch at a time; a failure keeps the batch and tries again shortly. */
  private work(collector: Collector): Promise<void> {
    collector.working = collector.working.then(async () => {
      const batch = collector.held.splice(0);
      if (batch.length === 0) {
        return;
      }
      try {
        await this.collect(collector.binding, batch);
      } catch (error) {
        collector.held.unshift(...batch);
        this.log.warn(
          { automation: collector.binding.automation, stream: collector.binding.stream, reason: natsReason(error, collector.binding.url) },
          'storing JetStream dead letters failed; trying again shortly',
        );
        if (this.consuming(collector.binding, collector)) {
          clearTimeout(collector.timer);
          collector.timer = setTimeout(() => void this.work(collector), AGAIN_MS);
          collector.timer.unref();
        }
      }
    });
    return collector.working;
  }

  private async collect(binding: NatsBinding, batch: readonly GiveUpAdvisory[]): Promise<void> {
    const manager = await this.manager(await this.connections.get(binding.url));
    const letters: DeadLetterV1[] = [];
    const now = new Date();
    const window = timestampWindow(this.config);
    for (const advisory of batch) {
      const stored = await manager.streams.getMessage(binding.stream, { seq: advisory.streamSeq });
      if (stored === null) {
        this.log.warn(
          { automation: binding.automation, stream: binding.stream, consumer: binding.consumer, sequence: advisory.streamSeq, reason: advisory.reason },
          'the consumer gave up on a message the stream no longer holds (work-queue retention, max_age or max_msgs removed it): it cannot be collected',
        );
        continue;
      }
      letters.push(collectedFailureTimes(deadLetterFromJetStream(advisory, stored, binding.automation), now, window));
    }
    if (letters.length > 0) {
      await this.database.transaction((tx) => this.deadLetters.store(tx, letters));
    }
  }
}
