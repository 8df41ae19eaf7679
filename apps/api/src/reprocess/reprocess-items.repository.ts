import { Inject, Injectable } from '@nestjs/common';
import type { ItemState, ReprocessAction, RequestState, Route } from './reprocess.types.js';
import { Database, type Transaction } from '../database/database.js';

/** Which automations a runtime token names: `all` of its team, or a list (see tokens/runtime-token.ts). */
export interface RuntimeCoverage {
  team: string;
  automations: 'all' | readonly string[];
}

/** The slugs a token covers at this moment ($1 team, $2 all, $3 named): its team's automations, all or the named ones. */
const COVERED_NOW = `SELECT a.slug FROM automation a WHERE a.owner_team = $1 AND ($2::boolean OR a.slug = ANY($3::text[]))`;

function coverageParams(coverage: RuntimeCoverage): [string, boolean, string[]] {
  return [coverage.team, coverage.automations === 'all', coverage.automations === 'all' ? [] : [...coverage.automations]];
}

/** A command a runtime acknowledged. */
export interface AcknowledgedItem {
  request_id: string;
  dead_letter_id: string;
  reprocess_id: string;
  automation_slug: string;
}

export interface ClaimedItem {
  id: string;
  request_id: string;
  dead_letter_id: string;
  automation_slug: string;
  route: Route;
  reprocess_id: string;
  attempts: number;
  message_id: string;
  source_kind: string;
  source_queue: string;
  source_exchange: string | null;
  source_routing_key: string | null;
  /** The message's bytes as they came, with their content type and encoding. */
  body: Buffer;
  content_type: string | null;
  content_encoding: string | null;
  headers: Record<string, string>;
  correlation_id: string | null;
}

export interface ItemHistoryRow {
  request_id: string;
  action: ReprocessAction;
  request_state: RequestState;
  requested_by_name: string;
  reason: string;
  created_at: Date;
  route: Route;
  state: ItemState;
  reprocess_id: string;
  attempts: number;
  last_error: string | null;
  dispatched_at: Date | null;
  acknowledged_at: Date | null;
  finished_at: Date | null;
  new_dead_letter_id: string | null;
}

export interface SelectionGroupRow {
  automation_slug: string;
  error_class: string;
  count: number;
  sample_id: string;
  sample_message_id: string;
  sample_error: string;
}

export interface ItemErrorRow {
  dead_letter_id: string;
  automation_slug: string;
  message_id: string;
  state: ItemState;
  last_error: string;
  attempts: number;
}

export interface RetryItem {
  id: string;
  error: string;
  notBefore: Date;
}

