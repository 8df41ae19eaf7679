// The two measured phases (ingest over HTTP, COPY into the same table) and the checks around them.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import copyStreams from 'pg-copy-streams';
import { devSession, post } from '../common/http-client.mjs';
import { RUN_COLUMNS, statusCounts } from './workload.mjs';

const MAX_RETRIES_PER_BATCH = 5;
const num = (value) => value.toLocaleString('en-US');

/** Dev sign-in as ada (admin), then a runtime token covering every automation of `team`. */
export async function createToken(baseUrl, team) {
  const ada = await devSession(baseUrl, 'ada');
  try {
    const { createRuntimeToken } = await ada.graphql(`mutation { createRuntimeToken(input: { name: "bench ${Date.now()}", team: "${team}" }) { secret } }`);
    return createRuntimeToken.secret;
  } finally {
    ada.close();
  }
}

/** One batch, retried (a bounded number of times) when the api asks the client to slow down with 429 or 503. */
async function postBatch(baseUrl, path, secret, agent, batch) {
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'content-encoding': 'gzip' };
  for (let retries = 0; ; retries += 1) {
    const response = await post(agent, baseUrl, path, headers, batch.body);
    if (response.status === 200) {
      return { answer: JSON.parse(response.body.toString('utf8')), retries };
    }
    if ((response.status === 429 || response.status === 503) && retries < MAX_RETRIES_PER_BATCH) {
      await sleep(Math.min(30, Number(response.headers['retry-after'] ?? 1) || 1) * 1000);
      continue;
    }
    throw new Error(`POST ${path} answered ${response.status}: ${response.body.toString('utf8').slice(0, 500)}`);
  }
}

/**
 * `clients` clients each take the next batch until none is left (keep-alive, one request in flight
 * each). The clock runs from the first request to the last answer.
 */
export async function ingestPhase({ baseUrl, path, secret, batches, clients }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const totals = { accepted: 0, duplicates: 0, quarantined: 0, forbidden: 0, retries: 0 };
  const reasons = new Set();
  const latencies = [];
  let next = 0;
  let failed = false;
  const client = async () => {
    while (!failed && next < batches.length) {
      const batch = batches[next];
      next += 1;
      const sent = performance.now();
      const { answer, retries } = await postBatch(baseUrl, path, secret, agent, batch).catch((error) => {
        failed = true;
        throw error;
      });
      latencies.push(performance.now() - sent);
      totals.retries += retries;
      for (const key of ['accepted', 'duplicates', 'quarantined', 'forbidden']) {
        totals[key] += answer[key];
      }
      for (const result of answer.results.filter((r) => r.outcome !== 'accepted').slice(0, 3)) {
        reasons.add(`${result.outcome}: ${result.reason ?? '(no reason)'}`);
      }
    }
  };
  const fromUs = Number(process.hrtime.bigint() / 1000n);
  const startedAt = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    seconds,
    sentEvents: batches.reduce((sum, b) => sum + b.events, 0),
    totals,
    reasons: [...reasons].slice(0, 5),
    latencies,
    window: { fromUs, toUs: Number(process.hrtime.bigint() / 1000n) },
  };
}

/**
 * Empties every table the ingest writes, directly or through the rollup triggers (minutes → hours →
 * sealed days; TRUNCATE fires no row trigger, so each is named), so that a repeat starts where the
 * first one did: with rows left over, a repeat's upserts would take the UPDATE path instead of the
 * INSERT path and do other work than the first repeat. The sealed-day mark stays.
 */
export async function resetTelemetry(db) {
  await db.query('DROP TABLE IF EXISTS bench_ingested_run');
  await db.query(
    `TRUNCATE run, run_step, run_rollup_minute, run_rollup_hour, run_rollup_day, run_latency_minute, run_latency_hour,
              automation_activity, ingest_event, quarantined_event, kpi_measurement`,
  );
}

