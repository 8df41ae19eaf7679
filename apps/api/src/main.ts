import 'reflect-metadata';
import { formatNote, formatProblem } from '@roundhouse/contracts';
import { createApp } from './app.js';
import { CatalogInvalidError } from './catalog/catalog.errors.js';
import { CatalogService } from './catalog/catalog.service.js';
import { ConfigError, loadConfig } from './config/app.config.js';
import { DashboardsInvalidError } from './dashboards/dashboards.errors.js';
import { DashboardsService } from './dashboards/dashboards.service.js';
import { EMBEDDED_NAMES, prepareDatabase } from './database/database-access.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
import { StartupError } from './database/startup-error.js';
import { createLogger, prettyDestination } from './logging/logger.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.LOG_LEVEL, config.LOG_FORMAT === 'pretty' ? await prettyDestination() : undefined);
  let embedded: EmbeddedDatabase | undefined;
  if (config.DATABASE_URL === undefined) {
    embedded = await startEmbeddedPostgres({ dataDir: config.ROUNDHOUSE_DATA_DIR, port: config.ROUNDHOUSE_EMBEDDED_PG_PORT, log });
    log.info({ dataDir: config.ROUNDHOUSE_DATA_DIR, port: config.ROUNDHOUSE_EMBEDDED_PG_PORT }, 'embedded PostgreSQL started');
  }
  const databaseUrl = config.DATABASE_URL ?? (embedded as EmbeddedDatabase).url;
  const migrationUrl = config.DATABASE_URL === undefined ? embedded?.migrationUrl : config.DATABASE_MIGRATION_URL;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app?.close().catch((error: unknown) => log.error({ err: error }, 'closing the api failed'));
    await embedded?.stop().catch((error: unknown) => log.error({ err: error }, 'stopping the embedded PostgreSQL failed'));
    log.info('stopped');
    process.exit(0);
  };
  // Shutdown in order: the api, then the embedded PostgreSQL, then the lock.
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  try {
    const applied = await prepareDatabase({
      apiUrl: databaseUrl,
      migrationUrl,
      production: config.NODE_ENV === 'production',
      log,
      ...(embedded === undefined ? {} : { names: EMBEDDED_NAMES }),
    });
    log.info({ applied }, applied.length === 0 ? 'database schema up to date' : 'migrations applied');
    app = await createApp(config, databaseUrl, log);
    if (config.ROUNDHOUSE_APPLY_CATALOG) {
      await applyCatalog(app.get(CatalogService), config.ROUNDHOUSE_CATALOG_DIR, config.repositoryRoot, log);
    }
    if (config.ROUNDHOUSE_APPLY_DASHBOARDS) {
      await applyDashboards(app.get(DashboardsService), config.ROUNDHOUSE_DASHBOARDS_DIR, config.repositoryRoot, log);
    }
    await app.listen(config.PORT, config.HOST).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'EADDRINUSE') {
        throw new StartupError(`Port ${config.PORT} is in use: is Roundhouse already running? Stop it, or set PORT to a free port.`);
      }
      throw error;
    });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.PORT;
  const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  process.stdout.write(`Roundhouse is running at http://${host}:${port}\n`);
}

async function applyCatalog(catalog: CatalogService, dir: string, root: string, log: ReturnType<typeof createLogger>): Promise<void> {
  try {
    const { notes, ...summary } = await catalog.apply(dir, root);
    log.info({ catalog: summary, notes: notes.map(formatNote) }, 'catalog applied');
  } catch (error) {
    if (!(error instanceof CatalogInvalidError)) {
      throw error;
    }
    // Serving on with the last good catalog beats not serving; the problems are said loudly.
    log.error({ problems: error.problems.map(formatProblem) }, 'catalog NOT applied: fix these problems and restart');
    process.stderr.write(`${error.message}\n`);
  }
}

async function applyDashboards(dashboards: DashboardsService, dir: string, root: string, log: ReturnType<typeof createLogger>): Promise<void> {
  try {
    const summary = await dashboards.apply(dir, root);
    log.info({ dashboards: summary }, 'dashboards applied');
  } catch (error) {
    if (!(error instanceof DashboardsInvalidError)) {
      throw error;
    }
    // Like the catalog: the last good dashboards stay; every problem is named by file, line and field.
    log.error({ problems: error.problems.map(formatProblem) }, 'dashboards NOT applied: fix these problems and restart');
    process.stderr.write(`${error.message}\n`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Roundhouse failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
