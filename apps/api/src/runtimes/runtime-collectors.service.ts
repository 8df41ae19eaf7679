import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { Runtimes } from './routes.js';

/**
 * Keeps this process's collectors in step with the catalog. Every ROUNDHOUSE_COLLECTORS_SYNC_MS it
 * asks every runtime kind's collector (see registry.ts) to read the active automations' bindings of its kind (one small query per kind) and starts a collector
 * for a new binding, moves one whose queue or connection changed, and stops one whose automation
 * was archived or rebound — whether the change came from the console, a catalog apply or another
 * replica. Every process with ROUNDHOUSE_COLLECTORS on does this on its own, so all of them follow
 * (RabbitMQ shares a queue's messages among their consumers; BullMQ collection is idempotent). On a
 * brand-new database the first reads find nothing, and collection begins once the catalog is applied.
 */
@Injectable()
export class RuntimeCollectors implements BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> = Promise.resolve();
  private failing = false;

  constructor(
    @Inject(Runtimes) private readonly runtimes: Runtimes,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  /** Syncs now, then keeps following the catalog until shutdown. */
  async follow(): Promise<void> {
    await this.sync();
    if (this.timer === undefined) {
      this.timer = setInterval(() => void this.sync(), this.config.ROUNDHOUSE_COLLECTORS_SYNC_MS);
      this.timer.unref();
    }
  }

  /** One pass: every collector matches the catalog as it is now. Never throws; a failed read is tried at the next pass. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      try {
        for (const collector of this.runtimes.collectors()) {
          await collector.syncFromCatalog();
        }
        if (this.failing) {
          this.log.info('collectors follow the catalog again');
        }
        this.failing = false;
      } catch (error) {
        if (!this.failing) {
          this.log.warn({ err: error }, 'reading the catalog for collectors failed; collectors keep what they had and the next pass tries again');
        }
        this.failing = true;
      }
    });
    return this.syncing;
  }

  /** Before the collectors themselves stop (onApplicationShutdown), so no pass starts them again. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.syncing;
  }
}
