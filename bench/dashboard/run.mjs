#!/usr/bin/env node
// `npm run bench:dashboard`: an automation's 30-day dashboard over 10 million runs, answered from the
// per-minute rollups against the same question asked of the raw run rows, same run; then the
// GraphQL round trip of the KPI queries against the SQL the api runs for the same answer. See
// bench/dashboard/README.md.
//
//   1. builds the api (Nx, cached);
//   2. creates database roundhouse_bench_dash_<random>, starts the api on it as its own process (it
//      migrates and applies catalog/), COPYs BENCH_DASHBOARD_RUNS runs of invoice-generation over the
//      30 days up to now into `run` (generated as they stream), its measurement KPIs into
//      kpi_measurement, builds run_rollup_minute from the rows with SQL (the api's duration buckets)
//      and checks it against what the generator counted, VACUUM ANALYZE, CHECKPOINT;
//   3. answers the dashboard's question from raw rows and from rollups, checks that they agree, then
//      times them, interleaved, BENCH_WARMUP + BENCH_REPEAT times;
//   4. when the api serves automationKpis, signs in and times automationKpis and kpiTrend (daily)
//      through POST /graphql against the api's SQL straight against PostgreSQL, after checking that
//      the answers are the same;
//   5. prints the report; stops the api and drops the database, also on failure or Ctrl-C.
//
// Not a test: only this script runs it, and it asserts no timing. It exits non-zero only when it
// could not measure (a wrong setting, the api failed, or two answers that should agree did not).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { backendCpu, backendCpuBetween, cpuSecondsOf, memoryOf, startApi, stopApi } from '../common/api-process.mjs';
import { monotonicUs, profileLines, readProfile, summarizeProfile } from '../common/cpu-profile.mjs';
import { buildApi, cleanupList, createDatabase, flagSetting, intSetting, root, say, SettingError } from '../common/harness.mjs';
import { COPY_COLUMNS, generateMeasurements, generateRuns } from './dataset.mjs';
import { checkAutomationKpis, checkKpiTrend, directKpis, graphqlClient, QUERIES } from './graphql.mjs';
import {
  apiAnswer,
  bucketThresholds,
  buildRollups,
  checkRollups,
  compareAnswers,
  compareApiAnswer,
  hourlyRollups,
  questionParams,
  rawAnswer,
  rollupAnswer,
  SQL,
} from './questions.mjs';
import { addHistory, buildWindow, compareSizes, printHistory } from './history.mjs';
import { printReport } from './report.mjs';

const SLUG = 'invoice-generation';
const TREND_KPI = 'close-to-invoice-time';
const DAYS = 30;
const PERSONA = 'vera';
const MINUTE = 60_000;

