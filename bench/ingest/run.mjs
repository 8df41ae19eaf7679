#!/usr/bin/env node
// `npm run bench:ingest`: events/s through the real ingest endpoint against a raw COPY of the same
// rows into the same table, in one run, on one PostgreSQL. See bench/ingest/README.md.
//
//   1. builds the api (Nx, cached), generates the workload and encodes it (gzip'd request bodies,
//      COPY text) before any clock starts;
//   2. creates database roundhouse_bench_<random>, starts the api on it as its own process, signs in
//      and creates a runtime token for finance-ops;
//   3. BENCH_REPEAT times: empties the telemetry tables; ingest (BENCH_CLIENTS clients POST the
//      batches until none is left) and checks that exactly what was sent was stored; TRUNCATE run and
//      one COPY of the same rows, checked equal to what the ingest stored;
//   4. prints the table; stops the api and drops the database, also on failure or Ctrl-C.
//
// Not a test: only this script runs it, and it asserts no timing. It exits non-zero only when it
// could not measure (a setting is wrong, the api failed, or the ingest stored something other than
// what was sent).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { buildApi, cleanupList, createDatabase, flagSetting, intSetting, root, say, SettingError } from '../common/harness.mjs';
import { backendCpu, backendCpuBetween, cpuSecondsOf, machineBusySeconds, memoryOf, startApi, stopApi } from '../common/api-process.mjs';
import { readProfile, summarizeProfile } from '../common/cpu-profile.mjs';
import { checkpoint, copyPhase, createToken, ingestPhase, resetTelemetry, sameRows, setIngestedRowsAside, verifyIngest } from './phases.mjs';
import { printProfile, printReport } from './report.mjs';
import { encodeBatches, encodeCopyRows, generateWorkload, requestEvents } from './workload.mjs';

const TOKEN_TEAM = 'finance-ops';

/** BENCH_EVENTS: what the runtime sends, `sdk` (as the SDK cuts its requests) or `v1` (every event as reported). */
function shapeSetting() {
  const raw = process.env.BENCH_EVENTS || 'sdk';
  if (raw !== 'sdk' && raw !== 'v1') {
    throw new SettingError(`BENCH_EVENTS is ${JSON.stringify(raw)}: expected sdk or v1.`);
  }
  return raw;
}

