import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CatalogService } from '../src/catalog/catalog.service.js';
import { prepareDatabase } from '../src/database/database-access.js';
import { runMigrations } from '../src/database/data-source.js';
import { migrations } from '../src/database/migrations/index.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';
import { attempt, createToken, ingest } from './telemetry.js';

/** What a newer version's additive migration would do, as its owner, under the migration lock. */
const NEWER_MIGRATION = 'AddRunNote1899999999999';

/**
 * What the README's "Upgrades" says happens while two versions run at once during a rolling upgrade:
 * replicas starting together migrate once, the previous version keeps serving on a schema a newer
 * one has added to, and a previous version that restarts then runs on and says so.
 */
describe('upgrades', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db.url);
    await api.app.get(CatalogService).apply(path.join(api.config.repositoryRoot, 'catalog'), api.config.repositoryRoot);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('migrates once when several replicas start together', async () => {
    const fresh = await createTestDatabase({ migrate: false });
    try {
      const applied = await Promise.all([1, 2, 3].map(() => runMigrations(fresh.migrationUrl, { apiRole: fresh.roles.api })));
      // One replica applied every migration; the others waited for it and found nothing to do.
      expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, 0, migrations.length]);
      const [row] = await fresh.query<{ n: number; distinct_names: number }>('SELECT count(*)::int AS n, count(DISTINCT name)::int AS distinct_names FROM migrations');
      expect(row).toEqual({ n: migrations.length, distinct_names: migrations.length });
    } finally {
      await fresh.drop();
    }
  });

  it('keeps the previous version serving after a newer one added to the schema, and says so when it restarts', async () => {
    const owner = await api.signIn('omar');
    const token = (await createToken(api, owner, { team: 'finance-ops' })).secret;
    expect((await ingest(api, token, attempt('payout-reconciliation'))).body.accepted).toBe(2);

    // The newer version starts, and migrates (additively) while this one serves.
    const newer = new pg.Client({ connectionString: db.migrationUrl });
    await newer.connect();
    try {
      await newer.query('BEGIN');
      await newer.query(`SELECT pg_advisory_xact_lock(hashtext('roundhouse:migrations'))`);
      await newer.query(`ALTER TABLE run ADD COLUMN note text`);
      await newer.query(`INSERT INTO migrations (timestamp, name) VALUES (1899999999999, $1)`, [NEWER_MIGRATION]);
      await newer.query('COMMIT');
    } finally {
      await newer.end();
    }

    // This version carries on: ingest writes, charts read.
    expect((await ingest(api, token, attempt('payout-reconciliation'))).body.accepted).toBe(2);
    const health = await api.graphql<{ automationHealth: { throughput: number } }>('{ automationHealth(slug: "payout-reconciliation", window: "1h") { throughput } }', {}, owner);
    expect(health.data?.automationHealth.throughput).toBe(2);

    // A replica of this version restarting now applies nothing, starts, and warns.
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const applied = await prepareDatabase({ apiUrl: db.url, migrationUrl: db.migrationUrl, production: true, log: pino({ level: 'silent' }) });
      expect(applied).toEqual([]);
      const warned = stderr.mock.calls.map(([text]) => String(text)).join('');
      expect(warned).toContain(`Warning: a newer version of Roundhouse has migrated this database (${NEWER_MIGRATION}, which this version does not have). This one runs on`);
    } finally {
      stderr.mockRestore();
    }
  });
});