/** What the ingest must have stored: every attempt once, counted and in the rollups, its start and end recorded; every event sent (`sent`) accepted. */
export async function verifyIngest(db, workload, sent, answered) {
  const expected = statusCounts(workload.rows);
  const attempts = workload.rows.length;
  const one = async (sql) => Object.values((await db.query(sql)).rows[0])[0];
  const { rows: byStatus } = await db.query(
    `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE counted)::int AS counted, count(*) FILTER (WHERE start_seen)::int AS started FROM run GROUP BY status`,
  );
  const rollups = await one(`SELECT coalesce(sum(succeeded + failed + retried + dead_lettered), 0)::int FROM run_rollup_minute`);
  // Run events are kept out twice by the run's key and phase: each attempt's start and end (reported apart or as one `run`) are recorded on its row.
  // Per automation and SLO latency threshold: the ended attempts and those within it, as the stored run rows make them.
  const latencyMismatches = await one(
    `SELECT count(*)::int FROM
       (SELECT automation_slug, threshold_ms, sum(runs)::int AS runs, sum(within)::int AS within FROM run_latency_minute GROUP BY 1, 2) l
       FULL JOIN (
         SELECT r.automation_slug, t.threshold_ms, count(*)::int AS runs, count(*) FILTER (WHERE coalesce(r.duration_ms, 0) <= t.threshold_ms)::int AS within
           FROM run r JOIN automation a ON a.slug = r.automation_slug CROSS JOIN LATERAL unnest(latency_thresholds_ms(a.slos)) AS t(threshold_ms)
          WHERE r.status <> 'running' GROUP BY 1, 2
       ) e USING (automation_slug, threshold_ms)
      WHERE l.runs IS DISTINCT FROM e.runs OR l.within IS DISTINCT FROM e.within`,
  );
  const eventIds = await one(`SELECT count(*)::int FROM ingest_event`);
  const quarantined = await one(`SELECT count(*)::int FROM quarantined_event`);
  const stored = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
  const rows = byStatus.reduce((sum, r) => sum + r.n, 0);
  const counted = byStatus.reduce((sum, r) => sum + r.counted, 0);
  const started = byStatus.reduce((sum, r) => sum + r.started, 0);
  const keys = counted + started;
  const problems = [];
  if (answered.accepted !== sent) {
    problems.push(
      `the api accepted ${answered.accepted} of ${sent} events (${answered.duplicates} duplicates, ${answered.quarantined} quarantined, ${answered.forbidden} forbidden)`,
    );
  }
  if (rows !== attempts || counted !== attempts) {
    problems.push(`table run holds ${rows} rows (${counted} counted), expected ${attempts}`);
  }
  for (const status of new Set([...Object.keys(expected), ...Object.keys(stored)])) {
    if ((stored[status] ?? 0) !== (expected[status] ?? 0)) {
      problems.push(`${stored[status] ?? 0} ${status} attempts stored, ${expected[status] ?? 0} sent`);
    }
  }
  if (rollups !== attempts) {
    problems.push(`the per-minute rollups count ${rollups} ended attempts, expected ${attempts}`);
  }
  if (latencyMismatches !== 0) {
    problems.push(`the per-minute latency counts disagree with the run rows for ${latencyMismatches} (automation, SLO threshold) pairs`);
  }
  if (keys !== workload.events.length) {
    problems.push(`${keys} phases (starts and ends) recorded on run rows, expected ${workload.events.length}`);
  }
  if (eventIds !== 0) {
    problems.push(`${eventIds} event ids stored for run events, expected none (run events are keyed by run and phase)`);
  }
  if (quarantined !== 0) {
    problems.push(`${quarantined} events quarantined`);
  }
  const split = Object.entries(stored)
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${num(n)} ${status}`)
    .join(', ');
  return {
    problems,
    summary: `${num(rows)} run rows (${split}), all counted; rollups count ${num(rollups)} attempts; latency counts agree; ${num(keys)} idempotency keys (run, attempt, phase); ${quarantined} quarantined`,
  };
}

/** CHECKPOINT, so that a phase does not pay for the dirty pages of the one before. Needs a superuser. */
export async function checkpoint(db) {
  try {
    await db.query('CHECKPOINT');
    return true;
  } catch {
    return false;
  }
}

/** Keeps what the ingest stored aside and empties `run` for the COPY. */
export async function setIngestedRowsAside(db) {
  await db.query(`CREATE TABLE bench_ingested_run AS SELECT ${RUN_COLUMNS.join(', ')} FROM run`);
  await db.query('TRUNCATE run');
}

/** One COPY of the rows on one connection, timed from its start to CommandComplete. */
export async function copyPhase(db, chunks) {
  const stream = db.query(copyStreams.from(`COPY run (${RUN_COLUMNS.join(', ')}) FROM STDIN`));
  const started = performance.now();
  await pipeline(Readable.from(chunks), stream);
  return { seconds: (performance.now() - started) / 1000, rows: stream.rowCount };
}

/** Whether the copied rows equal the ingested ones on every column the benchmark fills (as multisets). */
export async function sameRows(db) {
  const columns = RUN_COLUMNS.join(', ');
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM (SELECT ${columns} FROM run EXCEPT ALL SELECT ${columns} FROM bench_ingested_run) a)::int AS only_copied,
            (SELECT count(*) FROM (SELECT ${columns} FROM bench_ingested_run EXCEPT ALL SELECT ${columns} FROM run) b)::int AS only_ingested`,
  );
  const { only_copied: onlyCopied, only_ingested: onlyIngested } = rows[0];
  return onlyCopied === 0 && onlyIngested === 0 ? undefined : `${onlyCopied} rows only copied, ${onlyIngested} only ingested`;
}