/** The settings, from the environment (documented in README.md). */
function readSettings() {
  return {
    attempts: intSetting('BENCH_RUNS', 50_000, 1, 5_000_000),
    clients: intSetting('BENCH_CLIENTS', 8, 1, 256),
    batchSize: intSetting('BENCH_BATCH', 1000, 2, 100_000), // checked against INGEST_MAX_EVENTS once contracts are built
    repeats: intSetting('BENCH_REPEAT', 3, 1, 20),
    hours: intSetting('BENCH_HOURS', 6, 1, 24 * 29), // inside the api's 30-day run retention
    seed: intSetting('BENCH_SEED', 1, 0, 2 ** 32 - 1),
    build: flagSetting('BENCH_BUILD', true),
    profile: flagSetting('BENCH_PROFILE', false),
    shape: shapeSetting(),
    adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

/** Things to undo, last added first, once: on success, on failure and on Ctrl-C. */
/** Everything generated and encoded before any clock starts. */
async function prepare(settings) {
  const { INGEST_PATH, INGEST_V2_PATH, INGEST_MAX_EVENTS, INGEST_MAX_BODY_BYTES } = await import('@roundhouse/contracts');
  const { batchEvents } = await import('@roundhouse/sdk');
  if (settings.batchSize > INGEST_MAX_EVENTS) {
    throw new SettingError(`BENCH_BATCH is ${settings.batchSize}: the ingest protocol allows at most ${INGEST_MAX_EVENTS} events per request.`);
  }
  say(`generating ${settings.attempts.toLocaleString('en-US')} attempts and encoding them…`);
  const workload = generateWorkload({ attempts: settings.attempts, hours: settings.hours, seed: settings.seed });
  const batches = encodeBatches(requestEvents(workload.events, settings.batchSize, settings.shape, batchEvents));
  const tooBig = batches.find((b) => b.body.length > INGEST_MAX_BODY_BYTES);
  if (tooBig !== undefined) {
    throw new SettingError(`a batch is ${tooBig.body.length} bytes gzip'd, over the protocol's ${INGEST_MAX_BODY_BYTES}: lower BENCH_BATCH.`);
  }
  return {
    path: settings.shape === 'sdk' ? INGEST_V2_PATH : INGEST_PATH,
    workload,
    batches,
    sentEvents: batches.reduce((sum, b) => sum + b.events, 0),
    copyChunks: encodeCopyRows(workload.rows),
  };
}

/** One ingest phase and one COPY phase, each checked, with the CPU each took. */
async function measureOnce({ settings, db, database, api, baseUrl, secret, prepared }) {
  const { workload, batches, copyChunks, path } = prepared;
  await resetTelemetry(db);
  await checkpoint(db);
  const apiBefore = cpuSecondsOf(api.pid);
  const backendsBefore = await backendCpu(db, database.name);
  const clientsBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  const ingest = await ingestPhase({ baseUrl, path, secret, batches, clients: settings.clients });
  const machineAfter = machineBusySeconds();
  const clients = process.cpuUsage(clientsBefore);
  const cpu = {
    api: apiBefore === undefined ? undefined : cpuSecondsOf(api.pid) - apiBefore,
    postgres: backendCpuBetween(backendsBefore, await backendCpu(db, database.name)),
    clients: (clients.user + clients.system) / 1e6,
    machine: machineBefore === undefined ? undefined : machineAfter - machineBefore,
  };
  const verification = await verifyIngest(db, workload, prepared.sentEvents, ingest.totals);
  if (verification.problems.length > 0) {
    throw new Error(`the ingest did not store what was sent, so its rate means nothing:\n  ${[...verification.problems, ...ingest.reasons].join('\n  ')}`);
  }

  await setIngestedRowsAside(db);
  await checkpoint(db);
  const copyBackendBefore = await backendCpu(db, database.name);
  const copyMachineBefore = machineBusySeconds();
  const copy = await copyPhase(db, copyChunks);
  cpu.copyMachine = copyMachineBefore === undefined ? undefined : machineBusySeconds() - copyMachineBefore;
  cpu.copy = backendCpuBetween(copyBackendBefore, await backendCpu(db, database.name));
  if (copy.rows !== workload.rows.length) {
    throw new Error(`COPY stored ${copy.rows} rows, expected ${workload.rows.length}`);
  }
  const difference = await sameRows(db);
  if (difference !== undefined) {
    throw new Error(`the COPY'd rows differ from the ingested ones (${difference}): the two phases did not write the same thing`);
  }
  return { ingest, copy, cpu, verified: verification.summary };
}

async function main() {
  const settings = readSettings();
  const loadAtStart = loadavg()[0];
  if (settings.build) {
    buildApi();
  }
  const prepared = await prepare(settings);

  const cleanup = cleanupList();
  try {
    const database = await createDatabase(settings.adminUrl, 'roundhouse_bench');
    cleanup.add(`dropping database ${database.name}`, database.drop);
    say(`database ${database.name} created; starting the api…`);
    const profileDir = settings.profile ? mkdtempSync(join(tmpdir(), 'roundhouse-bench-profile-')) : undefined;
    if (profileDir !== undefined) {
      cleanup.add('removing the CPU profile', async () => rmSync(profileDir, { recursive: true, force: true }));
    }
    const nodeArgs = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
    const api = startApi({ entry: join(root, 'apps/api/dist/main.js'), cwd: root, databaseUrl: database.url, nodeArgs });
    cleanup.add('stopping the api', () => stopApi(api));
    const baseUrl = await api.ready;
    const secret = await createToken(baseUrl, TOKEN_TEAM);
    const atStart = memoryOf(api.pid);

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    cleanup.add('closing the database connection', () => db.end());
    const postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;
    const checkpoints = await checkpoint(db);

    const repeats = [];
    for (let i = 1; i <= settings.repeats; i += 1) {
      say(
        `repeat ${i} of ${settings.repeats}: ingest of ${prepared.workload.events.length.toLocaleString('en-US')} reported events as ${prepared.sentEvents.toLocaleString('en-US')} in ${prepared.batches.length} requests, then COPY…`,
      );
      const repeat = await measureOnce({ settings, db, database, api, baseUrl, secret, prepared }).catch(async (error) => {
        await Promise.race([api.exitedPromise, sleep(1000)]); // a crashed api's exit may be reported after its sockets closed
        throw api.exited ? new Error(`${error.message}\nThe api exited; its last lines:\n${api.tail.join('\n')}`) : error;
      });
      repeats.push(repeat);
    }
    const memory = atStart === undefined ? undefined : { atStart: atStart.current, peak: memoryOf(api.pid).peak };
    const apiProblems = api.problems;
    await stopApi(api);

    printReport({ settings, ...prepared, repeats, memory, postgresVersion, checkpoints, apiProblems, loadAtStart, verified: repeats[0].verified });
    if (profileDir !== undefined) {
      printProfile(
        summarizeProfile(
          readProfile(profileDir),
          repeats.map((r) => r.ingest.window),
        ),
      );
    }
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  say(error instanceof SettingError ? error.message : `bench:ingest failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