/** A reprocess request's per-item ledger: dispatch claims and outcomes, progress and errors, the SDK's command pull, a dead letter's history. */
@Injectable()
export class ReprocessItemsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async progress(requestIds: readonly string[]): Promise<Map<string, Partial<Record<ItemState, number>>>> {
    const rows = await this.db.query<{ request_id: string; state: ItemState; count: number }>(
      `SELECT request_id::text AS request_id, state, count(*)::int AS count FROM reprocess_item WHERE request_id = ANY($1::bigint[]) GROUP BY request_id, state`,
      [[...requestIds]],
    );
    const result = new Map<string, Partial<Record<ItemState, number>>>();
    for (const row of rows) {
      result.set(row.request_id, { ...result.get(row.request_id), [row.state]: row.count });
    }
    return result;
  }

  /** A request's snapshot by automation and error (as each dead letter failed when it was taken), most first, each with its oldest dead letter as a sample. */
  selectionGroups(requestId: string, limit: number): Promise<SelectionGroupRow[]> {
    // The sample is read once per group shown, not carried through the grouping of every item.
    return this.db.query<SelectionGroupRow>(
      `WITH groups AS (
         SELECT i.automation_slug, d.error_class, count(*)::int AS count, min(d.id) AS sample_id
           FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id
          WHERE i.request_id = $1::bigint
          GROUP BY i.automation_slug, d.error_class, d.fingerprint
          ORDER BY count(*) DESC, min(d.id) LIMIT $2
       )
       SELECT g.automation_slug, g.error_class, g.count, g.sample_id::text AS sample_id, s.message_id AS sample_message_id, s.error_message AS sample_error
         FROM groups g JOIN dead_letter s ON s.id = g.sample_id
        ORDER BY g.count DESC, g.sample_id`,
      [requestId, limit],
    );
  }

  /** The latest items of a request that failed or are waiting to be tried again, with why. */
  itemErrors(requestId: string, limit: number): Promise<ItemErrorRow[]> {
    return this.db.query<ItemErrorRow>(
      `SELECT i.dead_letter_id::text AS dead_letter_id, i.automation_slug, d.message_id, i.state, i.last_error, i.attempts
         FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id
        WHERE i.request_id = $1::bigint AND i.last_error IS NOT NULL
        ORDER BY coalesce(i.finished_at, i.dispatched_at) DESC NULLS LAST, i.id DESC LIMIT $2`,
      [requestId, limit],
    );
  }

  // ── dispatch ────────────────────────────────────────────────────────────────

  /**
   * Claims a request's next items for one worker: first sends whose confirmation never came (the
   * lease ran out: their worker died), then queued items whose time has come (not those a canary holds). Claimed items are
   * `dispatched` with a lease before anything is sent — intent recorded first — and SKIP LOCKED
   * lets workers in several processes share a request without taking the same item.
   */
  claim(requestId: string, limit: number, leaseSeconds: number): Promise<ClaimedItem[]> {
    return this.db.query<ClaimedItem>(
      `WITH expired AS (
         SELECT id FROM reprocess_item WHERE request_id = $1::bigint AND state = 'dispatched' AND route <> 'sdk' AND lease_until < now()
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), due AS (
         SELECT id FROM reprocess_item WHERE request_id = $1::bigint AND state = 'queued' AND NOT held AND (not_before IS NULL OR not_before <= now())
          ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
       ), next AS (
         (SELECT id FROM expired) UNION ALL (SELECT id FROM due) LIMIT $2
       )
       , claimed AS (
       UPDATE reprocess_item i
          SET state = 'dispatched', attempts = CASE WHEN i.route = 'sdk' THEN i.attempts ELSE i.attempts + 1 END, dispatched_at = now(),
              lease_until = CASE WHEN i.route = 'sdk' THEN NULL ELSE now() + make_interval(secs => $3) END
         FROM next, dead_letter d
        WHERE i.id = next.id AND d.id = i.dead_letter_id
          AND EXISTS (SELECT 1 FROM reprocess_request r WHERE r.id = $1::bigint AND r.state = 'running')
        RETURNING i.id::text AS id, i.request_id::text AS request_id, i.dead_letter_id::text AS dead_letter_id, i.automation_slug, i.route,
                  i.reprocess_id::text AS reprocess_id, i.attempts, d.message_id, d.source_kind, d.source_queue, d.source_exchange,
                  d.source_routing_key, d.body, d.content_type, d.content_encoding, d.headers, d.correlation_id
       )
       SELECT * FROM claimed`,
      [requestId, limit, leaseSeconds],
    );
  }

  /**
   * The velocity limit, shared by every worker of a request in every process: reserves the time
   * `count` messages take at the request's rate and answers when this worker may send them.
   */
  async reserveSlot(requestId: string, count: number): Promise<Date | undefined> {
    const [row] = await this.db.query<{ slot: Date }>(
      `WITH current AS (SELECT id, greatest(next_slot_at, now()) AS slot FROM reprocess_request WHERE id = $1::bigint FOR UPDATE),
       reserved AS (
         UPDATE reprocess_request r SET next_slot_at = current.slot + make_interval(secs => $2::float8 / r.velocity)
           FROM current WHERE r.id = current.id RETURNING current.slot
       )
       SELECT slot FROM reserved`,
      [requestId, count],
    );
    return row?.slot;
  }

  /**
   * The transport confirmed these: their dead letters read reprocessed from now on, waiting for the
   * outcome (DEAD_LETTER_STATUS: their latest item is acknowledged). Only the ledger is written.
   */
  async acknowledge(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    // By primary key, one item at a time: the ledger's statistics, taken when the snapshot had every
    // item queued, would otherwise walk every open item of the request (reprocess_item_one_open_idx).
    await this.db.query(
      `UPDATE reprocess_item i SET state = 'acknowledged', acknowledged_at = now(), lease_until = NULL, last_error = NULL
         FROM unnest($1::bigint[]) AS x(id) WHERE i.id = x.id AND i.state = 'dispatched'`,
      [[...ids]],
    );
  }

  /** Not taken this time: back in the queue until `notBefore`. */
  async retryLater(items: readonly RetryItem[], countAttempt: boolean): Promise<void> {
    if (items.length === 0) {
      return;
    }
    await this.db.query(
      `UPDATE reprocess_item i SET state = 'queued', lease_until = NULL, not_before = x.not_before, last_error = x.error,
              attempts = CASE WHEN $4 THEN i.attempts ELSE greatest(i.attempts - 1, 0) END
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS x(id, error, not_before)
        WHERE i.id = x.id AND i.state = 'dispatched'`,
      [items.map((i) => i.id), items.map((i) => i.error.slice(0, 1000)), items.map((i) => i.notBefore), countAttempt],
    );
  }

  /** Could not be delivered: the item failed, and its dead letter waits again (it reads its stored status: DEAD_LETTER_STATUS). */
  async fail(items: readonly { id: string; error: string }[]): Promise<void> {
    if (items.length === 0) {
      return;
    }
    await this.db.query(
      `UPDATE reprocess_item i SET state = 'failed', finished_at = now(), lease_until = NULL, last_error = x.error
         FROM unnest($1::bigint[], $2::text[]) AS x(id, error) WHERE i.id = x.id AND i.state = 'dispatched'`,
      [items.map((i) => i.id), items.map((i) => i.error.slice(0, 1000))],
    );
  }

  /** Discards: the dead letters are set aside for good. */
  async discard(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.db.query(
      `WITH done AS (
         UPDATE reprocess_item SET state = 'succeeded', acknowledged_at = now(), finished_at = now(), lease_until = NULL
          WHERE id = ANY($1::bigint[]) AND state = 'dispatched' RETURNING dead_letter_id
       )
       UPDATE dead_letter d SET status = 'discarded' WHERE d.id = ANY (ARRAY(SELECT dead_letter_id FROM done))`,
      [[...ids]],
    );
  }

  /** What is left of a request: due now, waiting to be tried again, or sent and not yet confirmed (a canary's held rest is not due). */
  async remaining(requestId: string): Promise<{ due: number; later: Date | null; unconfirmed: number; offered: number }> {
    const [row] = await this.db.query<{ due: number; later: Date | null; unconfirmed: number; offered: number }>(
      `SELECT count(*) FILTER (WHERE state = 'queued' AND NOT held AND (not_before IS NULL OR not_before <= now()))::int AS due,
              min(not_before) FILTER (WHERE state = 'queued' AND not_before > now()) AS later,
              count(*) FILTER (WHERE state = 'dispatched' AND route <> 'sdk')::int AS unconfirmed,
              count(*) FILTER (WHERE state = 'dispatched' AND route = 'sdk')::int AS offered
         FROM reprocess_item WHERE request_id = $1::bigint AND state IN ('queued', 'dispatched')`,
      [requestId],
    );
    return row ?? { due: 0, later: null, unconfirmed: 0, offered: 0 };
  }

  // ── SDK pull ────────────────────────────────────────────────────────────────

  /**
   * Leases up to `max` offered commands to the runtime asking: of automations its token covers now
   * (owned by its team at this moment: the join is in the statement), and of `wanted` when given.
   */
  claimCommands(tx: Transaction, coverage: RuntimeCoverage, wanted: readonly string[] | undefined, max: number, leaseSeconds: number): Promise<ClaimedItem[]> {
    return this.db.query<ClaimedItem>(
      `WITH next AS (
         SELECT i.id FROM reprocess_item i
          WHERE i.route = 'sdk' AND i.state = 'dispatched' AND i.automation_slug = ANY (ARRAY(${COVERED_NOW}))
            AND ($4::text[] IS NULL OR i.automation_slug = ANY($4::text[])) AND (i.lease_until IS NULL OR i.lease_until < now())
            AND EXISTS (SELECT 1 FROM reprocess_request r WHERE r.id = i.request_id AND r.state IN ('running', 'done'))
          ORDER BY i.id LIMIT $5 FOR UPDATE OF i SKIP LOCKED
       )
       , leased AS (
       UPDATE reprocess_item i SET lease_until = now() + make_interval(secs => $6), attempts = i.attempts + 1
         FROM next, dead_letter d
        WHERE i.id = next.id AND d.id = i.dead_letter_id
        RETURNING i.id::text AS id, i.request_id::text AS request_id, i.dead_letter_id::text AS dead_letter_id, i.automation_slug, i.route,
                  i.reprocess_id::text AS reprocess_id, i.attempts, d.message_id, d.source_kind, d.source_queue, d.source_exchange,
                  d.source_routing_key, d.body, d.content_type, d.content_encoding, d.headers, d.correlation_id
       )
       SELECT * FROM leased`,
      [...coverageParams(coverage), wanted === undefined ? null : [...wanted], max, leaseSeconds],
      tx,
    );
  }

  /** The runtime has these commands in hand: those of automations its token covers now are acknowledged (their dead letters read reprocessed). */
  acknowledgeCommands(tx: Transaction, reprocessIds: readonly string[], coverage: RuntimeCoverage): Promise<AcknowledgedItem[]> {
    return this.db.query<AcknowledgedItem>(
      `WITH acked AS (
         UPDATE reprocess_item SET state = 'acknowledged', acknowledged_at = now(), lease_until = NULL
          WHERE reprocess_id = ANY($4::uuid[]) AND route = 'sdk' AND state = 'dispatched' AND automation_slug = ANY (ARRAY(${COVERED_NOW}))
          RETURNING request_id, dead_letter_id, reprocess_id, automation_slug
       )
       SELECT request_id::text AS request_id, dead_letter_id::text AS dead_letter_id, reprocess_id::text AS reprocess_id, automation_slug FROM acked`,
      [...coverageParams(coverage), [...reprocessIds]],
      tx,
    );
  }

  // ── history ───────────────────────────────────────────────────────

  itemsForDeadLetter(deadLetterId: string): Promise<ItemHistoryRow[]> {
    return this.db.query<ItemHistoryRow>(
      `SELECT r.id::text AS request_id, r.action, r.state AS request_state, r.requested_by_name, r.reason, r.created_at,
              i.route, i.state, i.reprocess_id::text AS reprocess_id, i.attempts, i.last_error, i.dispatched_at, i.acknowledged_at, i.finished_at,
              i.new_dead_letter_id::text AS new_dead_letter_id
         FROM reprocess_item i JOIN reprocess_request r ON r.id = i.request_id
        WHERE i.dead_letter_id = $1::bigint ORDER BY i.id DESC LIMIT 50`,
      [deadLetterId],
    );
  }
}