function readSettings() {
  return {
    runs: intSetting('BENCH_DASHBOARD_RUNS', 10_000_000, 10_000, 50_000_000),
    repeats: intSetting('BENCH_REPEAT', 5, 1, 100),
    warmup: intSetting('BENCH_WARMUP', 1, 0, 20),
    graphqlRepeats: intSetting('BENCH_GRAPHQL_REPEAT', 10, 1, 1000),
    graphqlWarmup: intSetting('BENCH_GRAPHQL_WARMUP', 2, 0, 100),
    // Requests in a row per way for the CPU each costs (the api, this process, PostgreSQL's backends); 0: not measured.
    graphqlCpuRequests: intSetting('BENCH_GRAPHQL_CPU_REQUESTS', 200, 0, 10_000),
    profile: flagSetting('BENCH_PROFILE', false),
    seed: intSetting('BENCH_SEED', 1, 0, 2 ** 32 - 1),
    build: flagSetting('BENCH_BUILD', true),
    graphql: flagSetting('BENCH_GRAPHQL', true),
    // Only the history part: the rollup answer at 10M runs against at 1M (history.mjs).
    history: process.argv.includes('--history') || flagSetting('BENCH_DASHBOARD_HISTORY', false),
    adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

const num = (value) => value.toLocaleString('en-US');
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The api's own arithmetic and buckets, from its build. */
async function apiArithmetic() {
  const load = (path) => import(pathToFileURL(join(root, 'apps/api/dist', path)).href);
  const histogram = await load('runs/duration-histogram.js');
  const budget = await load('slos/error-budget.js');
  const derived = await load('kpis/kpi-derived.js');
  return { ...histogram, errorBudget: budget.errorBudget, msPerUnit: derived.msPerUnit };
}

/** Measurement KPIs: one value every 15 minutes, the catalog's target plus a tenth of the way back to the baseline. */
async function loadMeasurements(db, settings, automation, start, now) {
  const measured = automation.kpis.filter((k) => (k.source ?? 'measurement') === 'measurement');
  let measurementRows = 0;
  for (const [i, kpi] of measured.entries()) {
    const baseline = kpi.baseline?.value ?? kpi.target * 2;
    const series = generateMeasurements({
      slug: SLUG,
      kpi: kpi.name,
      start,
      now,
      everyMinutes: 15,
      level: kpi.target + (baseline - kpi.target) * 0.1,
      seed: settings.seed + i + 1,
    });
    await db.query(
      `INSERT INTO kpi_measurement (event_id, automation_slug, kpi, value, measured_at) SELECT id, $2, $3, v, at FROM unnest($1::text[], $4::float8[], $5::timestamptz[]) AS t(id, v, at)`,
      [series.ids, SLUG, kpi.name, series.values, series.at],
    );
    measurementRows += series.ids.length;
  }
  return { measured, measurementRows };
}

/** The dataset: runs by COPY, measurements, rollups by SQL (checked), VACUUM ANALYZE, CHECKPOINT. */
async function load(db, settings, now, api, automation) {
  const dataset = generateRuns({ slug: SLUG, rows: settings.runs, seed: settings.seed, now, days: DAYS, bucketOf: api.bucketOf, buckets: api.HISTOGRAM_BUCKETS });
  let generatingMs = 0;
  const timed = function* () {
    const chunks = dataset.chunks();
    for (;;) {
      const started = performance.now();
      const next = chunks.next();
      generatingMs += performance.now() - started;
      if (next.done) {
        return;
      }
      yield next.value;
    }
  };
  const started = performance.now();
  const stream = db.query(copyStreams.from(`COPY run (${COPY_COLUMNS.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(timed()), stream);
  const copySeconds = (performance.now() - started) / 1000;
  if (stream.rowCount !== settings.runs) {
    throw new Error(`COPY stored ${stream.rowCount} rows, expected ${settings.runs}`);
  }

  const { measured, measurementRows } = await loadMeasurements(db, settings, automation, dataset.start, now);

  const thresholds = bucketThresholds(api.bucketOf, api.HISTOGRAM_BUCKETS);
  const rollups = await buildRollups(db, SLUG, thresholds, api.HISTOGRAM_BUCKETS);
  await checkRollups(db, SLUG, dataset.counts, api.HISTOGRAM_BUCKETS);
  const hourly = await hourlyRollups(db, api.HISTOGRAM_BUCKETS);

  const vacuumStarted = performance.now();
  await db.query('VACUUM (ANALYZE) run');
  await db.query('VACUUM (ANALYZE) run_rollup_minute');
  await db.query(`VACUUM (ANALYZE) ${hourly.table}`);
  if (hourly.days !== null) {
    await db.query('VACUUM (ANALYZE) run_rollup_day');
  }
  await db.query('VACUUM (ANALYZE) kpi_measurement');
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
  const checkpoints = await db.query('CHECKPOINT').then(
    () => true,
    () => false,
  );
  // run keeps a partition per day (and a default one): its size is theirs, summed.
  const [sizes] = (
    await db.query(
      `SELECT sum(pg_total_relation_size(inhrelid))::bigint AS run_bytes, sum(pg_indexes_size(inhrelid))::bigint AS run_index_bytes, pg_total_relation_size('run_rollup_minute') AS rollup_bytes
         FROM pg_inherits WHERE inhparent = 'run'::regclass`,
    )
  ).rows;
  return {
    copySeconds,
    generatingSeconds: generatingMs / 1000,
    counts: dataset.counts,
    incidents: dataset.incidents,
    measured: measured.map((k) => k.name),
    measurementRows,
    rollups,
    hourly,
    vacuumSeconds,
    checkpoints,
    sizes,
  };
}

/**
 * A pool of two connections as the api's own pool makes them (its `dataSourceOptions`): the same
 * session settings (JIT off) and idle time-out (a connection keeps what it planned, and the raw way
 * between two answers keeps the pool idle for seconds), so only the path differs.
 */
async function apiPool(databaseUrl) {
  const { dataSourceOptions } = await import(pathToFileURL(join(root, 'apps/api/dist/database/data-source.js')).href);
  const { options, idleTimeoutMillis } = dataSourceOptions(databaseUrl).extra ?? {};
  return new pg.Pool({ connectionString: databaseUrl, max: 2, statement_timeout: 1_800_000, options, idleTimeoutMillis });
}

/**
 * The api's KPI service on a pool of 2 made as the api's (`apiPool`); the statements it sends are recorded (text and parameters) so
 * that the last answer's can be EXPLAINed.
 */
async function apiService(databaseUrl, cleanup) {
  const pool = await apiPool(databaseUrl);
  cleanup.add('closing the SQL pool of the question', () => pool.end());
  let connections = 0;
  pool.on('connect', () => {
    connections += 1;
  });
  let sent = [];
  const recording = {
    query: (text, params) => {
      sent.push({ text, params });
      return pool.query(text, params);
    },
  };
  const direct = await directKpis(root, recording);
  if (direct.missing !== undefined) {
    throw new Error(direct.missing);
  }
  return {
    direct,
    pool,
    /** Connections the pool opened so far. */
    connections: () => connections,
    /** The statements sent since the last call, in order. */
    takeSent: () => {
      const taken = sent;
      sent = [];
      return taken;
    },
  };
}

/**
 * Raw rows against the api's own statements (the judged way) and, for comparison, the bench's
 * hand-written one-statement reads of the rollups: checked to agree with raw, then timed interleaved.
 */
async function measureQuestion(db, window, api, settings, hourly, service) {
  const B = api.HISTOGRAM_BUCKETS;
  const hourTable = hourly.table;
  const ways = [
    { name: 'raw', label: 'raw run rows', sql: SQL.raw },
    // The judged way: the statements the api sends for this dashboard (KPI_SQL through its KpisService).
    { name: 'api', label: "rollups: the api's statements (automationKpis + kpiTrend day)", sql: null },
    // Comparison only: one hand-written statement each, not what the api sends.
    ...(hourly.days === null ? [] : [{ name: 'days', label: 'bench mirror, one statement: days + hours + edge minutes', sql: SQL.days(B) }]),
    { name: 'hours', label: `bench mirror, one statement: ${hourTable} + edge minutes`, sql: SQL.hours(hourTable, B) },
    { name: 'minutes', label: 'bench mirror, one statement: run_rollup_minute alone', sql: SQL.minuteBucketSums(B) },
    { name: 'intArraySum', label: 'bench mirror, one statement: minutes, int_array_sum', sql: SQL.minuteIntArraySum() },
  ].map((way) => ({
    ...way,
    ask: () =>
      way.name === 'raw'
        ? rawAnswer(db, SLUG, window, api)
        : way.name === 'api'
          ? apiAnswer(service.direct, SLUG, TREND_KPI, window)
          : rollupAnswer(db, SLUG, window, api, way.sql),
  }));
  const first = {};
  for (const way of ways) {
    first[way.name] = (await way.ask()).figures;
  }
  const agreement = {};
  for (const way of ways.slice(1)) {
    const { problems, worst } = way.name === 'api' ? compareApiAnswer(first.raw, first.api, api, api.msPerUnit) : compareAnswers(first.raw, first[way.name], api);
    if (problems.length > 0) {
      throw new Error(`${way.label} and raw rows disagree, so their times mean nothing:\n  ${problems.slice(0, 20).join('\n  ')}`);
    }
    agreement[way.name] = worst;
  }
  const samples = Object.fromEntries(ways.map((w) => [w.name, []]));
  for (let i = 0; i < settings.warmup + settings.repeats; i += 1) {
    const order = [...ways.slice(i % ways.length), ...ways.slice(0, i % ways.length)];
    say(`  ${i < settings.warmup ? 'warm-up' : `repetition ${i - settings.warmup + 1} of ${settings.repeats}`}: ${order.map((w) => w.name).join(', ')}`);
    for (const way of order) {
      const { ms } = await way.ask();
      if (i >= settings.warmup) {
        samples[way.name].push(ms);
      }
    }
  }
  const explain = async (client, text, values) => {
    const [
      {
        'QUERY PLAN': [plan],
      },
    ] = (await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${text}`, values })).rows;
    return summarizePlan(plan);
  };
  const explains = {};
  for (const way of ways) {
    if (way.name !== 'api') {
      explains[way.name] = await explain(db, way.sql, questionParams(SLUG, window));
      continue;
    }
    // The api's statements of one answer, each EXPLAINed on the api's session options; their server times added.
    service.takeSent();
    await way.ask();
    const names = new Map(Object.entries((await import(pathToFileURL(join(root, 'apps/api/dist/kpis/kpis.repository.js')).href)).KPI_SQL).map(([name, text]) => [text, name]));
    const parts = [];
    let executionMs = 0;
    for (const { text, params } of service.takeSent()) {
      const plan = await explain(service.pool, text, params);
      executionMs += plan.executionMs;
      parts.push(`${names.get(text) ?? 'other'} ${plan.executionMs.toFixed(2)} ms: ${plan.summary}`);
    }
    explains.api = { executionMs, summary: `${parts.join(' | ')} (the pool of 2 opened ${service.connections()} connections in this part)` };
  }
  return { ways, answer: first, agreement, samples, explains };
}

