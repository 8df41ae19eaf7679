import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { formatProblem, type DashboardReferences } from '@roundhouse/contracts';
import { pino } from 'pino';
import { createApp } from '../app.js';
import { loadCatalog } from '../catalog/catalog-loader.js';
import { loadConfig } from '../config/app.config.js';
import { DashboardsService } from '../dashboards/dashboards.service.js';
import { runMigrations } from '../database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../database/embedded-postgres.js';

const USAGE = `Usage: npm run dashboards -- <command>

  validate    check every file in dashboards/ against the Dashboard v1 schema and the
              automations, KPIs and teams of catalog/ (no database needed)
  apply       apply dashboards/ to the database, all or nothing; dashboards no longer
              in the folder are deleted

The database is DATABASE_URL, or the embedded one (started for the command if Roundhouse is not running).`;

/** What the catalog files (not the database) say dashboards may refer to. */
async function catalogReferences(dir: string, root: string): Promise<DashboardReferences> {
  const catalog = await loadCatalog(dir, root);
  return {
    automations: new Map(catalog.automations.map((a) => [a.value.slug, a.value.kpis.map((kpi) => kpi.name)])),
    teams: new Set(catalog.teams.map((t) => t.value.name)),
  };
}

async function withDatabase<T>(work: (service: DashboardsService) => Promise<T>): Promise<T> {
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
  const app = await createApp(config, url, log);
  try {
    return await work(app.get(DashboardsService));
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [command] = positionals;
  const config = loadConfig({ ...process.env, ROUNDHOUSE_CONSOLE_DIR: '/nonexistent' });
  const dir = config.ROUNDHOUSE_DASHBOARDS_DIR;
  switch (command) {
    case 'validate': {
      const references = await catalogReferences(config.ROUNDHOUSE_CATALOG_DIR, config.repositoryRoot);
      const result = await DashboardsService.validate(dir, config.repositoryRoot, references);
      for (const problem of result.problems) {
        process.stderr.write(`${formatProblem(problem)}\n`);
      }
      process.stdout.write(
        result.problems.length === 0
          ? `The dashboards are valid: ${result.dashboards} dashboards in ${result.files} files.\n`
          : `The dashboards have ${result.problems.length} problem(s); apply would refuse them.\n`,
      );
      return result.problems.length === 0 ? 0 : 1;
    }
    case 'apply': {
      const summary = await withDatabase((service) => service.apply(dir, config.repositoryRoot));
      process.stdout.write(`Dashboards applied: ${JSON.stringify(summary)}.\n`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A DashboardsInvalidError's message lists every problem as file:line: field: …
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
