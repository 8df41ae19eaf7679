// The reprocess ledger behind the dead letters, written as the api writes it: a request row, then its
// items in one INSERT … SELECT ordered oldest failure first (the snapshot of
// apps/api/src/reprocess/reprocess.repository.ts `create`), so the ledger-link triggers check the
// parents once per statement, as they do for the api. The dead letters are not touched when a request
// takes them (their status reads `reprocessing` from the open item); a run that succeeded stores
// `resolved` on its dead letter (recordReprocessRuns in dead-letter-ingest.repository.ts), an
// acknowledged item leaves the stored status as it was (it reads `reprocessed`).
import { AUTOMATIONS } from './dataset.mjs';

const DAY = 86_400_000;
/** reprocess.types.ts ACTIONABLE_STATUSES: what a snapshot takes. */
const ACTIONABLE = ['pending', 'failed_again', 'reprocessed'];

async function newRequest(db, { state, reason, selection, createdAt, finishedAt }) {
  const { rows } = await db.query(
    `INSERT INTO reprocess_request (action, state, requested_by, requested_by_name, reason, selection, automations, velocity, total, created_at, updated_at, finished_at)
     VALUES ('reprocess', $1, 'otto', 'Otto Operator', $2, $3, $4, 500, 0, $5::timestamptz, coalesce($6::timestamptz, $5::timestamptz), $6::timestamptz) RETURNING id::text AS id`,
    [state, reason, JSON.stringify(selection), Object.keys(AUTOMATIONS).sort(), createdAt, finishedAt ?? null],
  );
  return rows[0].id;
}

/**
 * A finished request over a tenth of the older dead letters (last failure over 7 days ago, actionable,
 * id a multiple of 10): four in five items succeeded (their dead letters stored `resolved`), one in five
 * acknowledged with no outcome reported (stored status unchanged, reads `reprocessed`).
 */
export async function seedFinishedRequest(db, now) {
  const before = new Date(now - 7 * DAY);
  const sentAt = new Date(now - 7 * DAY + 3_600_000);
  const id = await newRequest(db, {
    state: 'done',
    reason: 'bench: replay after the NetSuite outage',
    selection: { kind: 'filter', filter: { to: before.toISOString() } },
    createdAt: before,
    finishedAt: sentAt,
  });
  const [items] = (
    await db.query(
      `WITH items AS (
         INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route, state, attempts, dispatched_at, acknowledged_at, finished_at)
         SELECT $1::bigint, d.id, d.automation_slug, d.source_kind, CASE WHEN d.id % 50 = 0 THEN 'acknowledged' ELSE 'succeeded' END, 1, $3, $3,
                CASE WHEN d.id % 50 = 0 THEN NULL ELSE $3::timestamptz END
           FROM dead_letter d
          WHERE d.status = ANY ($4::text[]) AND d.last_failed_at < $2 AND d.id % 10 = 0
          ORDER BY d.last_failed_at, d.id
         RETURNING state
       )
       SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'acknowledged')::int AS acknowledged FROM items`,
      [id, before, sentAt, ACTIONABLE],
    )
  ).rows;
  const resolved = await db.query(
    `UPDATE dead_letter d SET status = 'resolved' FROM reprocess_item i WHERE i.request_id = $1::bigint AND i.state = 'succeeded' AND d.id = i.dead_letter_id`,
    [id],
  );
  await db.query(`UPDATE reprocess_request SET total = $2 WHERE id = $1::bigint`, [id, items.total]);
  return { id, total: items.total, acknowledged: items.acknowledged, resolved: resolved.rowCount };
}

/**
 * An open request (running, nothing sent yet) holding the newest `held` pending dead letters: the
 * snapshot's insert with its own condition (no open item already holds the dead letter), then
 * ANALYZE reprocess_item as the api does after a large snapshot (ReprocessRepository.analyze).
 */
export async function holdNewest(db, held, now) {
  const id = await newRequest(db, {
    state: 'running',
    reason: 'bench: replay the latest pending after the fix',
    selection: { kind: 'filter', filter: { status: 'pending' } },
    createdAt: new Date(now),
  });
  const [items] = (
    await db.query(
      `WITH items AS (
         INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route)
         SELECT $1::bigint, n.id, n.automation_slug, n.source_kind
           FROM (SELECT d.id, d.automation_slug, d.source_kind, d.last_failed_at FROM dead_letter d
                  WHERE d.status = 'pending' AND NOT EXISTS (SELECT 1 FROM reprocess_item i WHERE i.dead_letter_id = d.id AND i.state IN ('queued', 'dispatched'))
                  ORDER BY d.last_failed_at DESC, d.id DESC LIMIT $2) n
          ORDER BY n.last_failed_at, n.id
         RETURNING 1
       )
       SELECT count(*)::int AS total FROM items`,
      [id, held],
    )
  ).rows;
  await db.query(`UPDATE reprocess_request SET total = $2 WHERE id = $1::bigint`, [id, items.total]);
  await db.query('ANALYZE reprocess_item');
  return { id, total: items.total };
}
