#!/usr/bin/env node
// `npm run bench:sizing`: how much disk a day of runs takes, measured: attempts ingested through the
// real api, then the bytes every telemetry table (with its indexes and TOAST) grew by, per attempt,
// against the same rows COPY'd into a bare table of the same columns without an index. See
// bench/sizing/README.md.
//
//   1. builds the api (Nx, cached), generates BENCH_RUNS attempts over the last BENCH_HOURS hours;
//   2. creates database roundhouse_bench_<random>, starts the api on it, measures every table;
//   3. ingests the attempts (and checks exactly what was sent was stored), VACUUM ANALYZE, measures
//      again; COPYs the same rows into an unindexed copy of `run` and measures it;
//   4. prints bytes per attempt by table and the ratio to the bare rows, and what that makes a day at
//      several rates; stops the api and drops the database, also on failure or Ctrl-C.
//
// Not a test: it asserts no size. It exits non-zero only when it could not measure.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { buildApi, cleanupList, createDatabase, flagSetting, intSetting, root, say, SettingError } from '../common/harness.mjs';
import { startApi, stopApi } from '../common/api-process.mjs';
import { createToken, ingestPhase, verifyIngest } from '../ingest/phases.mjs';
import { encodeBatches, encodeCopyRows, generateWorkload, requestEvents, RUN_COLUMNS } from '../ingest/workload.mjs';
import { printReport } from './report.mjs';

function readSettings() {
  return {
    attempts: intSetting('BENCH_RUNS', 50_000, 1_000, 5_000_000),
    hours: intSetting('BENCH_HOURS', 24, 1, 24 * 29),
    clients: intSetting('BENCH_CLIENTS', 4, 1, 64),
    seed: intSetting('BENCH_SEED', 1, 0, 2 ** 32 - 1),
    retentionDays: intSetting('BENCH_RETENTION_DAYS', 30, 1, 3650),
    build: flagSetting('BENCH_BUILD', true),
    adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

/** Bytes of every table of `public` (heap, indexes, TOAST; a partitioned table's partitions summed under its name), and of the whole database. */
async function sizes(db) {
  const { rows } = await db.query(
    `SELECT coalesce(parent.relname, c.relname) AS name, sum(pg_total_relation_size(c.oid))::bigint AS bytes,
            sum(pg_relation_size(c.oid))::bigint AS heap, sum(pg_indexes_size(c.oid))::bigint AS indexes, sum(greatest(c.reltuples, 0))::bigint AS rows
       FROM pg_class c
       LEFT JOIN pg_inherits i ON i.inhrelid = c.oid
       LEFT JOIN pg_class parent ON parent.oid = i.inhparent
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      GROUP BY 1`,
  );
  const [database] = (await db.query('SELECT pg_database_size(current_database())::bigint AS bytes')).rows;
  return {
    tables: new Map(rows.map((row) => [row.name, { bytes: Number(row.bytes), heap: Number(row.heap), indexes: Number(row.indexes), rows: Number(row.rows) }])),
    database: Number(database.bytes),
  };
}

async function main() {
  const settings = readSettings();
  const loadAtStart = loadavg()[0];
  if (settings.build) {
    buildApi();
  }
  const { INGEST_PATH } = await import('@roundhouse/contracts');
  say(`generating ${settings.attempts.toLocaleString('en-US')} attempts over ${settings.hours} hours…`);
  const workload = generateWorkload({ attempts: settings.attempts, hours: settings.hours, seed: settings.seed });
  // Each start and end reported alone on /ingest/v1/events, as a runtime without the SDK sends them; the rows stored are the same either way.
  const batches = encodeBatches(requestEvents(workload.events, 1000, 'v1'));
  const jsonBytes = batches.reduce((sum, batch) => sum + batch.jsonBytes, 0);

  const cleanup = cleanupList();
  try {
    const database = await createDatabase(settings.adminUrl, 'roundhouse_bench');
    cleanup.add(`dropping database ${database.name}`, database.drop);
    const api = startApi({ entry: join(root, 'apps/api/dist/main.js'), cwd: root, databaseUrl: database.url });
    cleanup.add('stopping the api', () => stopApi(api));
    const baseUrl = await api.ready;
    const secret = await createToken(baseUrl, 'finance-ops');
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    cleanup.add('closing the database connection', () => db.end());
    const postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;

    await db.query('VACUUM ANALYZE');
    const before = await sizes(db);
    say(`ingesting ${workload.events.length.toLocaleString('en-US')} events in ${batches.length} requests…`);
    const ingest = await ingestPhase({ baseUrl, path: INGEST_PATH, secret, batches, clients: settings.clients });
    const verification = await verifyIngest(db, workload, workload.events.length, ingest.totals);
    if (verification.problems.length > 0) {
      throw new Error(`the ingest did not store what was sent, so its size means nothing:\n  ${verification.problems.join('\n  ')}`);
    }
    await stopApi(api);
    await db.query('VACUUM ANALYZE');
    const after = await sizes(db);

    say('copying the same rows into a bare table (no index)…');
    await db.query(`CREATE TABLE bench_bare_run AS SELECT ${RUN_COLUMNS.join(', ')} FROM run WITH NO DATA`);
    await pipeline(Readable.from(encodeCopyRows(workload.rows)), db.query(copyStreams.from(`COPY bench_bare_run (${RUN_COLUMNS.join(', ')}) FROM STDIN`)));
    await db.query('VACUUM ANALYZE bench_bare_run');
    const bare = Number((await db.query(`SELECT pg_total_relation_size('bench_bare_run')::bigint AS bytes`)).rows[0].bytes);

    printReport({ settings, workload, jsonBytes, before, after, bare, postgresVersion, loadAtStart, verified: verification.summary });
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  say(error instanceof SettingError ? error.message : `bench:sizing failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
