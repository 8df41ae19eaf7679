import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ConfigError, type AppConfig } from '../../config/app.config.js';
import { LeasedRateLimitStore, leaseSizeFor } from './rate-limit-leases.js';
import { PostgresRateLimitStore } from './rate-limit-store.js';

/** How long start-up waits for Redis to answer before it stops with a sentence naming REDIS_URL. */
const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Where every rate limiter of this api counts, shared by all the api processes of one deployment:
 * in Redis when `REDIS_URL` is set (rate-limit-redis, one key per limiter and client that expires
 * with its window), in PostgreSQL otherwise (table `rate_limit_window`). Redis keys start with the
 * PostgreSQL cluster's identifier and the database's name, so deployments (and test runs, embedded
 * databases included) sharing one Redis keep their budgets apart.
 *
 * A hit given back after its response (a request that turned out not to count) is awaited before
 * the connections close at shutdown, so stopping the api never cuts one off halfway.
 */
@Injectable()
export class RateLimitStores implements OnApplicationShutdown {
  private redis: Redis | undefined;
  private keyPrefix = '';
  private readonly givingBack = new Set<Promise<void>>();
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  /** Which store counts: Redis when REDIS_URL is set, else PostgreSQL. */
  get kind(): 'redis' | 'postgres' {
    return this.config.REDIS_URL === undefined ? 'postgres' : 'redis';
  }

  /** Connects to Redis when it is configured; a Redis that does not answer stops start-up. */
  async open(): Promise<void> {
    const url = this.config.REDIS_URL;
    if (url === undefined || this.redis !== undefined) {
      return;
    }
    this.keyPrefix = `roundhouse:${await this.deployment()}:rate-limit:`;
    const redis = new Redis(url, { lazyConnect: true, connectTimeout: REDIS_CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 2 });
    // ioredis reconnects by itself; a request counted while Redis is away is answered 500 and logged by the limiter.
    redis.on('error', () => undefined);
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      redis.disconnect();
      const where = new URL(url);
      throw new ConfigError(
        `REDIS_URL: Redis at ${where.hostname}:${where.port || '6379'} did not answer (${(error as Error).message}); rate limits are counted there when REDIS_URL is set.`,
      );
    }
    this.redis = redis;
  }

  /** What Redis keys start with: `roundhouse:<cluster>:<database>:rate-limit:`. */
  get redisKeyPrefix(): string {
    return this.keyPrefix;
  }

  /**
   * The deployment as PostgreSQL names it: the cluster's system identifier (made by initdb, the same
   * for every replica and different for every cluster, embedded ones included) and the database.
   */
  private async deployment(): Promise<string> {
    const [row] = await this.db
      .query<{ cluster: string | null; name: string }[]>(`SELECT (SELECT system_identifier::text FROM pg_control_system()) AS cluster, current_database() AS name`)
      .catch(() => this.db.query<{ cluster: string | null; name: string }[]>(`SELECT NULL AS cluster, current_database() AS name`));
    return `${row?.cluster ?? 'cluster'}:${row?.name ?? 'roundhouse'}`;
  }

  /**
   * The store of one limiter (`sign-in`, `runtime-token`, …) allowing `limit` hits a window; `open()` first.
   * PostgreSQL is written a lease of hits at a time (LeasedRateLimitStore); Redis counts each hit.
   */
  storeFor(limiter: string, limit: number): Store {
    const redis = this.redis;
    const store: Store =
      redis === undefined
        ? new LeasedRateLimitStore(new PostgresRateLimitStore(this.db, limiter), leaseSizeFor(limit))
        : new RedisStore({ prefix: `${this.keyPrefix}${limiter}:`, sendCommand: (command: string, ...args: string[]) => redis.call(command, ...args) as Promise<RedisReply> });
    const decrement = store.decrement.bind(store);
    store.decrement = (key: string) => this.giveBack(() => decrement(key));
    return store;
  }

  private giveBack(work: () => Promise<void> | void): Promise<void> {
    if (this.closed) {
      // The connections are gone: the hit stays counted until its window ends.
      return Promise.resolve();
    }
    const done = Promise.resolve(work()).finally(() => this.givingBack.delete(done));
    this.givingBack.add(done);
    return done;
  }

  /** Before the database closes (this module is not global, so its hook runs before TypeORM's). */
  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.givingBack]);
    await this.redis?.quit().catch(() => undefined);
    this.redis = undefined;
  }
}
