import type { INestApplicationContext, Type } from '@nestjs/common';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadConfig } from '../config/app.config.js';
import { EMBEDDED_NAMES, prepareDatabase } from '../database/database-access.js';
import { embeddedUrls, startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

/**
 * Runs a command's work with one of the api's services, on DATABASE_URL or the embedded database:
 * the running Roundhouse's, or one started for the command (and stopped after it). No background
 * jobs, no collectors. The command runs as the api's role, like the api.
 */
export async function withService<S, T>(service: Type<S>, work: (service: S) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, ROUNDHOUSE_CONSOLE_DIR: '/nonexistent', ROUNDHOUSE_JOBS: 'false', ROUNDHOUSE_COLLECTORS: 'false' });
  const log = pino({ level: 'warn' });
  let embedded: EmbeddedDatabase | undefined;
  let urls: { url: string; migrationUrl?: string };
  if (config.DATABASE_URL !== undefined) {
    urls = { url: config.DATABASE_URL, ...(config.DATABASE_MIGRATION_URL === undefined ? {} : { migrationUrl: config.DATABASE_MIGRATION_URL }) };
  } else if (
    await fetch(`http://127.0.0.1:${config.PORT}/healthz`)
      .then((r) => r.ok)
      .catch(() => false)
  ) {
    urls = await embeddedUrls(config.ROUNDHOUSE_DATA_DIR, config.ROUNDHOUSE_EMBEDDED_PG_PORT, log);
  } else {
    embedded = await startEmbeddedPostgres({ dataDir: config.ROUNDHOUSE_DATA_DIR, port: config.ROUNDHOUSE_EMBEDDED_PG_PORT, log });
    urls = embedded;
  }
  try {
    await prepareDatabase({
      apiUrl: urls.url,
      ...(urls.migrationUrl === undefined ? {} : { migrationUrl: urls.migrationUrl }),
      production: config.NODE_ENV === 'production',
      log,
      ...(config.DATABASE_URL === undefined ? { names: EMBEDDED_NAMES } : {}),
    });
    const app: INestApplicationContext = await createApp(config, urls.url, log);
    try {
      return await work(app.get(service));
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}
