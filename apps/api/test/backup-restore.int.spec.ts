import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { prepareDatabase } from '../src/database/database-access.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';
import { PG_BIN } from './streaming-replica.js';
import { attempt, createToken, deadLetter, ingest } from './telemetry.js';

const run = promisify(execFile);

/** Rows in every table of Roundhouse's schemas (its own and pg-boss's), by `schema.table`. */
async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname IN ('public', 'pgboss') ORDER BY 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`);
      counts[name] = rows[0]?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The README's backup and restore, as an operator would do them: `pg_dump -Fc` of a database that
 * real ingest filled, `pg_restore` into a new database, the same rows in every table, and the api
 * starting on the restored database and carrying on from where the copy was taken.
 */
describe('backup and restore', () => {
  let db: TestDatabase;
  let api: TestApi;
  let folder: string;
  let restored: string;
  const health = async (target: TestApi, cookie: string) =>
    (await target.graphql<{ automationHealth: { throughput: number } }>('{ automationHealth(slug: "payout-reconciliation", window: "1h") { throughput } }', {}, cookie)).data
      ?.automationHealth.throughput;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
    await api.app.get(CatalogService).apply(path.join(api.config.repositoryRoot, 'catalog'), api.config.repositoryRoot);
    const owner = await api.signIn('omar');
    const token = (await createToken(api, owner, { team: 'finance-ops' })).secret;
    const events = [
      ...attempt('payout-reconciliation'),
      ...attempt('payout-reconciliation', { end: 'failed' }),
      ...attempt('payout-reconciliation', { end: 'dead_lettered' }),
      deadLetter('payout-reconciliation'),
      deadLetter('payout-reconciliation'),
    ];
    expect((await ingest(api, token, events)).body.accepted).toBe(events.length);
    folder = await mkdtemp(path.join(tmpdir(), 'roundhouse-backup-test-'));
    restored = `roundhouse_test_restored_${randomBytes(6).toString('hex')}`;
  });

  afterAll(async () => {
    await api?.close().catch(() => undefined);
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await db?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('restores every row from pg_dump -Fc, and the api starts on the copy and carries on', async () => {
    const dump = path.join(folder, 'roundhouse.dump');
    await run(path.join(PG_BIN, 'pg_dump'), ['-Fc', '-f', dump, '-d', db.adminUrl]);

    // The roles are the cluster's, not the database's: they exist already, as they would on a server
    // restored with `pg_dumpall --roles-only` first. The new database belongs to the same owner.
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${restored} OWNER ${pg.escapeIdentifier(db.roles.owner)}`);
    await admin.end();
    await run(path.join(PG_BIN, 'pg_restore'), ['--exit-on-error', '-d', withDatabase(db.adminUrl, restored), dump]);

    const before = await tableCounts(db.adminUrl);
    const after = await tableCounts(withDatabase(db.adminUrl, restored));
    expect(before['public.run']).toBe(3);
    expect(before['public.dead_letter']).toBe(2);
    expect(after).toEqual(before);

    await api.close();
    // Start-up's database steps, as in production: nothing to migrate, and the api role's privileges came back as they were.
    const applied = await prepareDatabase({
      apiUrl: withDatabase(db.url, restored),
      migrationUrl: withDatabase(db.migrationUrl, restored),
      production: true,
      log: pino({ level: 'silent' }),
    });
    expect(applied).toEqual([]);
    const copy = await startTestApi(withDatabase(db.url, restored));
    try {
      const owner = await copy.signIn('omar');
      expect(await health(copy, owner)).toBe(3);
      // It carries on: new runs are taken (sequences and constraints came back with the rows).
      const token = (await createToken(copy, owner, { team: 'finance-ops' })).secret;
      expect((await ingest(copy, token, attempt('payout-reconciliation'))).body.accepted).toBe(2);
      expect(await health(copy, owner)).toBe(4);
    } finally {
      await copy.close();
    }
  });
});
