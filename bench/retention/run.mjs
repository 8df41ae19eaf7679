#!/usr/bin/env node
// `npm run bench:retention`: the daily run retention as Roundhouse runs it (dropping the day
// partitions past the retention, RunPartitionsService.retire) against the row-by-row DELETE it
// replaced, on the same runs, same run. See bench/retention/README.md.
//
//   1. builds the api (Nx, cached);
//   2. creates two databases, roundhouse_bench_ret_<random>: both get every migration; the baseline
//      one is taken back to before PartitionRunsByDay (every run in run_default, as before);
//   3. writes the same BENCH_RETENTION_RUNS runs into both, spread evenly over the 32 days up to now
//      (generate_series: the same rows in each), then VACUUM ANALYZE and CHECKPOINT;
//   4. times, in each, the retention of a day two days on (the runs older than 30 days from then):
//      Roundhouse's RunPartitionsService.retire from apps/api/dist, and the baseline's
//      `DELETE FROM run WHERE started_at < $1`, then the VACUUM that the DELETE leaves to do;
//      checks that both removed the same number of runs and kept the same ones;
//   5. prints the report; drops both databases, also on failure or Ctrl-C.
//
// Not a test: only this script runs it, and it asserts no timing. It exits non-zero only when it
// could not measure, or the two ways disagree about what they removed.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildApi, cleanupList, createDatabase, intSetting, root, say, SettingError } from '../common/harness.mjs';

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 30;
const SPAN_DAYS = 32;

const load = (path) => import(pathToFileURL(join(root, 'apps/api/dist', path)).href);
const num = (value, digits = 0) => value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function seed(url, runs, now) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO run (automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, counted)
       SELECT 'invoice-generation', 'run-' || i, 1, ts, 'inv-' || (i % 50000), CASE WHEN i % 20 = 0 THEN 'failed' ELSE 'succeeded' END,
              ts + interval '1200 milliseconds', 1200, CASE WHEN i % 20 = 0 THEN 'RateLimitError' END, CASE WHEN i % 20 = 0 THEN 'NetSuite answered 429' END, true
         FROM generate_series(1, $1::int) AS i, LATERAL (SELECT $2::timestamptz - (i::double precision / $1) * ($3 * interval '1 day') AS ts) AS t`,
      [runs, new Date(now), SPAN_DAYS],
    );
    await db.query('VACUUM ANALYZE run');
    await db.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await db.end();
  }
}

async function count(url, sql, params = []) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows[0];
  } finally {
    await db.end();
  }
}

async function main() {
  const runs = intSetting('BENCH_RETENTION_RUNS', 3_200_000, 32_000, 100_000_000);
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  buildApi();
  const { dataSourceOptions, runMigrations } = await load('database/data-source.js');
  const { Database } = await load('database/database.js');
  const { ReadReplica } = await load('database/read-replica.js');
  const { RunPartitionsRepository } = await load('runs/run-partitions.repository.js');
  const { RunPartitionsService } = await load('runs/run-partitions.service.js');
  const cleanup = cleanupList();
  try {
    const now = Date.now();
    const later = new Date(now + 2 * DAY_MS);
    const before = new Date(later.getTime() - RETENTION_DAYS * DAY_MS);
    const partitioned = await createDatabase(adminUrl, 'roundhouse_bench_ret');
    cleanup.add('drop the partitioned database', partitioned.drop);
    const baseline = await createDatabase(adminUrl, 'roundhouse_bench_ret');
    cleanup.add('drop the baseline database', baseline.drop);
    for (const url of [partitioned.url, baseline.url]) {
      await runMigrations(url);
    }
    const undo = new DataSource(dataSourceOptions(baseline.url));
    await undo.initialize();
    await undo.undoLastMigration();
    await undo.destroy();

    // Roundhouse: the retention's own service, as the daily job calls it; its days made back to the oldest run first.
    const dataSource = new DataSource(dataSourceOptions(partitioned.url));
    await dataSource.initialize();
    cleanup.add('close the partitioned database', () => dataSource.destroy());
    const log = { info: () => undefined, warn: (fields, message) => say(`warn: ${message} ${JSON.stringify(fields)}`) };
    const service = new RunPartitionsService(
      { ROUNDHOUSE_RUN_RETENTION_DAYS: RETENTION_DAYS },
      new RunPartitionsRepository(new Database(dataSource, new ReadReplica(dataSource, {}))),
      log,
    );
    await service.ensure(new Date(now - (SPAN_DAYS - RETENTION_DAYS + 1) * DAY_MS));

    say(`writing ${num(runs)} runs over the ${SPAN_DAYS} days up to now into each database…`);
    await seed(partitioned.url, runs, now);
    await seed(baseline.url, runs, now);
    if ((await count(partitioned.url, `SELECT count(*)::int AS n FROM run_default`)).n !== 0) {
      throw new Error('runs reached the default partition: the days were not all made');
    }
    const loadAtStart = loadavg()[0];

    const dropStarted = performance.now();
    const retired = await service.retire(before);
    const dropMs = performance.now() - dropStarted;

    // Baseline: what the retention did before, then the VACUUM its dead rows need.
    const db = new pg.Client({ connectionString: baseline.url });
    await db.connect();
    cleanup.add('close the baseline database', () => db.end());
    const deleteStarted = performance.now();
    const deleted = (await db.query(`WITH gone AS (DELETE FROM run WHERE started_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [before])).rows[0].n;
    const deleteMs = performance.now() - deleteStarted;
    const vacuumStarted = performance.now();
    await db.query('VACUUM run');
    const vacuumMs = performance.now() - vacuumStarted;

    const keptSql = `SELECT count(*)::int AS n, min(started_at) AS oldest FROM run`;
    const kept = { partitioned: await count(partitioned.url, keptSql), baseline: await count(baseline.url, keptSql) };
    // The partitions keep the rest of the oldest day: the rows between its midnight and `before`.
    const dayStart = new Date(`${before.toISOString().slice(0, 10)}T00:00:00Z`);
    const straddling = (await count(partitioned.url, `SELECT count(*)::int AS n FROM run WHERE started_at < $1`, [before])).n;
    if (retired.runs + straddling !== deleted || kept.partitioned.n - straddling !== kept.baseline.n) {
      throw new Error(`the two retentions disagree: dropped ${retired.runs} (+${straddling} kept until their day ends) vs deleted ${deleted}`);
    }
    const cpu = cpus();
    const lines = [
      `retention of runs older than ${RETENTION_DAYS} days, two days on, over ${num(runs)} runs spread over ${SPAN_DAYS} days`,
      `  machine  : ${cpu.length} CPUs (${cpu[0]?.model.trim() ?? 'unknown'}), Node ${process.version}; load average ${num(loadAtStart, 2)} at start, ${num(loadavg()[0], 2)} at end`,
      `  removed  : ${num(retired.runs)} runs in ${retired.dropped.filter((d) => d.startsWith('run:')).length} day partitions (dropped) vs ${num(deleted)} rows (deleted);`,
      `             the partitions keep ${num(straddling)} runs of ${dayStart.toISOString().slice(0, 10)} until that day is past the retention`,
      `  Roundhouse (drop day partitions)      ${num(dropMs, 1)} ms`,
      `  baseline DELETE                       ${num(deleteMs, 1)} ms   (${num(deleteMs / dropMs, 1)}× the drop)`,
      `  baseline DELETE + the VACUUM it needs ${num(deleteMs + vacuumMs, 1)} ms   (${num((deleteMs + vacuumMs) / dropMs, 1)}× the drop)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  say(error instanceof SettingError ? error.message : (error.stack ?? String(error)));
  process.exit(1);
});
