import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { runMigrations } from '../src/database/data-source.js';
import { ensureRoles, randomPassword, type DatabaseRoles } from '../src/database/database-roles.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { withDatabase } from './database-url.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser: makes and drops the test databases. */
    adminDatabaseUrl: string;
    /** This run's owner and api roles: each test database is migrated as the owner, and the api runs as the api role. */
    testRoles: DatabaseRoles;
    /** A database with every migration applied (as the owner, with the api role's grants) that test databases are copied from. */
    templateDatabase: string;
  }
}

/**
 * This run's own pair of roles, as on a real deployment: an owner that migrations run as, and a
 * non-superuser api role (least privilege, so a missing grant fails a test rather than production).
 * Named for the run, so that runs sharing a server never share roles; dropped at the end.
 */
async function createTestRoles(adminUrl: string): Promise<{ roles: DatabaseRoles; drop: () => Promise<void> }> {
  const suffix = randomBytes(4).toString('hex');
  const roles = {
    owner: { name: `roundhouse_test_owner_${suffix}`, password: randomPassword() },
    api: { name: `roundhouse_test_api_${suffix}`, password: randomPassword() },
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await ensureRoles(admin, roles);
  } finally {
    await admin.end();
  }
  return {
    roles,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        // A test file that failed before dropping its database leaves it here: it is this run's, so it goes too.
        const { rows } = await dropper.query<{ name: string }>(`SELECT datname AS name FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = $1)`, [
          roles.owner.name,
        ]);
        for (const { name } of rows) {
          await dropper.query(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        }
        // With the databases went everything the roles owned or were granted.
        await dropper.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(roles.api.name)}, ${pg.escapeIdentifier(roles.owner.name)}`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/**
 * The run's migrated database: every migration and pg-boss's schema applied once by `runMigrations`,
 * as the owner role, with the api role's grants, as a deployment's start-up leaves its database. Test
 * files copy it (`CREATE DATABASE … TEMPLATE`, done by the server in a fraction of a second) instead of
 * migrating a database each. Nobody may connect to it afterwards: PostgreSQL copies a database only
 * while no session is in it. It belongs to the owner role, so the run's clean-up drops it with the
 * test databases.
 */
async function createTemplateDatabase(adminUrl: string, roles: DatabaseRoles): Promise<string> {
  const name = `roundhouse_test_template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} OWNER ${pg.escapeIdentifier(roles.owner.name)}`);
    const inTemplate = new pg.Client({ connectionString: withDatabase(adminUrl, name) });
    await inTemplate.connect();
    await inTemplate.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC').finally(() => inTemplate.end());
    await runMigrations(withDatabase(adminUrl, name, roles.owner), { apiRole: roles.api.name });
    // Closed clients' sessions end a moment after their sockets do; a copy started before would be refused.
    for (let waited = 0; waited < 5_000; waited += 25) {
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
      if (rows[0]?.n === 0) {
        break;
      }
      await setTimeout(25);
    }
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
  } finally {
    await admin.end();
  }
  return name;
}

/**
 * A real PostgreSQL for the integration tests: the server in DATABASE_URL when set (as a
 * superuser), otherwise an embedded one in a temporary folder. Each test file makes its own database
 * on it, a copy of this run's migrated template.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '') {
    const test = await createTestRoles(process.env.DATABASE_URL);
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    project.provide('testRoles', test.roles);
    project.provide('templateDatabase', await createTemplateDatabase(process.env.DATABASE_URL, test.roles).catch(dropAndThrow(test.drop)));
    return test.drop;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-test-pg-'));
  await chmod(dataDir, 0o755); // the embedded server may run as the postgres user
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: pino({ level: 'silent' }) });
  const test = await createTestRoles(database.superuserUrl);
  const teardown = async () => {
    await test.drop();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  project.provide('adminDatabaseUrl', database.superuserUrl);
  project.provide('testRoles', test.roles);
  project.provide('templateDatabase', await createTemplateDatabase(database.superuserUrl, test.roles).catch(dropAndThrow(teardown)));
  return teardown;
}

/** A global setup that fails leaves nothing behind: what it made is removed before the error goes on. */
function dropAndThrow(teardown: () => Promise<void>): (error: unknown) => Promise<never> {
  return async (error) => {
    await teardown();
    throw error;
  };
}
