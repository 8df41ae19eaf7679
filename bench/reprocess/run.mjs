#!/usr/bin/env node
// `npm run bench:reprocess`: dead letters reprocessed to RabbitMQ through the real api (a reprocess
// request, the durable ledger, the dispatcher's publisher confirms) against raw amqplib publishing of
// the same messages with confirms, in one run, on one broker. See bench/reprocess/README.md.
//
//   1. checks that RabbitMQ answers; builds the api (Nx, cached);
//   2. creates database roundhouse_bench_rp_<random>, starts the api on it as its own process with
//      background jobs on and the broker URL set (it migrates and applies catalog/, where
//      invoice-generation is bound to RabbitMQ through ROUNDHOUSE_RUNTIME_RABBITMQ_URL); declares the bench's own
//      exchange and a queue bound to it; seeds BENCH_MESSAGES dead letters through the ingest
//      endpoint; reads them back and builds the messages the api will publish, before any clock;
//   3. BENCH_REPEAT times: raw baseline, product (startReprocess as otto, timed to `done`), raw
//      baseline again; after each phase checks that the queue holds exactly the messages, compares
//      a sample with what was expected, and empties the queue;
//   4. prints the table; removes the queue and exchange, stops the api and drops the database, also
//      on failure or Ctrl-C.
//
// Not a test: only this script runs it, and it asserts no timing. It exits non-zero only when it
// could not measure (a setting is wrong, RabbitMQ or the api is not there or failed, or what arrived
// in the queue is not what was reprocessed).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { buildApi, cleanupList, createDatabase, flagSetting, intSetting, root, say, SettingError } from '../common/harness.mjs';
import { backendCpu, backendCpuBetween, cpuSecondsOf, machineBusySeconds, memoryOf, startApi, stopApi } from '../common/api-process.mjs';
import { brokerVersion, compareMessages, connect, createRoute, publishRaw } from './broker.mjs';
import { AUTOMATION, deadLetterEvents, encodeBatches, republished } from './dataset.mjs';
import { ledgerCounts, reprocess, reprocessIds, resetLedger, seed, signIn, timeline } from './product.mjs';
import { printReport } from './report.mjs';

const TEAM = 'finance-ops';
const PERSONA = 'otto';
/** The dispatch job's largest batch (MAX_BATCH in apps/api/src/reprocess/reprocess-dispatch.job.ts). */
const API_MAX_BATCH = 500;
const SEED_CLIENTS = 4;
const SAMPLE = 20;

/** The settings, from the environment (documented in README.md). */
function readSettings() {
  return {
    messages: intSetting('BENCH_MESSAGES', 100_000, 1000, 1_000_000),
    velocity: intSetting('BENCH_VELOCITY', 10_000, 1, 10_000), // the api allows 1 to 10,000 msg/s
    repeats: intSetting('BENCH_REPEAT', 3, 1, 10),
    durable: flagSetting('BENCH_DURABLE', true),
    seed: intSetting('BENCH_SEED', 1, 0, 2 ** 32 - 1),
    build: flagSetting('BENCH_BUILD', true),
    adminUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    brokerUrl: brokerUrlSetting(),
  };
}

function brokerUrlSetting() {
  const url = process.env.RABBITMQ_URL || 'amqp://guest:guest@127.0.0.1:5672';
  if (!URL.canParse(url) || !['amqp:', 'amqps:'].includes(new URL(url).protocol)) {
    throw new SettingError(`RABBITMQ_URL is not an amqp:// or amqps:// URL.`);
  }
  return url;
}

/** The batch the api sends at a velocity (reprocess-dispatch.job.ts): a fifth of a second's worth, at most 500. */
const batchAt = (velocity) => Math.max(1, Math.min(API_MAX_BATCH, Math.ceil(velocity / 5)));

/** CHECKPOINT, so that a phase does not pay for the dirty pages of the one before. Needs a superuser. */
async function checkpoint(db) {
  return db.query('CHECKPOINT').then(
    () => true,
    () => false,
  );
}

