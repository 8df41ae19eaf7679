import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { Logger } from 'pino';
import { API_LOGGER } from '../logging/api-logger.token.js';
import { DATABASE_URL } from './database-url.token.js';
import { caughtUpInRequest } from './request-catch-up.js';

/** How long the feed waits before connecting again after losing its connection. */
const RECONNECT_MS = 1_000;

/** What a watcher of a channel is told: a notification's payload, or that notifications may have been missed. */
export interface ChangeWatcher {
  changed(payload: string): void;
  /** The feed (re)connected or lost its connection: whatever was read before may have changed unseen. */
  reset(): void;
}

/**
 * PostgreSQL's notifications (LISTEN) to this process, on one connection of their own: what lets
 * each api replica keep per-process copies of rows that rarely change (open sessions, KPI
 * definitions) and forget them the moment another replica changes them. Triggers send the
 * notifications when the change commits (migration NotifySessionAndCatalogChanges). While the
 * connection is down a channel is not `live`, and caches read through to the database.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly watchers = new Map<string, ChangeWatcher[]>();
  private readonly listening = new Set<string>();
  private client: pg.Client | undefined;
  /** The round trip under way on the feed's connection (caughtUp), and the one queued behind it. */
  private inFlight: Promise<boolean> | undefined;
  private queued: Promise<boolean> | undefined;
  private reconnect: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(API_LOGGER) private readonly log: Logger,
  ) {}

  /** Calls `watcher` for every notification on `channel` from now on (and on every reset). */
  watch(channel: string, watcher: ChangeWatcher): void {
    this.watchers.set(channel, [...(this.watchers.get(channel) ?? []), watcher]);
    const client = this.client;
    if (client !== undefined && !this.listening.has(channel)) {
      void this.listen(client, [channel]);
    }
  }

  /** Whether every change on `channel` committed from now on will be told (the feed is connected and listens to it). */
  live(channel: string): boolean {
    return this.listening.has(channel);
  }

  /**
   * Resolves once every change committed before this call has been told to the watchers: true after
   * a round trip on the feed's connection sent after the call (PostgreSQL hands a listening
   * connection the notifications committed before a statement ahead of that statement's answer),
   * false when the feed is not connected. Callers waiting together share one round trip.
   */
  caughtUp(): Promise<boolean> {
    if (this.queued !== undefined) {
      return this.queued;
    }
    if (this.inFlight === undefined) {
      this.inFlight = this.roundTrip().finally(() => (this.inFlight = undefined));
      return this.inFlight;
    }
    const queued = this.inFlight.then(() => {
      this.queued = undefined;
      this.inFlight = this.roundTrip().finally(() => (this.inFlight = undefined));
      return this.inFlight;
    });
    this.queued = queued;
    return queued;
  }

  private async roundTrip(): Promise<boolean> {
    const client = this.client;
    if (client === undefined) {
      return false;
    }
    try {
      await client.query('SELECT');
      return this.client === client;
    } catch {
      return false;
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, application_name: 'roundhouse change feed' });
    client.on('notification', ({ channel, payload }) => {
      for (const watcher of this.watchers.get(channel) ?? []) {
        watcher.changed(payload ?? '');
      }
    });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'the change feed lost its database connection; caches read through until it is back');
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
    } catch (error) {
      this.log.warn({ err: error }, 'the change feed could not connect; caches read through until it does');
      this.lost(client);
      return;
    }
    this.client = client;
    await this.listen(client, [...this.watchers.keys()]);
  }

  private async listen(client: pg.Client, channels: readonly string[]): Promise<void> {
    try {
      for (const channel of channels) {
        await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
        if (this.client === client) {
          this.listening.add(channel);
        }
      }
    } catch (error) {
      this.log.warn({ err: error }, 'the change feed could not listen');
      this.lost(client);
    }
  }

  /** Forgets the connection (and tells every watcher), then connects again unless the api is stopping. */
  private lost(client: pg.Client): void {
    if (this.client !== undefined && this.client !== client) {
      return;
    }
    this.drop();
    client.end().catch(() => undefined);
    if (!this.closed && this.reconnect === undefined) {
      this.reconnect = setTimeout(() => {
        this.reconnect = undefined;
        void this.connect();
      }, RECONNECT_MS);
    }
  }

  private drop(): void {
    this.client = undefined;
    this.listening.clear();
    for (const watcher of [...this.watchers.values()].flat()) {
      watcher.reset();
    }
  }
}

/**
 * A per-process copy of values by key, forgotten when `channel` notifies the key (or on any reset of
 * the feed). A kept value is answered only once the feed has caught up with every change committed
 * before the ask (one shared round trip on the feed's connection, no table read), so a change
 * committed through any replica is seen by the next request on every other. Inside a request the
 * catch-up is the request's (request-catch-up.ts): taken by its first ask of any copy, again after
 * each statement that may write, so a request makes one round trip for all its copies and still reads
 * its own changes. A value read while a notification for any key arrived is not kept: the read may
 * predate the change it announces. Holds at most `maxEntries`; when full it starts over.
 */
export class NotifiedCache<V> {
  private readonly values = new Map<string, V>();
  /** Bumped by every notification and reset: a read that saw it change keeps nothing. */
  private version = 0;

  constructor(
    private readonly feed: Pick<ChangeFeed, 'watch' | 'live' | 'caughtUp'>,
    private readonly channel: string,
    private readonly maxEntries: number,
  ) {
    feed.watch(channel, {
      changed: (key) => {
        this.version += 1;
        this.values.delete(key);
      },
      reset: () => {
        this.version += 1;
        this.values.clear();
      },
    });
  }

  /** The value of `key`, from the copy when there is one, else from `load` (kept when it is defined and the feed is live). */
  async get(key: string, load: () => Promise<V | undefined>): Promise<V | undefined> {
    const values = await this.getMany([key], async () => {
      const value = await load();
      return new Map(value === undefined ? [] : [[key, value]]);
    });
    return values.get(key);
  }

  /** The values of `keys` there are: those kept, and the others from one `load` of the missing keys (kept while the feed is live). */
  async getMany(keys: readonly string[], load: (missing: string[]) => Promise<ReadonlyMap<string, V>>): Promise<Map<string, V>> {
    const found = new Map<string, V>();
    if (keys.some((key) => this.values.has(key)) && this.feed.live(this.channel) && (await caughtUpInRequest(this.feed)) && this.feed.live(this.channel)) {
      for (const key of keys) {
        const kept = this.values.get(key);
        if (kept !== undefined) {
          found.set(key, kept);
        }
      }
    }
    const missing = [...new Set(keys.filter((key) => !found.has(key)))];
    if (missing.length === 0) {
      return found;
    }
    const version = this.version;
    const loaded = await load(missing);
    const keep = this.version === version && this.feed.live(this.channel);
    for (const [key, value] of loaded) {
      found.set(key, value);
      if (keep) {
        if (this.values.size >= this.maxEntries) {
          this.values.clear();
        }
        this.values.set(key, value);
      }
    }
    return found;
  }

  /** Forgets `key` in this process (its change is also notified to the others). */
  forget(key: string): void {
    this.version += 1;
    this.values.delete(key);
  }
}
