// The product's side: talking to the api (dev sign-in, GraphQL, the ingest endpoint), seeding the
// dead letters the way a runtime reports them, one reprocess request timed from the mutation's
// answer to `done`, and what the ledger says about where that time went.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { devSession, post } from '../common/http-client.mjs';

const MAX_RETRIES_PER_BATCH = 5;
const POLL_MS = 100;

/** Signs in as a dev persona; answers a GraphQL caller with that session, over keep-alive connections. */
export function signIn(baseUrl, persona) {
  return devSession(baseUrl, persona, { maxSockets: 4 });
}

/**
 * Seeds the dead letters as a runtime (the collector) reports them: a runtime token for `team`
 * (as ada, admin) with the dead_letters capability, then `clients` concurrent clients POSTing the
 * gzip'd batches to the ingest endpoint. A 429, 503 or 500 is retried after Retry-After or a second (a few times).
 */
export async function seed({ baseUrl, path, team, batches, clients }) {
  const ada = await signIn(baseUrl, 'ada');
  const { createRuntimeToken } = await ada.graphql(
    `mutation { createRuntimeToken(input: { name: "bench-reprocess ${Date.now()}", team: "${team}", capabilities: [ingest, dead_letters] }) { secret } }`,
  );
  ada.close();
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const headers = { authorization: `Bearer ${createRuntimeToken.secret}`, 'content-encoding': 'gzip' };
  const totals = { accepted: 0, duplicates: 0, quarantined: 0, forbidden: 0 };
  const reasons = new Set();
  let next = 0;
  const client = async () => {
    while (next < batches.length) {
      const batch = batches[next];
      next += 1;
      for (let retries = 0; ; retries += 1) {
        const res = await post(agent, baseUrl, path, headers, batch.body);
        if (res.status === 200) {
          const answer = JSON.parse(res.body.toString('utf8'));
          for (const key of Object.keys(totals)) {
            totals[key] += answer[key];
          }
          for (const result of answer.results.filter((r) => r.outcome !== 'accepted').slice(0, 3)) {
            reasons.add(`${result.outcome}: ${result.reason ?? '(no reason)'}`);
          }
          break;
        }
        // The ingest is idempotent by event id, so a batch that failed on the server (a statement timeout on a busy machine) is sent again whole.
        if ((res.status === 429 || res.status === 503 || res.status === 500) && retries < MAX_RETRIES_PER_BATCH) {
          await sleep(Math.min(30, Number(res.headers['retry-after'] ?? 1) || 1) * 1000);
          continue;
        }
        throw new Error(`POST ${path} answered ${res.status}: ${res.body.toString('utf8').slice(0, 500)}`);
      }
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, client));
  } finally {
    agent.destroy();
  }
  return { seconds: (performance.now() - started) / 1000, totals, reasons: [...reasons] };
}

const START = `mutation Start($input: StartReprocessInput!) { startReprocess(input: $input) { id total state velocity } }`;

/**
 * One reprocess request of every actionable dead letter of `automation`, at `velocity`, as `client`
 * (signed in). The clock runs from the mutation's answer to the moment the api marked the request
 * done (`reprocess_request.finished_at`, read by polling every 100 ms; same machine, same clock).
 * The mutation itself (the snapshot of every item into the ledger) is timed on its own. Each poll
 * also samples what the api's connections are doing in PostgreSQL.
 */
export async function reprocess({ db, client, automation, velocity, expected, reason, timeoutSeconds, api }) {
  const sent = performance.now();
  const { startReprocess: request } = await client.graphql(START, {
    input: { action: 'reprocess', reason, velocity, expectedCount: expected, selection: { filter: { automation } } },
  });
  const answeredAt = Date.now();
  const answered = performance.now();
  if (request.total !== expected) {
    throw new Error(`the request snapshot ${request.total} dead letters, expected ${expected}`);
  }
  const until = answered + timeoutSeconds * 1000;
  const statements = { samples: 0, busy: {} };
  let row;
  for (;;) {
    [row] = (
      await db.query(`SELECT state, waiting_reason, (extract(epoch FROM finished_at) * 1000)::float8 AS finished_ms FROM reprocess_request WHERE id = $1`, [request.id])
    ).rows;
    if (row.state !== 'running' || api.exited) {
      break;
    }
    await sampleStatements(db, statements);
    if (performance.now() > until) {
      const progress = await ledgerCounts(db, request.id);
      throw new Error(`request ${request.id} was not done within ${timeoutSeconds} s (${JSON.stringify(progress)}; waiting reason: ${row.waiting_reason ?? 'none'})`);
    }
    await sleep(POLL_MS);
  }
  if (row.state !== 'done') {
    throw new Error(`request ${request.id} ended ${api.exited ? 'with the api gone' : row.state}; waiting reason: ${row.waiting_reason ?? 'none'}`);
  }
  return {
    id: request.id,
    mutationSeconds: (answered - sent) / 1000,
    seconds: (row.finished_ms - answeredAt) / 1000,
    answeredAt,
    statements,
  };
}

