import { DataSource, type DataSourceOptions } from 'typeorm';
import { AutomationEntity } from '../automations/automation.entity.js';
import { TeamEntity } from '../teams/team.entity.js';
import { RuntimeTokenEntity } from '../tokens/runtime-token.entity.js';
import { BudgetedClient } from './budgeted-client.js';
import { migrations } from './migrations/index.js';

export const entities = [TeamEntity, AutomationEntity, RuntimeTokenEntity];

/** The one place that says how the api talks to PostgreSQL. Schema changes are migrations, never synchronize. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // JIT compiling pays off for long analytic scans; the api asks short questions of indexes and
    // rollups, where compiling each statement cost seconds (a 10 ms trend query took 3 s).
    // Each connection holds a request's statements to the request's database budget.
    extra: { max: 10, options: '-c jit=off', Client: BudgetedClient },
  };
}

export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  // Replicas starting together on one database take turns: the first migrates, the others find it done.
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('roundhouse:migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('roundhouse:migrations'))`).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}