/** The RabbitMQ server's process, when it runs on this machine (its CPU is then accounted for). */
function localBrokerPid(url) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) {
    return undefined;
  }
  const pids = readdirSync('/proc', { withFileTypes: true }).filter((e) => /^\d+$/.test(e.name));
  const beams = pids.filter((e) => {
    try {
      return readFileSync(`/proc/${e.name}/comm`, 'utf8').trim() === 'beam.smp';
    } catch {
      return false;
    }
  });
  return beams.length === 1 ? Number(beams[0].name) : undefined;
}

/** CPU readings around a phase: the api, the bench database's backends, this process, the broker, the machine. */
async function cpuMeter({ api, db, database, brokerPid }) {
  const before = {
    api: cpuSecondsOf(api.pid),
    backends: await backendCpu(db, database.name),
    bench: process.cpuUsage(),
    broker: brokerPid === undefined ? undefined : cpuSecondsOf(brokerPid),
    machine: machineBusySeconds(),
  };
  return async () => {
    const bench = process.cpuUsage(before.bench);
    const after = { api: cpuSecondsOf(api.pid), machine: machineBusySeconds(), broker: brokerPid === undefined ? undefined : cpuSecondsOf(brokerPid) };
    const delta = (key) => (before[key] === undefined || after[key] === undefined ? undefined : after[key] - before[key]);
    return {
      api: delta('api'),
      postgres: backendCpuBetween(before.backends, await backendCpu(db, database.name)),
      bench: (bench.user + bench.system) / 1e6,
      broker: delta('broker'),
      machine: delta('machine'),
    };
  };
}

/** Seeds through the ingest endpoint, checks that every dead letter is stored, then VACUUM ANALYZE. */
async function load({ db, baseUrl, settings, route }) {
  const { INGEST_PATH, INGEST_MAX_BODY_BYTES } = await import('@roundhouse/contracts');
  const events = deadLetterEvents({ count: settings.messages, seed: settings.seed, exchange: route.exchange, now: Date.now() });
  const batches = encodeBatches(events, 1000);
  if (batches.some((b) => b.body.length > INGEST_MAX_BODY_BYTES)) {
    throw new Error(`a seeding batch is over the ingest's ${INGEST_MAX_BODY_BYTES} bytes gzip'd`);
  }
  say(`seeding ${settings.messages.toLocaleString('en-US')} dead letters of ${AUTOMATION} through ${INGEST_PATH} (${batches.length} requests, ${SEED_CLIENTS} clients)…`);
  const seeded = await seed({ baseUrl, path: INGEST_PATH, team: TEAM, batches, clients: SEED_CLIENTS });
  const [stored] = (
    await db.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'pending' AND source_kind = 'rabbitmq' AND source_exchange = $2)::int AS ours
         FROM dead_letter WHERE automation_slug = $1`,
      [AUTOMATION, route.exchange],
    )
  ).rows;
  // A batch the api stored but answered too late for (a 503 under load, retried) comes back as duplicates: what counts is that every event is stored once.
  if (seeded.totals.accepted + seeded.totals.duplicates !== settings.messages || stored.n !== settings.messages || stored.ours !== settings.messages) {
    throw new Error(
      `seeding stored ${stored.n} dead letters of ${AUTOMATION} (${stored.ours} pending from the bench's exchange); the ingest accepted ${seeded.totals.accepted} of ${settings.messages}: ${seeded.reasons.join('; ')}`,
    );
  }
  const [sizes] = (
    await db.query(`SELECT avg(octet_length(body))::int AS payload_bytes, avg(octet_length(headers::text))::int AS header_bytes FROM dead_letter WHERE automation_slug = $1`, [
      AUTOMATION,
    ])
  ).rows;
  // The planner's statistics as autovacuum leaves them in production: every dead letter pending.
  await db.query('VACUUM (ANALYZE) dead_letter');
  return { seconds: seeded.seconds, requests: batches.length, ...sizes };
}

/** The messages the api will publish, built from the stored dead letters in the order it sends them (its snapshot order). */
async function expectedMessages(db) {
  const { rows } = await db.query(
    `SELECT message_id, body, content_type, content_encoding, headers, correlation_id FROM dead_letter WHERE automation_slug = $1 ORDER BY last_failed_at, id`,
    [AUTOMATION],
  );
  const baselineKeys = new Map();
  const messages = rows.map((row) => {
    const key = randomUUID();
    baselineKeys.set(row.message_id, key);
    return republished(row, key);
  });
  const byMessageId = new Map(messages.map((m) => [m.properties.messageId, m]));
  const bodyBytes = messages.reduce((s, m) => s + m.content.length, 0) / messages.length;
  return { messages, byMessageId, baselineKeys, bodyBytes };
}

