import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { cannotConnect, describeTarget } from './database-access.js';
import { replicaDataSourceOptions } from './data-source.js';
import { mayReadReplica } from './replica-reads.js';
import { StartupError } from './startup-error.js';

/**
 * The read replica, when DATABASE_REPLICA_URL is set: a second, read-only pool. Repositories whose
 * reads a replica may serve send them with `Database.read` (database.ts), which asks `source()`; it
 * is the replica's only inside a request listed in REPLICA_READS (replica-reads.ts), and the primary
 * everywhere else.
 */
@Injectable()
export class ReadReplica implements OnModuleInit, OnApplicationShutdown {
  private replica: DataSource | undefined;

  constructor(
    @InjectDataSource() readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const url = this.config.DATABASE_REPLICA_URL;
    if (url === undefined) {
      return;
    }
    const replica = new DataSource(replicaDataSourceOptions(url));
    try {
      await replica.initialize();
    } catch (error) {
      throw cannotConnect(error, url, 'DATABASE_REPLICA_URL');
    }
    const mismatch = await notACopy(this.primary, replica, url);
    if (mismatch !== undefined) {
      await replica.destroy();
      throw mismatch;
    }
    this.replica = replica;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.destroy();
    this.replica = undefined;
  }

  /** The replica's pool, when one is set. */
  get configured(): DataSource | undefined {
    return this.replica;
  }

  /** Where the read under way goes: the replica for a listed request, when there is one; else the primary. */
  source(): DataSource {
    return this.replica !== undefined && mayReadReplica() ? this.replica : this.primary;
  }
}

/** Which database of which PostgreSQL cluster a pool reads (the cluster's system identifier: the same on a streaming replica, unknown where the role may not read it). */
async function deployment(source: DataSource): Promise<{ cluster: string | null; database: string }> {
  const [row] = await source.query<{ database: string }[]>(`SELECT current_database() AS database`);
  const [control] = await source.query<{ cluster: string }[]>(`SELECT system_identifier::text AS cluster FROM pg_control_system()`).catch(() => []);
  return { cluster: control?.cluster ?? null, database: row?.database ?? '' };
}

/**
 * A sentence refusing a DATABASE_REPLICA_URL that leads to another database than DATABASE_URL's (or
 * another cluster): dashboards would show that one's figures without a word. The primary itself passes.
 */
async function notACopy(primary: DataSource, replica: DataSource, url: string): Promise<StartupError | undefined> {
  const [main, copy] = await Promise.all([deployment(primary), deployment(replica)]);
  const otherCluster = main.cluster !== null && copy.cluster !== null && main.cluster !== copy.cluster;
  if (!otherCluster && main.database === copy.database) {
    return undefined;
  }
  const where = describeTarget(url)?.text;
  const what = otherCluster
    ? `another PostgreSQL cluster (system identifier ${copy.cluster}, the primary's is ${main.cluster})`
    : `another database ("${copy.database}", the primary's is "${main.database}")`;
  return new StartupError(
    `DATABASE_REPLICA_URL${where === undefined ? '' : ` (${where})`} is not a copy of DATABASE_URL's database: it leads to ${what}. A read replica is a streaming standby made from the primary's base backup, with the same database name (see "Read replica" in the README).`,
  );
}
