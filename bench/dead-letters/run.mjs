#!/usr/bin/env node
// `npm run bench:dead-letters`: the dead-letter workbench list's last page against its first page
// over a million dead letters, through the real GraphQL API, with the same pages asked of PostgreSQL
// directly alongside. See bench/dead-letters/README.md.
//
//   1. builds the api (Nx, cached);
//   2. creates database roundhouse_bench_dl_<random>, starts the api on it as its own process (it
//      migrates and applies catalog/), COPYs BENCH_ROWS dead letters into dead_letter, fills
//      dead_letter_group as the ingest would have, writes a finished reprocess request's ledger over a
//      tenth of the older ones (ledger.mjs), VACUUM ANALYZE, CHECKPOINT;
//   3. signs in as otto; for each listing: finds with SQL the cursor of the last page, checks it is
//      the api's own, then times the first and the last page, interleaved, through POST /graphql
//      and as the api's SQL straight against PostgreSQL (with the api's session settings);
//      EXPLAIN ANALYZE of both pages; then an open request takes the newest BENCH_HELD pending dead
//      letters (the snapshot's insert) and the pending listings are measured again, held;
//   4. prints the table; stops the api and drops the database, also on failure or Ctrl-C.
//
// Not a test: only this script runs it, and it asserts no timing. It exits non-zero only when it
// could not measure (a setting is wrong, the api failed, or a page differed from the SQL's).
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { buildApi, cleanupList, createDatabase, flagSetting, intSetting, root, say, SettingError } from '../common/harness.mjs';
import copyStreams from 'pg-copy-streams';
import { backendCpu, backendCpuBetween, cpuSecondsOf, machineBusySeconds, memoryOf, startApi, stopApi } from '../common/api-process.mjs';
import { AUTOMATIONS, COPY_COLUMNS, generateDataset } from './dataset.mjs';
import { holdNewest, seedFinishedRequest } from './ledger.mjs';
import { encodeCursor, explain, graphqlClient, heldListings, listings, loadApiSql, locate, PAGE, samePage, sqlPage } from './listings.mjs';
import { printReport } from './report.mjs';

const PERSONA = 'otto';