function summarizePlan(plan) {
  const parts = [];
  const walk = (node) => {
    if (/Scan$/.test(node['Node Type'])) {
      parts.push(
        `${node['Node Type']} on ${node['Relation Name'] ?? node['Index Name']} (${num(node['Actual Rows'] * (node['Actual Loops'] ?? 1))} rows${node['Workers Launched'] ? `, ${node['Workers Launched']} workers` : ''})`,
      );
    }
    if (node['Node Type'] === 'Gather' || node['Node Type'] === 'Gather Merge') {
      parts.push(`${node['Node Type']} (${node['Workers Launched']} workers)`);
    }
    if (node['Node Type'] === 'Sort') {
      parts.push(`Sort ${node['Sort Method']}${node['Sort Space Type'] === 'Disk' ? ` ${num(Math.round(node['Sort Space Used'] / 1024))} MB on disk` : ''}`);
    }
    for (const child of node.Plans ?? []) {
      walk(child);
    }
  };
  walk(plan.Plan);
  const jit = plan.JIT?.Timing?.Total;
  if (jit !== undefined) {
    parts.push(`JIT ${num(Math.round(jit))} ms of it (${plan.JIT.Functions} functions)`);
  }
  return { executionMs: plan['Execution Time'], summary: [...new Set(parts)].join('; ') };
}

