import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, useTestApi } from '../../test/harness.js';
import { attempt, createToken, ingest } from '../../test/telemetry.js';
import { undoMigrationsThrough } from '../../test/undo-migrations.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { PartitionRunsByDay1795970000000 } from '../database/migrations/1795970000000-PartitionRunsByDay.js';
import { PartitionIngestEventsByDay1796050000000 } from '../database/migrations/1796050000000-PartitionIngestEventsByDay.js';
import { migrations } from '../database/migrations/index.js';
import { RunPartitionsService } from './run-partitions.service.js';
import { RunRetentionJob } from './run-retention.job.js';

const DAY_MS = 86_400_000;
const SLUG = 'payout-reconciliation';

const utcDay = (at: Date): string => at.toISOString().slice(0, 10);
const partitionOf = (table: string, at: Date): string => `${table}_p${utcDay(at).replaceAll('-', '')}`;

/** A step of a business transaction, as a runtime reports it. */
function step(correlationId: string, startedAt: Date): Record<string, unknown> {
  return {
    id: randomUUID(),
    type: 'step',
    automation: SLUG,
    occurredAt: new Date(startedAt.getTime() + 50).toISOString(),
    correlationId,
    stepId: randomUUID(),
    name: 'match bank lines',
    startedAt: startedAt.toISOString(),
    durationMs: 50,
    outcome: 'succeeded',
  };
}

/** A heartbeat: an event kept by its idempotency key (`ingest_event`), not by a run's key. */
function heartbeat(occurredAt: Date): Record<string, unknown> {
  return { id: randomUUID(), type: 'heartbeat', automation: SLUG, occurredAt: occurredAt.toISOString(), instance: 'worker-1' };
}

