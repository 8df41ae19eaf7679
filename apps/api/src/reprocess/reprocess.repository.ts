import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { deadLetterConditions, statusCondition } from '../dead-letters/dead-letter-query.js';
import { ACTIONABLE_STATUSES, type ItemState, type ReprocessAction, type RequestState, type Route, type Selection } from './reprocess.types.js';

export interface RequestRow {
  id: string;
  action: ReprocessAction;
  state: RequestState;
  requested_by: string;
  requested_by_name: string;
  reason: string;
  selection: Selection;
  automations: string[];
  velocity: number;
  total: number;
  waiting_reason: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  /** Why the request waits (or waited) for a second person; empty when one person could start it. */
  approval_reasons: string[];
  decision: 'approved' | 'rejected' | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  /** Each automation's owner team and risk domains when the request was made (older requests: when this was first kept). */
  requested_automations: Record<string, AutomationAsRequested | undefined>;
  /** The request has a canary not decided yet (its check runs while the request does). */
  canary_open: boolean;
}

/** What separation of duties looks at in an automation: who owns it and which risk domains it touches. */
export interface AutomationAsRequested {
  ownerTeam: string;
  riskDomains: string[];
}

/** A request waiting for approval that was set aside. */
export interface SetAsideRow {
  id: string;
  automations: string[];
  requested_by: string;
  requested_by_name: string;
  owner_teams: string[];
}

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

/** Actionable dead letters of a selection, by automation and source. */
export interface SelectionPart {
  automation_slug: string;
  source_kind: string;
  owner_team: string;
  risk_domains: string[];
  runtime: RuntimeBinding | null;
  count: number;
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


export interface NewRequest {
  action: ReprocessAction;
  requestedBy: string;
  requestedByName: string;
  reason: string;
  selection: Selection;
  velocity: number;
  routes: readonly { automation: string; sourceKind: string; route: Route }[];
  /** The automations as they are when the request is made (see RequestRow.requested_automations). */
  automations: Readonly<Record<string, AutomationAsRequested>>;
}

export interface RetryItem {
  id: string;
  error: string;
  notBefore: Date;
}

const REQUEST_COLUMNS = `id::text AS id, action, state, requested_by, requested_by_name, reason, selection, automations, velocity, total, waiting_reason, created_at, updated_at, finished_at,
  approval_reasons, decision, decided_by, decided_by_name, decided_at, decision_note, requested_automations, (canary IS NOT NULL AND canary_decision IS NULL) AS canary_open`;

/** The SQL conditions (on alias `d`) for a selection; appends their parameters to `params`. */
function selectionConditions(selection: Selection, params: unknown[]): string[] {
  const actionable = statusCondition(ACTIONABLE_STATUSES, params);
  if (selection.kind === 'ids') {
    params.push(selection.ids);
    return [actionable, `d.id = ANY($${params.length}::bigint[])`];
  }
  return [actionable, ...deadLetterConditions(selection.filter, params)];
}

/** Reprocess requests and their per-item ledger. */
@Injectable()
export class ReprocessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** What a selection holds right now that can be acted on, by automation and source. */
  selectionParts(selection: Selection): Promise<SelectionPart[]> {
    const params: unknown[] = [];
    const where = selectionConditions(selection, params);
    return this.dataSource.query<SelectionPart[]>(
      `SELECT d.automation_slug, d.source_kind, a.owner_team, a.risk_domains, a.runtime, count(*)::int AS count
         FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug
        WHERE ${where.join(' AND ')}
        GROUP BY d.automation_slug, d.source_kind, a.owner_team, a.risk_domains, a.runtime
        ORDER BY d.automation_slug, d.source_kind`,
      params,
    );
  }