/** One query through GraphQL and as SQL, interleaved (alternating which goes first). */
async function timeCase(c, settings) {
  const samples = { graphql: [], sql: [] };
  let bytes = 0;
  for (let i = 0; i < settings.graphqlWarmup + settings.graphqlRepeats; i += 1) {
    for (const way of i % 2 === 0 ? ['graphql', 'sql'] : ['sql', 'graphql']) {
      const started = performance.now();
      const answer = await c[way]();
      if (way === 'graphql') {
        bytes = answer.bytes;
      }
      if (i >= settings.graphqlWarmup) {
        samples[way].push(way === 'graphql' ? answer.ms : performance.now() - started);
      }
    }
  }
  return { name: c.name, samples, bytes, ratio: median(samples.graphql) / median(samples.sql) };
}

/**
 * CPU per request of `ask`, `count` times in a row: the api process's, this process's and PostgreSQL's
 * (every backend of the bench database, from /proc). CPU time, not wall time, so steadier than the
 * medians on a shared machine; /proc counts in 10 ms ticks, hence many requests.
 */
/** Where the api's CPU went in each run of GraphQL requests in a row (BENCH_PROFILE=true), one summary per query. */
function printGraphqlProfile(profile, graphql) {
  const runs = [...graphql.results.map((r) => ({ name: r.name, window: r.cpu.graphql.window })), { name: 'empty request', window: graphql.emptyCpu.window }];
  const lines = runs.flatMap(({ name, window }) => [
    '',
    ...profileLines(`api CPU profile, ${num(graphql.cpuRequests)} ${name} requests in a row`, summarizeProfile(profile, [window]), { packages: 14, functions: 20 }),
  ]);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function cpuPerRequest(ask, count, { db, databaseName, apiPid }) {
  const before = { api: cpuSecondsOf(apiPid), bench: process.cpuUsage(), postgres: await backendCpu(db, databaseName) };
  const fromUs = monotonicUs();
  for (let i = 0; i < count; i += 1) {
    await ask();
  }
  const window = { fromUs, toUs: monotonicUs() };
  const bench = process.cpuUsage(before.bench);
  const postgres = backendCpuBetween(before.postgres, await backendCpu(db, databaseName));
  const perRequest = (seconds) => (seconds === undefined ? undefined : (seconds * 1000) / count);
  return { api: perRequest(cpuSecondsOf(apiPid) - before.api), bench: (bench.user + bench.system) / 1000 / count, postgres: perRequest(postgres), window };
}

/** automationKpis and kpiTrend (daily) through GraphQL against the api's SQL; `skipped` when the api cannot answer them. */
async function measureGraphql({ baseUrl, databaseUrl, settings, cleanup, db, databaseName, apiPid }) {
  const client = await graphqlClient(baseUrl, PERSONA);
  cleanup.add('closing the http client', async () => client.close());
  const pool = await apiPool(databaseUrl);
  cleanup.add('closing the SQL pool', () => pool.end());
  const direct = await directKpis(root, pool);
  if (direct.missing !== undefined) {
    return { skipped: direct.missing };
  }

  const range = { last: `${DAYS}d` };
  const variables = { slug: SLUG, range };
  const trendVariables = { ...variables, kpi: TREND_KPI, interval: 'day' };
  let kpis;
  try {
    kpis = await client.query(QUERIES.automationKpis, variables, 'automationKpis');
  } catch (error) {
    if (/Cannot query field|Unknown type/.test(error.message)) {
      return { skipped: `the api has no automationKpis yet (${error.graphqlErrors?.[0]?.message ?? error.message})` };
    }
    throw error;
  }
  const trend = await client.query(QUERIES.kpiTrend, trendVariables, 'kpiTrend');

  // The same answers: the service on the pool, for the api's own `now` (the end of its rolling window).
  const problems = [
    ...checkAutomationKpis(kpis.data, await direct.service.automationKpis(SLUG, range, new Date(kpis.data[0].range.end))),
    ...checkKpiTrend(trend.data, await direct.service.kpiTrend(SLUG, TREND_KPI, range, 'day', new Date(trend.data.kpi.range.end))),
  ];
  if (problems.length > 0) {
    throw new Error(`the api's answers through GraphQL are not its SQL's, so their times mean nothing:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  direct.takeStatements();

  const cases = [
    { name: 'automationKpis', graphql: () => client.query(QUERIES.automationKpis, variables, 'automationKpis'), sql: () => direct.service.automationKpis(SLUG, range) },
    { name: 'kpiTrend (day)', graphql: () => client.query(QUERIES.kpiTrend, trendVariables, 'kpiTrend'), sql: () => direct.service.kpiTrend(SLUG, TREND_KPI, range, 'day') },
  ];
  const results = [];
  for (const c of cases) {
    say(`${c.name}: ${settings.graphqlWarmup} warm-up + ${settings.graphqlRepeats} timed requests, GraphQL and SQL interleaved…`);
    direct.takeStatements();
    await c.sql();
    const statements = direct.takeStatements();
    const timed = await timeCase(c, settings);
    let cpu;
    if (settings.graphqlCpuRequests > 0) {
      say(`${c.name}: ${settings.graphqlCpuRequests} requests in a row each way for their CPU…`);
      const where = { db, databaseName, apiPid };
      cpu = { graphql: await cpuPerRequest(c.graphql, settings.graphqlCpuRequests, where), sql: await cpuPerRequest(c.sql, settings.graphqlCpuRequests, where) };
    }
    results.push({ ...timed, statements, cpu });
  }
  // What any request costs here, whatever it asks: HTTP, the session, GraphQL parsing and validation;
  // interleaved with one bare round trip to PostgreSQL on a listening connection, which is what the
  // api's catch-up with its change feed sends (database/change-feed.ts): what a request without one would save.
  const listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  cleanup.add('closing the listening connection', () => listener.end());
  await listener.query('LISTEN roundhouse_automation_changed');
  const floor = [];
  const roundTrips = [];
  for (let i = 0; i < settings.graphqlWarmup + settings.graphqlRepeats; i += 1) {
    const { ms } = await client.query('{ __typename }', {}, '__typename');
    const started = performance.now();
    await listener.query('SELECT');
    const roundTripMs = performance.now() - started;
    if (i >= settings.graphqlWarmup) {
      floor.push(ms);
      roundTrips.push(roundTripMs);
    }
  }
  const emptyCpu =
    settings.graphqlCpuRequests > 0
      ? await cpuPerRequest(() => client.query('{ __typename }', {}, '__typename'), settings.graphqlCpuRequests, { db, databaseName, apiPid })
      : undefined;
  const checked = `every KPI's "after" and coverage (${kpis.data.length} KPIs) and all ${trend.data.points.length} trend points equal to the service's own answer over the pool for the api's window`;
  return {
    results,
    checked,
    floorMs: median(floor),
    roundTripMs: median(roundTrips),
    emptyCpu,
    cpuRequests: settings.graphqlCpuRequests,
    kpis: kpis.data,
    trendPoints: trend.data.points.length,
  };
}

async function main() {
  const settings = readSettings();
  const loadAtStart = loadavg()[0];
  if (settings.build) {
    buildApi();
  }
  const api = await apiArithmetic();

  const cleanup = cleanupList();
  try {
    const database = await createDatabase(settings.adminUrl, 'roundhouse_bench_dash');
    cleanup.add(`dropping database ${database.name}`, database.drop);
    say(`database ${database.name} created; starting the api…`);
    process.env.ROUNDHOUSE_COLLECTORS = 'false';
    const profileDir = settings.profile ? mkdtempSync(join(tmpdir(), 'roundhouse-bench-profile-')) : undefined;
    if (profileDir !== undefined) {
      cleanup.add('removing the CPU profile', async () => rmSync(profileDir, { recursive: true, force: true }));
    }
    const nodeArgs = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
    const apiProcess = startApi({ entry: join(root, 'apps/api/dist/main.js'), cwd: root, databaseUrl: database.url, nodeArgs });
    cleanup.add('stopping the api', () => stopApi(apiProcess));
    const baseUrl = await apiProcess.ready;

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    let dbOpen = true;
    cleanup.add('closing the database connection', async () => {
      if (dbOpen) {
        await db.end();
      }
    });
    await db.query(`SET statement_timeout = '1800s'`);
    const postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;
    const pgSettings = (await db.query(`SELECT name, setting, unit FROM pg_settings WHERE name IN ('work_mem', 'shared_buffers', 'max_parallel_workers_per_gather', 'jit')`)).rows;
    const [automation] = (await db.query('SELECT slug, kpis, slos FROM automation WHERE slug = $1', [SLUG])).rows;
    if (automation === undefined) {
      throw new Error(`the catalog the api applied has no automation ${SLUG}`);
    }
    const successSlo = automation.slos.find((s) => s.indicator === 'success_rate');

    // A whole minute: the rollups' grain, so that both sides answer exactly the same window.
    const now = Math.floor(Date.now() / MINUTE) * MINUTE;
    if (settings.history) {
      // Small (the window) in this database; large in a copy of it with older history added; both asked side by side.
      const { measured } = await loadMeasurements(db, settings, automation, now - DAYS * 86_400_000, now);
      const window = {
        from: now - DAYS * 86_400_000,
        to: now,
        sloObjective: successSlo?.objective ?? 99.5,
        sloName: successSlo?.name,
        measurementKpis: measured.map((k) => k.name),
      };
      const built = await buildWindow({ db, api, window, slug: SLUG, settings, say });
      await stopApi(apiProcess);
      await db.end();
      dbOpen = false;
      const twin = await createDatabase(settings.adminUrl, 'roundhouse_bench_dash', { template: database.name });
      cleanup.add(`dropping database ${twin.name}`, twin.drop);
      const connect = async (url) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        cleanup.add('closing a database connection', () => client.end());
        await client.query(`SET statement_timeout = '1800s'`);
        const pool = await apiPool(url);
        cleanup.add('closing a SQL pool', () => pool.end());
        const direct = await directKpis(root, pool);
        if (direct.missing !== undefined) {
          throw new Error(direct.missing);
        }
        return { db: client, direct };
      };
      const sides = { small: await connect(database.url), large: await connect(twin.url) };
      const added = await addHistory({ db: sides.large.db, api, window, slug: SLUG, settings, say, built });
      const compared = await compareSizes({ sides, api, window, slug: SLUG, trendKpi: TREND_KPI, settings, summarizePlan, say });
      printHistory({
        history: { ...built, added, ...compared },
        window,
        settings,
        postgresVersion,
        pgSettings,
        loadAtStart,
        loadAtEnd: loadavg()[0],
        slug: SLUG,
        trendKpi: TREND_KPI,
      });
      return;
    }

    say(`generating and COPYing ${num(settings.runs)} runs of ${SLUG} (${DAYS} days up to ${new Date(now).toISOString()}), then rollups with SQL, VACUUM ANALYZE…`);
    const loaded = await load(db, settings, now, api, automation);

    const window = { from: now - DAYS * 86_400_000, to: now, sloObjective: successSlo?.objective ?? 99.5, sloName: successSlo?.name, measurementKpis: loaded.measured };
    say(`the dashboard's question: raw rows against rollups, ${settings.warmup} warm-up + ${settings.repeats} timed repetitions each, interleaved…`);
    const backendsBefore = await backendCpu(db, database.name);
    const questionStarted = performance.now();
    const service = await apiService(database.url, cleanup);
    const question = await measureQuestion(db, window, api, settings, loaded.hourly, service);
    const questionCpu = { wall: (performance.now() - questionStarted) / 1000, postgres: backendCpuBetween(backendsBefore, await backendCpu(db, database.name)) };

    let graphql = { skipped: 'BENCH_GRAPHQL=false' };
    if (settings.graphql) {
      graphql = await measureGraphql({ baseUrl, databaseUrl: database.url, settings, cleanup, db, databaseName: database.name, apiPid: apiProcess.pid });
    }
    const memory = memoryOf(apiProcess.pid);
    const apiProblems = apiProcess.problems;
    await stopApi(apiProcess);

    printReport({
      settings,
      loaded,
      window,
      question,
      graphql,
      memory,
      apiProblems,
      postgresVersion,
      pgSettings,
      loadAtStart,
      loadAtEnd: loadavg()[0],
      questionCpu,
      slug: SLUG,
      trendKpi: TREND_KPI,
      persona: PERSONA,
      api,
    });
    if (profileDir !== undefined && graphql.results !== undefined && graphql.emptyCpu !== undefined) {
      printGraphqlProfile(readProfile(profileDir), graphql);
    }
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  say(error instanceof SettingError ? error.message : `bench:dashboard failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