describe(RunPartitionsService.name, () => {
  const t = useTestApi();
  let token: string;
  let owner: string;
  const now = Date.now();
  const daysAgo = (days: number) => new Date(now - days * DAY_MS);

  const rollupTotals = async () =>
    (
      await t.db.query<{ succeeded: number; failed: number; retried: number }>(
        `SELECT coalesce(sum(succeeded), 0)::int AS succeeded, coalesce(sum(failed), 0)::int AS failed, coalesce(sum(retried), 0)::int AS retried
           FROM run_rollup_minute WHERE automation_slug = $1`,
        [SLUG],
      )
    )[0];
  const days = async (table: string) =>
    (
      await t.db.query<{ name: string }>(
        `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = $1::regclass AND inhrelid <> ($1 || '_default')::regclass ORDER BY 1`,
        [table],
      )
    ).map((row) => row.name);
  const partitionsOfRuns = async (runIds: string[]) =>
    Object.fromEntries(
      (await t.db.query<{ run_id: string; partition: string }>(`SELECT run_id, tableoid::regclass::text AS partition FROM run WHERE run_id = ANY($1)`, [runIds])).map((row) => [
        row.run_id,
        row.partition,
      ]),
    );

  const partitionsOfKeys = async (ids: unknown[]) =>
    Object.fromEntries(
      (await t.db.query<{ id: string; partition: string }>(`SELECT id, tableoid::regclass::text AS partition FROM ingest_event WHERE id = ANY($1)`, [ids])).map((row) => [
        row.id,
        row.partition,
      ]),
    );

  const scraped = async () => (await fetch(`${t.api.url}/metrics`)).text();

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    owner = await t.api.signIn('omar');
    token = (await createToken(t.api, owner, { team: 'finance-ops' })).secret;
  });

  afterEach(async () => {
    await t.db.query(`DROP TRIGGER IF EXISTS refuse_row_deletes ON run`);
    await t.db.query(`DROP TRIGGER IF EXISTS refuse_row_deletes ON run_step`);
    await t.db.query(`DROP TRIGGER IF EXISTS refuse_row_deletes ON ingest_event`);
  });

  it('keeps ingested runs, steps and idempotency keys in their day, with days made from the retention back to a week ahead, and nothing in the default partitions', async () => {
    const runs = [
      { runId: randomUUID(), startedAt: daysAgo(29) },
      { runId: randomUUID(), startedAt: daysAgo(3) },
      { runId: randomUUID(), startedAt: new Date(now) },
    ];
    const alive = heartbeat(daysAgo(3));
    const result = await ingest(t.api, token, [...runs.flatMap((run) => attempt(SLUG, run)), step('po-4711', daysAgo(3)), alive]);
    expect(result.body).toMatchObject({ accepted: 8, quarantined: 0 });
    expect(await partitionsOfKeys([alive.id])).toEqual({ [alive.id as string]: partitionOf('ingest_event', daysAgo(3)) });
    // Sent again (its occurredAt written in another zone, the same instant), it is still a duplicate.
    const resent = { ...alive, occurredAt: daysAgo(3).toISOString().replace('Z', '+00:00') };
    expect((await ingest(t.api, token, [resent])).body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM ingest_event_default`)).toEqual([{ n: 0 }]);
    expect(await scraped()).toContain('roundhouse_partition_default_rows{table="ingest_event"} 0');

    expect(await partitionsOfRuns(runs.map((run) => run.runId))).toEqual(Object.fromEntries(runs.map((run) => [run.runId, partitionOf('run', run.startedAt)])));
    expect(await t.db.query(`SELECT tableoid::regclass::text AS partition FROM run_step WHERE correlation_id = 'po-4711'`)).toEqual([
      { partition: partitionOf('run_step', daysAgo(3)) },
    ]);
    expect(await t.db.query(`SELECT (SELECT count(*) FROM run_default)::int AS runs, (SELECT count(*) FROM run_step_default)::int AS steps`)).toEqual([{ runs: 0, steps: 0 }]);
    const metrics = await scraped();
    expect(metrics).toContain('roundhouse_partition_default_rows{table="run_step"} 0');
    expect(metrics).toMatch(/roundhouse_partition_days_ahead\{table="run"\} 7\b/);
    for (const table of ['run', 'run_step', 'ingest_event']) {
      const made = await days(table);
      for (let day = 30; day >= -7; day -= 1) {
        expect(made).toContain(partitionOf(table, daysAgo(day)));
      }
    }
  });

  it('drops the days past the retention whole: no row is deleted one by one, the days kept and the rollups stay', async () => {
    const old: string[] = [randomUUID(), randomUUID()];
    const kept: string[] = [randomUUID(), randomUUID()];
    const events = [
      ...attempt(SLUG, { runId: old[0], startedAt: daysAgo(29.2) }),
      ...attempt(SLUG, { runId: old[1], startedAt: daysAgo(29.2), end: 'failed' }),
      ...attempt(SLUG, { runId: kept[0], startedAt: daysAgo(1) }),
      ...attempt(SLUG, { runId: kept[1], startedAt: new Date(now), end: 'retrying' }),
      step('po-old', daysAgo(29.2)),
      step('po-kept', daysAgo(1)),
      heartbeat(daysAgo(29.2)),
      heartbeat(daysAgo(1)),
    ];
    expect((await ingest(t.api, token, events)).body).toMatchObject({ accepted: 12, quarantined: 0 });
    const [oldKey, keptKey] = events.slice(-2).map((event) => event.id);
    const rollups = await rollupTotals();

    // Two days on, the day of the old runs ended more than 30 days ago.
    const later = new Date(now + 2 * DAY_MS);
    const cutoffDay = Date.parse(`${utcDay(new Date(later.getTime() - 30 * DAY_MS))}T00:00:00Z`);
    const [expected] = await t.db.query<{ runs: number }>(`SELECT count(*)::int AS runs FROM run WHERE started_at < $1`, [new Date(cutoffDay)]);
    expect(expected?.runs).toBeGreaterThanOrEqual(2);
    // Any row deleted from a run or step partition, by whatever statement, fails the retention.
    await t.db.query(
      `CREATE OR REPLACE FUNCTION refuse_row_deletes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'a row of % was deleted', TG_TABLE_NAME; END $$`,
    );
    await t.db.query(`CREATE TRIGGER refuse_row_deletes BEFORE DELETE ON run FOR EACH ROW EXECUTE FUNCTION refuse_row_deletes()`);
    await t.db.query(`CREATE TRIGGER refuse_row_deletes BEFORE DELETE ON run_step FOR EACH ROW EXECUTE FUNCTION refuse_row_deletes()`);
    await t.db.query(`CREATE TRIGGER refuse_row_deletes BEFORE DELETE ON ingest_event FOR EACH ROW EXECUTE FUNCTION refuse_row_deletes()`);

    expect(await t.api.app.get(RunRetentionJob).run(later)).toBe(expected?.runs);

    expect(await t.db.query(`SELECT to_regclass($1) AS runs, to_regclass($2) AS steps`, [partitionOf('run', daysAgo(29.2)), partitionOf('run_step', daysAgo(29.2))])).toEqual([
      { runs: null, steps: null },
    ]);
    expect((await days('run'))[0]).toBe(partitionOf('run', new Date(cutoffDay)));
    expect(await t.db.query(`SELECT to_regclass($1) AS keys`, [partitionOf('ingest_event', daysAgo(29.2))])).toEqual([{ keys: null }]);
    expect((await days('ingest_event'))[0]).toBe(partitionOf('ingest_event', new Date(cutoffDay)));
    expect(await partitionsOfKeys([oldKey, keptKey])).toEqual({ [keptKey as string]: partitionOf('ingest_event', daysAgo(1)) });
    expect(Object.keys(await partitionsOfRuns([...old, ...kept])).sort()).toEqual([...kept].sort());
    expect(await t.db.query(`SELECT correlation_id FROM run_step WHERE correlation_id IN ('po-old', 'po-kept')`)).toEqual([{ correlation_id: 'po-kept' }]);
    expect(await rollupTotals()).toEqual(rollups);

    // What the console lists: the kept runs, none of the dropped day's.
    const listed = await t.api.graphql<{ runs: { edges: { node: { runId: string } }[] } }>(
      `{ runs(first: 50, filter: { automation: "${SLUG}" }) { edges { node { runId } } } }`,
      {},
      owner,
    );
    const listedIds = listed.data?.runs.edges.map((edge) => edge.node.runId) ?? [];
    expect(listedIds).toEqual(expect.arrayContaining(kept));
    expect(listedIds.filter((id) => old.includes(id))).toEqual([]);
  });

  it('moves a run that reached the default partition (no day made for it) into its day once the day is made', async () => {
    const ahead = new Date(now + 10 * DAY_MS);
    await t.db.query(`INSERT INTO run (automation_slug, run_id, attempt, started_at, status) VALUES ($1, 'far-ahead', 1, $2, 'running')`, [SLUG, ahead]);
    expect(await partitionsOfRuns(['far-ahead'])).toEqual({ 'far-ahead': 'run_default' });
    expect(await scraped()).toContain('roundhouse_partition_default_rows{table="run"} 1');

    const made = await t.api.app.get(RunPartitionsService).ensure(new Date(now + 5 * DAY_MS));
    expect(made.moved).toBe(1);
    expect(await partitionsOfRuns(['far-ahead'])).toEqual({ 'far-ahead': partitionOf('run', ahead) });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM run_default`)).toEqual([{ n: 0 }]);
    expect(await days('run')).toContain(partitionOf('run', new Date(now + 12 * DAY_MS)));
    const metrics = await scraped();
    expect(metrics).toContain('roundhouse_partition_default_rows{table="run"} 0');
    expect(metrics).toMatch(/roundhouse_partition_days_ahead\{table="run"\} 12\b/);
  });

  it('makes each day once when several makers (replicas starting, the hourly job) run at the same moment, on their own connections', async () => {
    const partitions = t.api.app.get(RunPartitionsService);
    const farther = new Date(now + 20 * DAY_MS);
    const results = await Promise.allSettled([partitions.ensure(farther), partitions.ensure(farther), partitions.ensure(farther)]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    const made = await days('run');
    expect(made).toContain(partitionOf('run', new Date(now + 27 * DAY_MS)));
    expect(new Set(made).size).toBe(made.length);
  });
});

