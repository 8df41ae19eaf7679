import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { formatProblem, type DashboardReferences } from '@roundhouse/contracts';
import { CLI_ACTOR } from '../audit/audit-entry.js';
import { loadCatalog } from '../catalog/catalog-loader.js';
import { loadConfig } from '../config/app.config.js';
import { DashboardsService } from '../dashboards/dashboards.service.js';
import { withService } from './with-app.js';

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

const withDatabase = <T>(work: (service: DashboardsService) => Promise<T>): Promise<T> => withService(DashboardsService, work);

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
      const summary = await withDatabase((service) => service.apply(dir, config.repositoryRoot, CLI_ACTOR));
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