/** After a phase: exactly `count` messages in the queue, a sample of them as expected; then the queue is emptied. */
async function checkQueue({ route, count, expected, reprocessIdOf, what }) {
  const depth = await route.depth();
  const sample = await route.take(SAMPLE);
  const problems = compareMessages(sample, expected.byMessageId, await reprocessIdOf(sample.map((m) => m.messageId)));
  await route.purge();
  if (depth !== count) {
    problems.unshift(`the queue holds ${depth} messages, expected ${count}`);
  }
  if (problems.length > 0) {
    throw new Error(`${what}: what arrived is not what was expected, so its rate means nothing:\n  ${problems.slice(0, 10).join('\n  ')}`);
  }
  return { depth, sampled: sample.length };
}

async function rawPhase({ context, label }) {
  const { settings, db, route, connection, expected } = context;
  await route.purge();
  const checkpoints = await checkpoint(db);
  say(`${label}: raw amqplib, ${settings.messages.toLocaleString('en-US')} messages in batches of ${context.batch} with confirms…`);
  const stop = await cpuMeter(context);
  const raw = await publishRaw(connection, route, expected.messages, context.batch);
  const cpu = await stop();
  if (raw.nacked > 0 || raw.returned > 0) {
    throw new Error(`${label}: the broker nacked ${raw.nacked} and returned ${raw.returned} of the raw publishes`);
  }
  const checked = await checkQueue({ route, count: settings.messages, expected, reprocessIdOf: async () => (id) => expected.baselineKeys.get(id), what: label });
  return { ...raw, cpu, checked, checkpoints };
}

async function productPhase({ context, label, fresh }) {
  const { settings, db, route, expected, client, api } = context;
  if (!fresh) {
    await resetLedger(db);
  }
  await route.purge();
  const checkpoints = await checkpoint(db);
  say(`${label}: startReprocess as ${PERSONA} at ${settings.velocity.toLocaleString('en-US')} msg/s, waiting for done…`);
  const stop = await cpuMeter(context);
  const request = await reprocess({
    db,
    client,
    api,
    automation: AUTOMATION,
    velocity: settings.velocity,
    expected: settings.messages,
    reason: 'NetSuite is back after the outage (bench:reprocess)',
    timeoutSeconds: 60 + settings.messages / 25, // gives up below ~25 msg/s
  });
  const cpu = await stop();
  const items = await ledgerCounts(db, request.id);
  // The status as the api reads it (DEAD_LETTER_STATUS in apps/api/src/dead-letters/dead-letter-query.ts): a dead letter that
  // could be acted on whose latest item (not a discard) is acknowledged was sent, and reads reprocessed until its outcome.
  const [{ reprocessed }] = (
    await db.query(
      `SELECT count(*) FILTER (WHERE CASE WHEN d.status IN ('pending', 'failed_again', 'reprocessed')
                                         THEN coalesce(CASE latest.state WHEN 'queued' THEN 'reprocessing' WHEN 'dispatched' THEN 'reprocessing' WHEN 'acknowledged' THEN 'reprocessed' END, d.status)
                                         ELSE d.status END = 'reprocessed')::int AS reprocessed
         FROM dead_letter d LEFT JOIN LATERAL (SELECT i.state FROM reprocess_item i WHERE i.dead_letter_id = d.id AND i.route <> 'discard' ORDER BY i.id DESC LIMIT 1) latest ON true
        WHERE d.automation_slug = $1`,
      [AUTOMATION],
    )
  ).rows;
  if (items.acknowledged !== settings.messages || Object.keys(items).length !== 1 || reprocessed !== settings.messages) {
    throw new Error(
      `${label}: the request is done but its items are ${JSON.stringify(items)} and ${reprocessed} dead letters are reprocessed, expected all ${settings.messages} acknowledged`,
    );
  }
  const checked = await checkQueue({
    route,
    count: settings.messages,
    expected,
    reprocessIdOf: async (ids) => {
      const keys = await reprocessIds(db, request.id, ids);
      return (id) => keys.get(id);
    },
    what: label,
  });
  const t = await timeline(db, request.id, request.answeredAt);
  // The dispatch job can claim before the mutation's answer reaches the bench: the clock then starts at that first claim, so no message is sent before it.
  const early = Math.max(0, -(t.firstClaimMs ?? 0)) / 1000;
  return { ...request, seconds: request.seconds + early, secondsAfterAnswer: request.seconds, cpu, checked, checkpoints, timeline: t };
}

