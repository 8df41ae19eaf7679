import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { installJobSchema } from './job-schema.js';
import { BudgetedClient } from './budgeted-client.js';
import { grantApiRole } from './database-roles.js';
import { migrations } from './migrations/index.js';

/**
 * How the api's pools connect: each connection holds a request's statements to the request's database
 * budget. No entities: repositories send SQL through `Database` (database.ts).
 */
function poolOptions(url: string, sessionSettings: string, withMigrations: boolean): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: withMigrations ? migrations : [],
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Idle connections are kept for five minutes, not pg's 10 s: a connection keeps what it planned
    // (the dashboard's KPI functions plan once per connection, migration PlanKpiStatementsOnce), and a
    // pool that closed it after every pause of a few seconds would plan them again on a new one. TCP
    // keep-alive, so that a connection a network device dropped while it was idle is noticed.
    extra: { max: 10, idleTimeoutMillis: 300_000, keepAlive: true, options: sessionSettings, Client: BudgetedClient },
  };
}

// JIT compiling pays off for long analytic scans; the api asks short questions of indexes and
// rollups, where compiling each statement cost seconds (a 10 ms trend query took 3 s).
const SESSION_SETTINGS = '-c jit=off';

/** The one place that says how the api talks to PostgreSQL. Schema changes are migrations, never synchronize. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return poolOptions(url, SESSION_SETTINGS, true);
}

/**
 * The read replica's connections (DATABASE_REPLICA_URL): the same pool and budgets, no migrations, and
 * read-only, so a write that strayed there fails instead of going to a server that may not be the primary.
 */
export function replicaDataSourceOptions(url: string): DataSourceOptions {
  return poolOptions(url, `${SESSION_SETTINGS} -c default_transaction_read_only=on`, false);
}

/** How often a replica waiting for another's migrations asks again for the lock. */
const MIGRATION_LOCK_POLL_MS = 250;

/**
 * Waits for the migration lock by asking again and again, never by a statement that blocks: a
 * blocked `pg_advisory_lock` holds a snapshot, `CREATE INDEX CONCURRENTLY` in the migration it
 * waits for waits for every older snapshot to end, and neither would ever finish.
 */
async function takeMigrationLock(lock: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await lock.query<{ taken: boolean }>(`SELECT pg_try_advisory_lock(hashtext('roundhouse:migrations')) AS taken`);
    if (rows[0]?.taken === true) {
      return;
    }
    await sleep(MIGRATION_LOCK_POLL_MS);
  }
}

/**
 * Brings the database up to this code's version, as the role in `url` (the owner of the tables):
 * every pending migration, pg-boss's schema, and — when the api runs as another role — that role's
 * privileges on every table. Returns the names of the migrations applied.
 */
export async function runMigrations(url: string, options: { apiRole?: string } = {}): Promise<string[]> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    // Replicas starting together on one database take turns: the first migrates, the others find it done.
    await takeMigrationLock(lock);
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' }).finally(() => dataSource.destroy());
    await installJobSchema(lock, options.apiRole);
    const { rows } = await lock.query<{ me: string }>('SELECT current_user AS me');
    if (options.apiRole !== undefined && options.apiRole !== rows[0]?.me) {
      await grantApiRole(lock, options.apiRole);
    }
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('roundhouse:migrations'))`).catch(() => undefined);
    await lock.end();
  }
}

/** Whether the database lacks migrations this code has (read only: nothing is created). */
export async function hasPendingMigrations(db: pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  if (rows[0]?.present !== true) {
    return migrations.length > 0;
  }
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM migrations')).rows.map((row) => row.name));
  return migrations.some((migration) => !applied.has(migration.name));
}

/**
 * The migrations the database has and this code does not, by name: a newer version of Roundhouse has
 * upgraded it (a rolling upgrade under way, or a rollback). Read only.
 */
export async function migrationsFromNewerVersions(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ present: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
  if (rows[0]?.present !== true) {
    return [];
  }
  const known = new Set(migrations.map((migration) => migration.name));
  const applied = (await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp')).rows.map((row) => row.name);
  return applied.filter((name) => !known.has(name));
}