/** The settings, from the environment (documented in README.md). */
function readSettings() {
  const list = (name, fallback) =>
    (process.env[name] ?? fallback)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  const searches = list('BENCH_SEARCH', 'timeout,adyen');
  const heldSearches = list('BENCH_HELD_SEARCH', 'adyen');
  for (const [name, values] of [
    ['BENCH_SEARCH', searches],
    ['BENCH_HELD_SEARCH', heldSearches],
  ]) {
    const wordless = values.find((s) => !/[\p{L}\p{N}]/u.test(s));
    if (wordless !== undefined) {
      throw new SettingError(`${name} has ${JSON.stringify(wordless)}: each search needs a letter or digit (the api ignores a search without words).`);
    }
  }
  return {
    rows: intSetting('BENCH_ROWS', 1_000_000, 10_000, 20_000_000),
    held: intSetting('BENCH_HELD', 20_000, 0, 10_000_000),
    repeats: intSetting('BENCH_REPEAT', 30, 3, 1000),
    warmup: intSetting('BENCH_WARMUP', 5, 0, 100),
    seed: intSetting('BENCH_SEED', 1, 0, 2 ** 32 - 1),
    searches,
    heldSearches,
    build: flagSetting('BENCH_BUILD', true),
    explainAll: flagSetting('BENCH_EXPLAIN', false),
    adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

const num = (value) => value.toLocaleString('en-US');

/** Things to undo, last added first, once: on success, on failure and on Ctrl-C. */
/** COPY of the generated dead letters (generated as they stream), the groups, VACUUM ANALYZE, CHECKPOINT. */
async function load(db, settings, now) {
  const missing = (await db.query('SELECT s FROM unnest($1::text[]) AS s WHERE NOT EXISTS (SELECT 1 FROM automation WHERE slug = s)', [Object.keys(AUTOMATIONS)])).rows.map(
    (r) => r.s,
  );
  if (missing.length > 0) {
    throw new Error(`the catalog the api applied has no automation ${missing.join(', ')}; the listing joins automation, so their dead letters would not show`);
  }
  const { errorFingerprint, normalizeErrorMessage } = await import(pathToFileURL(join(root, 'apps/api/dist/dead-letters/fingerprint.js')).href);
  const dataset = generateDataset({ rows: settings.rows, seed: settings.seed, now, fingerprintOf: errorFingerprint, normalize: normalizeErrorMessage });
  const started = performance.now();
  const stream = db.query(copyStreams.from(`COPY dead_letter (${COPY_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(dataset.chunks()), stream);
  const copySeconds = (performance.now() - started) / 1000;
  if (stream.rowCount !== settings.rows) {
    throw new Error(`COPY stored ${stream.rowCount} rows, expected ${settings.rows}`);
  }
  // The groups as the ingest maintains them: one per fingerprint, its total and first and last seen.
  const groups = [...dataset.groups.entries()];
  await db.query(
    `INSERT INTO dead_letter_group (fingerprint, automation_slug, error_class, normalized_message, sample_message, source_kind, source_queue, total, first_seen, last_seen)
     SELECT g.f, g.a, g.c, g.n, g.m, g.k, g.q, g.t, s.first_seen, s.last_seen
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[]) AS g(f, a, c, n, m, k, q, t)
       JOIN (SELECT fingerprint, min(last_failed_at) AS first_seen, max(last_failed_at) AS last_seen FROM dead_letter GROUP BY fingerprint) s ON s.fingerprint = g.f`,
    [
      groups.map(([f]) => f),
      groups.map(([, g]) => g.automation),
      groups.map(([, g]) => g.errorClass),
      groups.map(([, g]) => g.normalized),
      groups.map(([, g]) => g.sample),
      groups.map(([, g]) => g.source.kind),
      groups.map(([, g]) => g.source.queue),
      groups.map(([, g]) => g.total),
    ],
  );
  const ledgerStarted = performance.now();
  const finished = await seedFinishedRequest(db, now);
  const ledgerSeconds = (performance.now() - ledgerStarted) / 1000;
  const vacuumStarted = performance.now();
  await db.query('VACUUM (ANALYZE) dead_letter');
  await db.query('ANALYZE dead_letter_group');
  await db.query('ANALYZE reprocess_request');
  await db.query('ANALYZE reprocess_item');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  const checkpoints = await db.query('CHECKPOINT').then(
    () => true,
    () => false,
  );
  const [sizes] = (
    await db.query(
      `SELECT pg_table_size('dead_letter') AS table_bytes, pg_indexes_size('dead_letter') AS index_bytes,
              (SELECT avg(pg_column_size(body))::int FROM (SELECT body FROM dead_letter TABLESAMPLE SYSTEM (1)) p) AS payload_bytes`,
    )
  ).rows;
  const indexes = (
    await db.query(`SELECT indexrelname AS name, pg_relation_size(indexrelid) AS bytes FROM pg_stat_user_indexes WHERE relname = 'dead_letter' ORDER BY indexrelname`)
  ).rows;
  // Stored statuses after the finished request (resolved where its runs succeeded).
  const stored = Object.fromEntries((await db.query('SELECT status, count(*)::int AS n FROM dead_letter GROUP BY status')).rows.map((r) => [r.status, r.n]));
  return {
    copySeconds,
    ledgerSeconds,
    finished,
    vacuumSeconds,
    checkpoints,
    groups: groups.length,
    counts: { ...dataset.counts, status: stored },
    incidents: dataset.incidents,
    sizes,
    indexes,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One listing: its last-page cursor (checked to be the api's), then first and last page, interleaved, both ways. */
async function measureListing({ db, client, listing, settings }) {
  const { filter } = listing;
  const located = await locate(db, filter);
  if (located.count < 2 * PAGE + 1) {
    throw new SettingError(`listing ${listing.name} has only ${located.count} dead letters; it needs more than ${2 * PAGE} (raise BENCH_ROWS or change BENCH_SEARCH).`);
  }
  const lastAfter = { lastFailedAt: located.lastPageAfter.last_failed_at, id: located.lastPageAfter.id };
  const cursor = encodeCursor(lastAfter.lastFailedAt, lastAfter.id);
  const problems = [];

  // The cursor is the api's own: the page before the last one ends on it.
  const before = { lastFailedAt: located.pageBeforeAfter.last_failed_at, id: located.pageBeforeAfter.id };
  const beforeApi = await client.page(filter, encodeCursor(before.lastFailedAt, before.id));
  if (beforeApi.connection.pageInfo.endCursor !== cursor) {
    problems.push(`the api's endCursor of the page before the last is ${beforeApi.connection.pageInfo.endCursor}, the built cursor ${cursor}`);
  }
  problems.push(...samePage('page before the last', beforeApi.connection, (await sqlPage(db, filter, before)).rows));

  const pages = { first: undefined, last: cursor };
  const positions = { first: undefined, last: lastAfter };
  const samples = { api: { first: [], last: [] }, sql: { first: [], last: [] } };
  const bytes = { first: 0, last: 0 };
  for (let i = 0; i < settings.warmup + settings.repeats; i += 1) {
    const order = i % 2 === 0 ? ['first', 'last'] : ['last', 'first'];
    const timed = i >= settings.warmup;
    for (const page of order) {
      const api = await client.page(filter, pages[page]);
      if (i === 0) {
        const sql = await sqlPage(db, filter, positions[page]);
        problems.push(...samePage(`${page} page`, api.connection, sql.rows));
        bytes[page] = api.bytes;
      } else if (api.connection.edges.length !== PAGE) {
        problems.push(`${page} page: ${api.connection.edges.length} edges on request ${i + 1}`);
      }
      if (timed) {
        samples.api[page].push(api.ms);
      }
    }
    for (const page of order) {
      const sql = await sqlPage(db, filter, positions[page]);
      if (timed) {
        samples.sql[page].push(sql.ms);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`listing ${listing.name}: the api's pages are not the listing's, so their times mean nothing:\n  ${problems.join('\n  ')}`);
  }
  const plans = { first: await explain(db, filter, undefined), last: await explain(db, filter, lastAfter) };
  const ratio = median(samples.api.last) / median(samples.api.first);
  const sqlRatio = median(samples.sql.last) / median(samples.sql.first);
  return { ...listing, count: located.count, cursor, lastAfter, samples, bytes, plans, ratio, sqlRatio };
}

async function main() {
  const settings = readSettings();
  const loadAtStart = loadavg()[0];
  if (settings.build) {
    buildApi();
  }
  await loadApiSql(root);

  const cleanup = cleanupList();
  try {
    const database = await createDatabase(settings.adminUrl, 'roundhouse_bench_dl');
    cleanup.add(`dropping database ${database.name}`, database.drop);
    say(`database ${database.name} created; starting the api…`);
    // The api's environment is process.env plus what startApi sets (jobs off, dev sign-in, catalog
    // applied, LOG_LEVEL=warn, no console); collectors off as well, so nothing but this benchmark uses it.
    process.env.ROUNDHOUSE_COLLECTORS = 'false';
    const api = startApi({ entry: join(root, 'apps/api/dist/main.js'), cwd: root, databaseUrl: database.url });
    cleanup.add('stopping the api', () => stopApi(api));
    const baseUrl = await api.ready;
    const atStart = memoryOf(api.pid);

    // The api's session settings (e.g. jit=off), so the baseline, locate() and EXPLAIN run as the api's statements do.
    const { dataSourceOptions } = await import(pathToFileURL(join(root, 'apps/api/dist/database/data-source.js')).href);
    const sessionOptions = dataSourceOptions(database.url).extra?.options;
    const db = new pg.Client({ connectionString: database.url, options: sessionOptions });
    await db.connect();
    cleanup.add('closing the database connection', () => db.end());
    const postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;
    const now = Math.floor(Date.now() / 1000) * 1000;
    say(`generating and COPYing ${num(settings.rows)} dead letters (30 days up to now), then VACUUM ANALYZE…`);
    const loaded = await load(db, settings, now);
    await db.query(`SET statement_timeout = '120s'`);

    const client = await graphqlClient(baseUrl, PERSONA);
    cleanup.add('closing the http client', async () => client.close());
    const cpu = { wall: 0, api: 0, postgres: 0, bench: 0, machine: 0 };
    const add = (key, value) => {
      cpu[key] = cpu[key] === undefined || value === undefined ? undefined : cpu[key] + value;
    };
    const results = [];
    // The listings' CPU and wall time are summed over the requests only (not the open request's snapshot).
    const measure = async (all) => {
      const apiBefore = cpuSecondsOf(api.pid);
      const backendsBefore = await backendCpu(db, database.name);
      const benchBefore = process.cpuUsage();
      const machineBefore = machineBusySeconds();
      const started = performance.now();
      for (const listing of all) {
        say(`${listing.name}: ${settings.warmup} warm-up + ${settings.repeats} timed requests of the first and the last page, each way…`);
        const result = await measureListing({ db, client, listing, settings }).catch(async (error) => {
          await Promise.race([api.exitedPromise, sleep(1000)]);
          throw api.exited ? new Error(`${error.message}\nThe api exited; its last lines:\n${api.tail.join('\n')}`) : error;
        });
        results.push(result);
      }
      add('wall', (performance.now() - started) / 1000);
      const bench = process.cpuUsage(benchBefore);
      const machineAfter = machineBusySeconds();
      add('api', apiBefore === undefined ? undefined : cpuSecondsOf(api.pid) - apiBefore);
      add('postgres', backendCpuBetween(backendsBefore, await backendCpu(db, database.name)));
      add('bench', (bench.user + bench.system) / 1e6);
      add('machine', machineBefore === undefined || machineAfter === undefined ? undefined : machineAfter - machineBefore);
    };
    await measure(listings(settings.searches));
    let held;
    if (settings.held > 0) {
      say(`an open request takes the newest ${num(settings.held)} pending dead letters (the snapshot's insert), then the pending listings again…`);
      const heldStarted = performance.now();
      held = await holdNewest(db, settings.held, now);
      held.seconds = (performance.now() - heldStarted) / 1000;
      await measure(heldListings(settings.heldSearches, held.total));
      // The held dead letters read reprocessing: the pending listing lost exactly them.
      const pending = (heldCount) => results.find((r) => r.filter.status === 'pending' && r.filter.search === undefined && r.held === heldCount);
      const [free, taken] = [pending(undefined), pending(held.total)];
      if (free.count - taken.count !== held.total) {
        throw new Error(`the pending listing has ${free.count} dead letters, ${taken.count} while ${held.total} are held: the held ones do not read reprocessing`);
      }
    }
    const memory = atStart === undefined ? undefined : { atStart: atStart.current, peak: memoryOf(api.pid).peak };
    const apiProblems = api.problems;
    await stopApi(api);

    printReport({ settings, loaded, held, sessionOptions, results, cpu, memory, apiProblems, postgresVersion, loadAtStart, loadAtEnd: loadavg()[0], persona: PERSONA });
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  say(error instanceof SettingError ? error.message : `bench:dead-letters failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