async function main() {
  const settings = readSettings();
  const loadAtStart = loadavg()[0];
  const connection = await connect(settings.brokerUrl);
  const cleanup = cleanupList();
  cleanup.add('closing the RabbitMQ connection', () => connection.close());
  try {
    if (settings.build) {
      buildApi();
    }
    const route = await createRoute(connection, { durable: settings.durable });
    cleanup.add(`removing queue ${route.queue} and exchange ${route.exchange}`, route.remove);
    const database = await createDatabase(settings.adminUrl, 'roundhouse_bench_rp');
    cleanup.add(`dropping database ${database.name}`, database.drop);
    say(`database ${database.name} created; starting the api with background jobs on…`);
    // The api's environment is process.env plus what startApi sets; collectors off (they would
    // consume invoices.generate.dlq on the same broker), ROUNDHOUSE_RUNTIME_RABBITMQ_URL for invoice-generation's binding.
    process.env.ROUNDHOUSE_COLLECTORS = 'false';
    process.env.ROUNDHOUSE_RUNTIME_RABBITMQ_URL = settings.brokerUrl;
    // What is timed is dispatch; the second person's approval a request this large on a billing
    // automation needs is a human step, so the approval policy is off for the bench.
    process.env.ROUNDHOUSE_APPROVAL_BULK_THRESHOLD = String(Number.MAX_SAFE_INTEGER);
    process.env.ROUNDHOUSE_APPROVAL_RISK_DOMAINS = 'none';
    const api = startApi({
      entry: join(root, 'apps/api/dist/main.js'),
      cwd: root,
      databaseUrl: database.url,
      nodeArgs: ['--import', pathToFileURL(join(root, 'bench/reprocess/jobs-on.mjs')).href],
    });
    cleanup.add('stopping the api', () => stopApi(api));
    const baseUrl = await api.ready;
    const atStart = memoryOf(api.pid);

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    cleanup.add('closing the database connection', () => db.end());
    const postgresVersion = (await db.query('SHOW server_version')).rows[0].server_version;
    const loaded = await load({ db, baseUrl, settings, route });
    const expected = await expectedMessages(db);
    const client = await signIn(baseUrl, PERSONA);
    cleanup.add('closing the http client', async () => client.close());
    const context = { settings, db, database, api, route, connection, expected, client, batch: batchAt(settings.velocity), brokerPid: localBrokerPid(settings.brokerUrl) };

    const repeats = [];
    for (let i = 1; i <= settings.repeats; i += 1) {
      const measured = async () => {
        const before = await rawPhase({ context, label: `repeat ${i}, raw before` });
        const product = await productPhase({ context, label: `repeat ${i}, product`, fresh: i === 1 });
        const after = await rawPhase({ context, label: `repeat ${i}, raw after` });
        return { before, product, after };
      };
      repeats.push(
        await measured().catch(async (error) => {
          await Promise.race([api.exitedPromise, sleep(1000)]);
          throw api.exited ? new Error(`${error.message}\nThe api exited; its last lines:\n${api.tail.join('\n')}`) : error;
        }),
      );
    }
    const memory = atStart === undefined ? undefined : { atStart: atStart.current, peak: memoryOf(api.pid).peak };
    const apiProblems = api.problems;
    await stopApi(api);

    printReport({
      settings,
      loaded,
      expected,
      repeats,
      memory,
      apiProblems,
      postgresVersion,
      rabbitVersion: brokerVersion(connection),
      batch: context.batch,
      brokerLocal: context.brokerPid !== undefined,
      loadAtStart,
      loadAtEnd: loadavg()[0],
      persona: PERSONA,
    });
  } finally {
    await cleanup.run();
  }
}

main().catch((error) => {
  say(error instanceof SettingError ? error.message : `bench:reprocess failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
});