/** What the api's statements are, by the ledger step they belong to (the text of reprocess.repository.ts). */
const STEPS = [
  ['claim', /WITH expired AS/],
  ['slot reservation', /WITH current AS/],
  ['acknowledge', /WITH acked AS/],
  ['finish checks', /WITH finished AS|FILTER \(WHERE state = 'queued'/],
  ['pg-boss', /pgboss\./],
];

/**
 * One sample of what the other connections to the bench database are doing in PostgreSQL: each
 * running statement counted under its step (an open transaction between statements as "in a
 * transaction, between statements"). Summed over the samples, busy[step] ÷ samples is the average
 * number of connections on that step.
 */
async function sampleStatements(db, statements) {
  const { rows } = await db.query(
    `SELECT state, query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
  );
  statements.samples += 1;
  for (const { state, query } of rows) {
    const step = state === 'active' ? (STEPS.find(([, pattern]) => pattern.test(query))?.[0] ?? 'other') : 'in a transaction, between statements';
    statements.busy[step] = (statements.busy[step] ?? 0) + 1;
  }
}

/** Items of a request by state. */
export async function ledgerCounts(db, requestId) {
  const { rows } = await db.query(`SELECT state, count(*)::int AS n FROM reprocess_item WHERE request_id = $1 GROUP BY state`, [requestId]);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * Where the time went, from the ledger's own timestamps: each claim (one UPDATE … RETURNING, one
 * `dispatched_at` for all its items) and when the statement recording its confirms began
 * (`acknowledged_at`, that statement's now()). Times in ms relative to the mutation's answer.
 */
export async function timeline(db, requestId, answeredAt) {
  const { rows } = await db.query(
    `SELECT (extract(epoch FROM dispatched_at) * 1000)::float8 AS claimed, count(*)::int AS items,
            (extract(epoch FROM max(acknowledged_at)) * 1000)::float8 AS acked, max(attempts)::int AS attempts
       FROM reprocess_item WHERE request_id = $1 GROUP BY dispatched_at ORDER BY dispatched_at`,
    [requestId],
  );
  const [request] = (await db.query(`SELECT (extract(epoch FROM finished_at) * 1000)::float8 AS finished FROM reprocess_request WHERE id = $1`, [requestId])).rows;
  const claims = rows.map((r) => ({ items: r.items, claimedMs: r.claimed - answeredAt, ackedMs: r.acked - answeredAt, attempts: r.attempts }));
  return {
    claims,
    firstClaimMs: claims[0]?.claimedMs,
    lastAckMs: Math.max(...claims.map((c) => c.ackedMs)),
    finishedMs: request.finished - answeredAt,
    resent: claims.filter((c) => c.attempts > 1).reduce((s, c) => s + c.items, 0),
  };
}

/** The reprocess ids the ledger gave these messages in this request, by message id. */
export async function reprocessIds(db, requestId, messageIds) {
  const { rows } = await db.query(
    `SELECT d.message_id, i.reprocess_id::text AS reprocess_id FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id
      WHERE i.request_id = $1 AND d.message_id = ANY($2::text[])`,
    [requestId, messageIds],
  );
  return new Map(rows.map((r) => [r.message_id, r.reprocess_id]));
}

/** Puts the dead letters back as they were before the first request (pending, analyzed as such), so that every repeat starts alike. */
export async function resetLedger(db) {
  await db.query('TRUNCATE reprocess_item, reprocess_request');
  await db.query(`UPDATE dead_letter SET status = 'pending' WHERE status <> 'pending'`);
  await db.query('VACUUM (ANALYZE) dead_letter');
}
