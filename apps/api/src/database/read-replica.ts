import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { cannotConnect } from './database-access.js';
import { replicaDataSourceOptions } from './data-source.js';
import { mayReadReplica } from './replica-reads.js';

/**
 * The read replica, when DATABASE_REPLICA_URL is set: a second, read-only pool. Repositories whose
 * reads a replica may serve ask `source()` for their DataSource; it is the replica's only inside a
 * request listed in REPLICA_READS (replica-reads.ts), and the primary everywhere else.
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
