import type { INestApplicationContext, Type } from '@nestjs/common';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadConfig } from '../config/app.config.js';
import { runMigrations } from '../database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

/**
 * Runs a command's work with one of the api's services, on DATABASE_URL or the embedded database:
 * the running Roundhouse's, or one started for the command (and stopped after it). No background
 * jobs, no collectors.
 */
export async function withService<S, T>(service: Type<S>, work: (service: S) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, ROUNDHOUSE_CONSOLE_DIR: '/nonexistent', ROUNDHOUSE_JOBS: 'false', ROUNDHOUSE_COLLECTORS: 'false' });
  const log = pino({ level: 'warn' });
  let embedded: EmbeddedDatabase | undefined;
  let url = config.DATABASE_URL;
  if (url === undefined) {
    const running = await fetch(`http://127.0.0.1:${config.PORT}/healthz`).then((r) => r.ok).catch(() => false);
    if (running) {
      url = `postgres://postgres:roundhouse-embedded@127.0.0.1:${config.ROUNDHOUSE_EMBEDDED_PG_PORT}/roundhouse`;
    } else {
      embedded = await startEmbeddedPostgres({ dataDir: config.ROUNDHOUSE_DATA_DIR, port: config.ROUNDHOUSE_EMBEDDED_PG_PORT, log });
      url = embedded.url;
    }
  }
  await runMigrations(url);
  const app: INestApplicationContext = await createApp(config, url, log);
  try {
    return await work(app.get(service));
  } finally {
    await app.close();
    await embedded?.stop();
  }
}