  /**
   * Snapshots a selection into a new request: every actionable dead letter it holds now becomes a
   * queued item (oldest failure first), with its route and its own idempotency key. Dead letters
   * already waiting in another request are left out.
   */
  async create(manager: EntityManager, request: NewRequest): Promise<{ id: string; total: number }> {
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total, requested_automations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) RETURNING id::text AS id`,
      [
        request.action,
        request.requestedBy,
        request.requestedByName,
        request.reason,
        JSON.stringify(request.selection),
        [...new Set(request.routes.map((r) => r.automation))],
        request.velocity,
        JSON.stringify(request.automations),
      ],
    );
    const id = (created as { id: string }).id;
    const params: unknown[] = [id, request.routes.map((r) => r.automation), request.routes.map((r) => r.sourceKind), request.routes.map((r) => r.route)];
    const where = selectionConditions(request.selection, params);
    const [counted] = await manager.query<{ total: number }[]>(
      `WITH items AS (
         INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route)
         SELECT $1::bigint, d.id, d.automation_slug, r.route
           FROM dead_letter d JOIN unnest($2::text[], $3::text[], $4::text[]) AS r(automation, kind, route) ON r.automation = d.automation_slug AND r.kind = d.source_kind
          WHERE ${where.join(' AND ')}
          ORDER BY d.last_failed_at, d.id
         ON CONFLICT DO NOTHING
         RETURNING dead_letter_id
       ), marked AS (
         UPDATE dead_letter d SET status = 'reprocessing' WHERE d.id = ANY (ARRAY(SELECT dead_letter_id FROM items)) AND d.status <> 'reprocessing' AND ${request.action === 'reprocess' ? 'true' : 'false'}
       )
       SELECT count(*)::int AS total FROM items`,
      params,
    );
    const total = counted?.total ?? 0;
    await manager.query(`UPDATE reprocess_request SET total = $2 WHERE id = $1`, [id, total]);
    return { id, total };
  }

  /**
   * Fresh planner statistics after a large snapshot: the ledger's queries must keep walking the
   * claim index (request, state, id) and the dead letters' primary key, not a stale guess.
   */
  async analyze(): Promise<void> {
    await this.dataSource.query(`ANALYZE reprocess_item`);
  }

  async request(id: string): Promise<RequestRow | undefined> {
    const [row] = await this.dataSource.query<RequestRow[]>(`SELECT ${REQUEST_COLUMNS} FROM reprocess_request WHERE id = $1::bigint`, [id]);
    return row;
  }

  /** Newest first; keyset on id. */
  requests(automation: string | undefined, limit: number, beforeId: string | undefined): Promise<RequestRow[]> {
    return this.dataSource.query<RequestRow[]>(
      `SELECT ${REQUEST_COLUMNS} FROM reprocess_request
        WHERE ($1::text IS NULL OR automations @> ARRAY[$1::text]) AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [automation ?? null, beforeId ?? null, limit],
    );
  }

  async runtimeOf(automation: string): Promise<RuntimeBinding | null> {
    const [row] = await this.dataSource.query<{ runtime: RuntimeBinding | null }[]>(`SELECT runtime FROM automation WHERE slug = $1`, [automation]);
    return row?.runtime ?? null;
  }

  async titles(slugs: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ slug: string; title: string }[]>(`SELECT slug, title FROM automation WHERE slug = ANY($1::text[])`, [[...slugs]]);
    return new Map(rows.map((r) => [r.slug, r.title]));
  }

  async owners(slugs: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ slug: string; owner_team: string }[]>(`SELECT slug, owner_team FROM automation WHERE slug = ANY($1::text[])`, [[...slugs]]);
    return new Map(rows.map((r) => [r.slug, r.owner_team]));
  }

  /** Each automation's owner team and the payload fields it marks sensitive: who reads what its runtimes answered in full. */
  async payloadPolicies(slugs: readonly string[]): Promise<Map<string, { ownerTeam: string; sensitiveFields: string[] }>> {
    const rows = await this.dataSource.query<{ slug: string; owner_team: string; fields: string[] | null }[]>(
      `SELECT slug, owner_team, ARRAY(SELECT jsonb_array_elements_text(coalesce(payload_policy -> 'sensitiveFields', '[]'::jsonb))) AS fields FROM automation WHERE slug = ANY($1::text[])`,
      [[...new Set(slugs)]],
    );
    return new Map(rows.map((row) => [row.slug, { ownerTeam: row.owner_team, sensitiveFields: row.fields ?? [] }]));
  }

  /** Each automation's owner team and risk domains now. */
  async automationsNow(slugs: readonly string[]): Promise<Map<string, AutomationAsRequested>> {
    const rows = await this.dataSource.query<{ slug: string; owner_team: string; risk_domains: string[] }[]>(`SELECT slug, owner_team, risk_domains FROM automation WHERE slug = ANY($1::text[])`, [[...slugs]]);
    return new Map(rows.map((r) => [r.slug, { ownerTeam: r.owner_team, riskDomains: r.risk_domains }]));
  }

  /**
   * Requests waiting for approval that act on `automation` (or the one with `id`) end cancelled
   * with Roundhouse's rejection and `note`, as a rejection would; their unsent items are
   * cancelled by the caller (cancelUnsent). Answers the requests set aside.
   */
  setAsideWaiting(manager: EntityManager, which: { automation: string } | { id: string }, note: string, by: { id: string; name: string }): Promise<SetAsideRow[]> {
    const [condition, value] = 'id' in which ? ['id = $1::bigint', which.id] : ['automations @> ARRAY[$1::text]', which.automation];
    return manager.query<SetAsideRow[]>(
      `WITH set_aside AS (
         UPDATE reprocess_request
            SET state = 'cancelled', finished_at = now(), updated_at = now(), decision = 'rejected', decided_by = $3, decided_by_name = $4, decided_at = now(), decision_note = $2
          WHERE ${condition} AND state = 'awaiting_approval'
          RETURNING id::text AS id, automations, requested_by, requested_by_name,
                    ARRAY(SELECT DISTINCT e.value ->> 'ownerTeam' FROM jsonb_each(requested_automations) e WHERE e.value ->> 'ownerTeam' IS NOT NULL) AS owner_teams
       )
       SELECT * FROM set_aside ORDER BY id::bigint`,
      [value, note, by.id, by.name],
    );
  }

  /** A request just snapshotted waits for a second person's approval instead of running, for these reasons. */
  async holdForApproval(manager: EntityManager, id: string, reasons: readonly string[]): Promise<void> {
    await manager.query(`UPDATE reprocess_request SET state = 'awaiting_approval', approval_reasons = $2 WHERE id = $1::bigint`, [id, [...reasons]]);
  }

  /** Requests waiting for a second person's approval, oldest first. */
  awaitingApproval(): Promise<RequestRow[]> {
    return this.dataSource.query<RequestRow[]>(`SELECT ${REQUEST_COLUMNS} FROM reprocess_request WHERE state = 'awaiting_approval' ORDER BY id`);
  }

  /**
   * Records a second person's decision on a request waiting for approval and moves it on (to
   * running when approved, cancelled when rejected); undefined when it was not waiting.
   */
  async decide(manager: EntityManager, id: string, decision: { decision: 'approved' | 'rejected'; by: { id: string; name: string }; note: string | null }): Promise<RequestRow | undefined> {
    const [row] = await manager.query<RequestRow[]>(
      `WITH decided AS (
         UPDATE reprocess_request
            SET state = CASE WHEN $2 = 'approved' THEN 'running' ELSE 'cancelled' END,
                finished_at = CASE WHEN $2 = 'approved' THEN NULL ELSE now() END,
                decision = $2, decided_by = $3, decided_by_name = $4, decided_at = now(), decision_note = $5, updated_at = now()
          WHERE id = $1::bigint AND state = 'awaiting_approval' RETURNING ${REQUEST_COLUMNS}
       )
       SELECT * FROM decided`,
      [id, decision.decision, decision.by.id, decision.by.name, decision.note],
    );
    return row;
  }

  /** Running requests, each with whether its canary is still to be decided. */
  runningRequests(): Promise<{ id: string; canary_open: boolean }[]> {
    return this.dataSource.query(`SELECT id::text AS id, (canary IS NOT NULL AND canary_decision IS NULL) AS canary_open FROM reprocess_request WHERE state = 'running' ORDER BY id`);
  }

  /** Moves a request from one of `from` to `to`; undefined when it was in none of them. */
  async transition(manager: EntityManager, id: string, from: readonly RequestState[], to: RequestState): Promise<RequestRow | undefined> {
    const [row] = await manager.query<RequestRow[]>(
      `WITH moved AS (
         UPDATE reprocess_request SET state = $3, updated_at = now(), waiting_reason = NULL,
                finished_at = CASE WHEN $3 IN ('done', 'cancelled') THEN now() ELSE finished_at END
          WHERE id = $1::bigint AND state = ANY($2::text[]) RETURNING ${REQUEST_COLUMNS}
       )
       SELECT * FROM moved`,
      [id, [...from], to],
    );
    return row;
  }

  /** Items not sent yet are cancelled, and their dead letters wait again. */
  async cancelUnsent(manager: EntityManager, requestId: string): Promise<number> {
    const [row] = await manager.query<{ cancelled: number }[]>(
      `WITH cancelled AS (
         UPDATE reprocess_item SET state = 'cancelled', finished_at = now(), lease_until = NULL
          WHERE request_id = $1::bigint AND (state = 'queued' OR (state = 'dispatched' AND route = 'sdk' AND (lease_until IS NULL OR lease_until < now())))
          RETURNING dead_letter_id
       ), restored AS (
         UPDATE dead_letter d SET status = 'pending' WHERE d.id = ANY (ARRAY(SELECT dead_letter_id FROM cancelled)) AND d.status = 'reprocessing'
       )
       SELECT count(*)::int AS cancelled FROM cancelled`,
      [requestId],
    );
    return row?.cancelled ?? 0;
  }

  async progress(requestIds: readonly string[]): Promise<Map<string, Partial<Record<ItemState, number>>>> {
    const rows = await this.dataSource.query<{ request_id: string; state: ItemState; count: number }[]>(
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
    return this.dataSource.query<SelectionGroupRow[]>(
      `SELECT i.automation_slug, d.error_class, count(*)::int AS count,
              (array_agg(d.id::text ORDER BY d.id))[1] AS sample_id,
              (array_agg(d.message_id ORDER BY d.id))[1] AS sample_message_id,
              (array_agg(d.error_message ORDER BY d.id))[1] AS sample_error
         FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id
        WHERE i.request_id = $1::bigint
        GROUP BY i.automation_slug, d.error_class, d.fingerprint
        ORDER BY count(*) DESC, min(d.id) LIMIT $2`,
      [requestId, limit],
    );
  }

  /** The latest items of a request that failed or are waiting to be tried again, with why. */
  itemErrors(requestId: string, limit: number): Promise<ItemErrorRow[]> {
    return this.dataSource.query<ItemErrorRow[]>(
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
    return this.dataSource.query<ClaimedItem[]>(
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
    const [row] = await this.dataSource.query<{ slot: Date }[]>(
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
   * outcome (DEAD_LETTER_STATUS: no unsent item holds them). Only the ledger is written.
   */
  async acknowledge(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    // By primary key, one item at a time: the ledger's statistics, taken when the snapshot had every
    // item queued, would otherwise walk every open item of the request (reprocess_item_one_open_idx).
    await this.dataSource.query(
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
    await this.dataSource.query(
      `UPDATE reprocess_item i SET state = 'queued', lease_until = NULL, not_before = x.not_before, last_error = x.error,
              attempts = CASE WHEN $4 THEN i.attempts ELSE greatest(i.attempts - 1, 0) END
         FROM unnest($1::bigint[], $2::text[], $3::timestamptz[]) AS x(id, error, not_before)
        WHERE i.id = x.id AND i.state = 'dispatched'`,
      [items.map((i) => i.id), items.map((i) => i.error.slice(0, 1000)), items.map((i) => i.notBefore), countAttempt],
    );
  }

  /** Could not be delivered: the item failed, and its dead letter waits again. */
  async fail(items: readonly { id: string; error: string }[]): Promise<void> {
    if (items.length === 0) {
      return;
    }
    await this.dataSource.query(
      `WITH failed AS (
         UPDATE reprocess_item i SET state = 'failed', finished_at = now(), lease_until = NULL, last_error = x.error
           FROM unnest($1::bigint[], $2::text[]) AS x(id, error) WHERE i.id = x.id AND i.state = 'dispatched'
         RETURNING i.dead_letter_id
       )
       UPDATE dead_letter d SET status = 'pending' WHERE d.id = ANY (ARRAY(SELECT dead_letter_id FROM failed)) AND d.status = 'reprocessing'`,
      [items.map((i) => i.id), items.map((i) => i.error.slice(0, 1000))],
    );
  }

  /** Discards: the dead letters are set aside for good. */
  async discard(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.dataSource.query(
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
    const [row] = await this.dataSource.query<{ due: number; later: Date | null; unconfirmed: number; offered: number }[]>(
      `SELECT count(*) FILTER (WHERE state = 'queued' AND NOT held AND (not_before IS NULL OR not_before <= now()))::int AS due,
              min(not_before) FILTER (WHERE state = 'queued' AND not_before > now()) AS later,
              count(*) FILTER (WHERE state = 'dispatched' AND route <> 'sdk')::int AS unconfirmed,
              count(*) FILTER (WHERE state = 'dispatched' AND route = 'sdk')::int AS offered
         FROM reprocess_item WHERE request_id = $1::bigint AND state IN ('queued', 'dispatched')`,
      [requestId],
    );
    return row ?? { due: 0, later: null, unconfirmed: 0, offered: 0 };
  }

  setWaiting(requestId: string, reason: string | null): Promise<unknown> {
    return this.dataSource.query(`UPDATE reprocess_request SET waiting_reason = $2, updated_at = now() WHERE id = $1::bigint AND waiting_reason IS DISTINCT FROM $2`, [requestId, reason]);
  }

  /** Marks a running request done once nothing is left to send or to be picked up. */
  async finishIfDone(manager: EntityManager, requestId: string): Promise<RequestRow | undefined> {
    const [row] = await manager.query<RequestRow[]>(
      `WITH finished AS (
         UPDATE reprocess_request r SET state = 'done', finished_at = now(), updated_at = now(), waiting_reason = NULL
          WHERE r.id = $1::bigint AND r.state = 'running'
            AND NOT EXISTS (SELECT 1 FROM reprocess_item i WHERE i.request_id = r.id AND i.state IN ('queued', 'dispatched'))
          RETURNING ${REQUEST_COLUMNS}
       )
       SELECT * FROM finished`,
      [requestId],
    );
    return row;
  }

  // ── SDK pull ────────────────────────────────────────────────────────────────

  /**
   * Leases up to `max` offered commands to the runtime asking: of automations its token covers now
   * (owned by its team at this moment: the join is in the statement), and of `wanted` when given.
   */
  claimCommands(manager: EntityManager, coverage: RuntimeCoverage, wanted: readonly string[] | undefined, max: number, leaseSeconds: number): Promise<ClaimedItem[]> {
    return manager.query<ClaimedItem[]>(
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
    );
  }

  /** The runtime has these commands in hand: those of automations its token covers now are acknowledged (their dead letters read reprocessed). */
  acknowledgeCommands(manager: EntityManager, reprocessIds: readonly string[], coverage: RuntimeCoverage): Promise<AcknowledgedItem[]> {
    return manager.query<AcknowledgedItem[]>(
      `WITH acked AS (
         UPDATE reprocess_item SET state = 'acknowledged', acknowledged_at = now(), lease_until = NULL
          WHERE reprocess_id = ANY($4::uuid[]) AND route = 'sdk' AND state = 'dispatched' AND automation_slug = ANY (ARRAY(${COVERED_NOW}))
          RETURNING request_id, dead_letter_id, reprocess_id, automation_slug
       )
       SELECT request_id::text AS request_id, dead_letter_id::text AS dead_letter_id, reprocess_id::text AS reprocess_id, automation_slug FROM acked`,
      [...coverageParams(coverage), [...reprocessIds]],
    );
  }

  // ── history ───────────────────────────────────────────────────────

  itemsForDeadLetter(deadLetterId: string): Promise<ItemHistoryRow[]> {
    return this.dataSource.query<ItemHistoryRow[]>(
      `SELECT r.id::text AS request_id, r.action, r.state AS request_state, r.requested_by_name, r.reason, r.created_at,
              i.route, i.state, i.reprocess_id::text AS reprocess_id, i.attempts, i.last_error, i.dispatched_at, i.acknowledged_at, i.finished_at,
              i.new_dead_letter_id::text AS new_dead_letter_id
         FROM reprocess_item i JOIN reprocess_request r ON r.id = i.request_id
        WHERE i.dead_letter_id = $1::bigint ORDER BY i.id DESC LIMIT 50`,
      [deadLetterId],
    );
  }
}