describe(PartitionRunsByDay1795970000000.name, () => {
  it("moves an existing database's runs and steps out of the default partition into their days, and back on down", async () => {
    const db = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
    try {
      await dataSource.initialize();
      await undoMigrationsThrough(dataSource, PartitionRunsByDay1795970000000);
      await db.query(
        `INSERT INTO run (automation_slug, run_id, attempt, started_at, status, duration_ms)
         SELECT 'invoice-generation', 'run-' || i, 1, now() - i * interval '1 day', 'succeeded', i FROM generate_series(0, 40) AS i`,
      );
      await db.query(
        `INSERT INTO run_step (automation_slug, correlation_id, step_id, name, started_at, finished_at, duration_ms, outcome)
         SELECT 'invoice-generation', 'inv-' || i, 'step-' || i, 'render', now() - i * interval '1 day', now() - i * interval '1 day', 5, 'succeeded' FROM generate_series(0, 40) AS i`,
      );
      const before = await db.query(`SELECT run_id, started_at, duration_ms FROM run ORDER BY run_id`);
      const outOfTheirDay = (table: string) =>
        `SELECT count(*)::int AS n FROM ${table} WHERE tableoid::regclass::text <> '${table}_p' || to_char(started_at AT TIME ZONE 'UTC', 'YYYYMMDD')`;

      await runMigrations(db.migrationUrl, { apiRole: db.roles.api });
      expect(await db.query(`SELECT (SELECT count(*) FROM run_default)::int AS runs, (SELECT count(*) FROM run_step_default)::int AS steps`)).toEqual([{ runs: 0, steps: 0 }]);
      expect(await db.query(outOfTheirDay('run'))).toEqual([{ n: 0 }]);
      expect(await db.query(outOfTheirDay('run_step'))).toEqual([{ n: 0 }]);
      expect(await db.query(`SELECT run_id, started_at, duration_ms FROM run ORDER BY run_id`)).toEqual(before);
      expect(await db.query(`SELECT count(*)::int AS n FROM run_step`)).toEqual([{ n: 41 }]);

      await undoMigrationsThrough(dataSource, PartitionRunsByDay1795970000000);
      expect(await db.query(`SELECT count(*)::int AS n FROM pg_inherits WHERE inhparent = 'run'::regclass`)).toEqual([{ n: 1 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM run_default`)).toEqual([{ n: 41 }]);
      expect(await db.query(`SELECT relkind FROM pg_class WHERE oid = 'run_step'::regclass`)).toEqual([{ relkind: 'r' }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM run_step`)).toEqual([{ n: 41 }]);

      const fromPartitions = migrations.slice(migrations.indexOf(PartitionRunsByDay1795970000000)).map((migration) => migration.name);
      expect(await runMigrations(db.migrationUrl, { apiRole: db.roles.api })).toEqual(fromPartitions);
      expect(await db.query(`SELECT run_id, started_at, duration_ms FROM run ORDER BY run_id`)).toEqual(before);
    } finally {
      await dataSource.destroy().catch(() => undefined);
      await db.drop();
    }
  });
});

describe(PartitionIngestEventsByDay1796050000000.name, () => {
  it("moves an existing database's idempotency keys into the days they were received, still refusing a seen id, and back on down", async () => {
    const db = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
    try {
      await dataSource.initialize();
      await undoMigrationsThrough(dataSource, PartitionIngestEventsByDay1796050000000);
      await db.query(`INSERT INTO ingest_event (id, received_at) SELECT 'evt-' || i, now() - i * interval '1 day' FROM generate_series(0, 40) AS i`);
      const before = await db.query(`SELECT id, received_at FROM ingest_event ORDER BY id`);

      await runMigrations(db.migrationUrl, { apiRole: db.roles.api });
      expect(await db.query(`SELECT count(*)::int AS n FROM ingest_event_default`)).toEqual([{ n: 0 }]);
      expect(
        await db.query(`SELECT count(*)::int AS n FROM ingest_event WHERE tableoid::regclass::text <> 'ingest_event_p' || to_char(occurred_at AT TIME ZONE 'UTC', 'YYYYMMDD')`),
      ).toEqual([{ n: 0 }]);
      expect(await db.query(`SELECT id, received_at FROM ingest_event ORDER BY id`)).toEqual(before);
      expect(await db.query(`SELECT count(*)::int AS n FROM ingest_event WHERE occurred_at <> received_at`)).toEqual([{ n: 0 }]);
      const claimAgain = `INSERT INTO ingest_event (id, occurred_at) SELECT id, occurred_at FROM ingest_event WHERE id = 'evt-3' ON CONFLICT (id, occurred_at) DO NOTHING RETURNING id`;
      expect(await db.query(claimAgain)).toEqual([]);

      await undoMigrationsThrough(dataSource, PartitionIngestEventsByDay1796050000000);
      expect(await db.query(`SELECT relkind FROM pg_class WHERE oid = 'ingest_event'::regclass`)).toEqual([{ relkind: 'r' }]);
      expect(await db.query(`SELECT id, received_at FROM ingest_event ORDER BY id`)).toEqual(before);
      await expect(db.query(`SELECT create_day_partition('ingest_event'::regclass, current_date)`)).rejects.toThrow(/not kept by day/);

      const fromHere = migrations.slice(migrations.indexOf(PartitionIngestEventsByDay1796050000000)).map((migration) => migration.name);
      expect(await runMigrations(db.migrationUrl, { apiRole: db.roles.api })).toEqual(fromHere);
      expect(await db.query(`SELECT id, received_at FROM ingest_event ORDER BY id`)).toEqual(before);
    } finally {
      await dataSource.destroy().catch(() => undefined);
      await db.drop();
    }
  });
});
