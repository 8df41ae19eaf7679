import type { OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';

/** A binding is tried again this long after it could not be collected (or its connection went away). */
const RETRY_MS = 30_000;

/** What a runtime kind says in its logs about one of its bindings. */
export interface CollectorSays<B> {
  /** What is collected, e.g. 'RabbitMQ dead letters': the log says 'collecting …' and 'stopped collecting …'. */
  what: string;
  /** The warning when a binding cannot be collected now, e.g. 'cannot collect this dead-letter queue now; trying again later'. */
  cannot: string;
  /** The fields each line names the binding by (its automation, queue, stream …). */
  fields: (binding: B) => Record<string, unknown>;
  /** The fields that say why a binding cannot be collected now (an error, a reason). */
  failure: (binding: B, error: unknown) => Record<string, unknown>;
  /** More fields for the line saying a binding is collected (e.g. the server it is collected from). */
  started?: (binding: B) => Record<string, unknown>;
}

/**
 * The collector loop every runtime kind with a collector shares: per binding, connect and consume (or,
 * for a source that is read rather than consumed, such as BullMQ's failed set, poll); a binding
 * that cannot be collected (broker down, queue missing) or whose connection goes away is tried again
 * later without taking the api down; `sync` follows the catalog (new bindings start, gone ones stop after
 * storing what they hold); `stop` ends them all. A runtime kind says how to open, begin and close one
 * binding's consumer (`C`); what a consumer does with its messages is its own.
 */
export abstract class BindingCollector<B, C> implements OnApplicationShutdown {
  /** The bindings this process should collect, by key; a consumer or a retry exists only for these. */
  private readonly wanted = new Map<string, B>();
  private readonly consumers = new Map<string, C>();
  private readonly retries = new Map<string, NodeJS.Timeout>();

  protected abstract readonly log: Logger;
  protected abstract readonly says: CollectorSays<B>;

  /** A binding's identity: a change of any of its parts is another consumer. */
  protected abstract keyOf(binding: B): string;

  /**
   * Connects for one binding and answers its consumer, not yet consuming; `lost` is to be called when
   * the connection goes away later. Throws (leaving nothing open) when the binding cannot be collected now.
   */
  protected abstract open(binding: B, lost: () => void): Promise<C>;

  /** Starts consuming; resolves once messages flow. */
  protected abstract begin(consumer: C): Promise<void>;

  /** Stops consuming: what the consumer holds is stored first (or logged as left behind), then what it opened is closed. */
  protected abstract close(consumer: C): Promise<void>;

  /** Collects exactly `bindings`: consumes each new one, stops (after storing what it holds) each one no longer listed. */
  async sync(bindings: readonly B[]): Promise<void> {
    const next = new Map(bindings.map((binding) => [this.keyOf(binding), binding]));
    for (const key of [...this.wanted.keys()]) {
      if (!next.has(key)) {
        await this.release(key);
      }
    }
    await this.start([...next.values()]);
  }

  /** Also collects `bindings` (those not collected yet); resolves once each consumes or waits to try again. */
  async start(bindings: readonly B[]): Promise<void> {
    for (const binding of bindings) {
      const key = this.keyOf(binding);
      if (!this.wanted.has(key)) {
        this.wanted.set(key, binding);
        await this.consume(key, binding);
      }
    }
  }

  /** Stops every consumer (what each holds is stored first). */
  async stop(): Promise<void> {
    for (const key of [...this.wanted.keys()]) {
      await this.release(key);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** The consumers collecting now, one per binding that consumes (not those waiting to try again). */
  protected collecting(): C[] {
    return [...this.consumers.values()];
  }

  /** Whether `consumer` is still the one collecting its binding (not released, not lost). */
  protected consuming(binding: B, consumer: C): boolean {
    return this.consumers.get(this.keyOf(binding)) === consumer;
  }

  /** Stops collecting one binding: no retry, what it holds stored, what it opened closed. */
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
      this.log.info(this.says.fields(binding), `stopped collecting ${this.says.what}`);
    }
  }

  /** Consumes one binding. Never takes the api down: a broker that is away, or goes away, is tried again later. */
  private async consume(key: string, binding: B): Promise<void> {
    let consumer: C | undefined;
    try {
      consumer = await this.open(binding, () => {
        if (consumer !== undefined && this.consumers.get(key) === consumer) {
          this.consumers.delete(key);
          this.retryLater(key, binding);
        }
      });
      if (this.wanted.get(key) !== binding) {
        // Released while connecting.
        await this.close(consumer);
        return;
      }
      this.consumers.set(key, consumer);
      await this.begin(consumer);
      this.log.info({ ...this.says.fields(binding), ...this.says.started?.(binding) }, `collecting ${this.says.what}`);
    } catch (error) {
      this.log.warn({ ...this.says.fields(binding), ...this.says.failure(binding, error) }, this.says.cannot);
      if (consumer !== undefined && this.consumers.get(key) === consumer) {
        this.consumers.delete(key);
        await this.close(consumer).catch(() => undefined);
      }
      this.retryLater(key, binding);
    }
  }

  private retryLater(key: string, binding: B): void {
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
}
