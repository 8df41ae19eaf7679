import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { deadLetterConditions, statusCondition } from '../dead-letters/index.js';
import { ACTIONABLE_STATUSES, ERROR_GROUPS, type ReprocessAction, type RequestState, type Route, type Selection } from './reprocess.types.js';
import { Database, type Transaction } from '../database/database.js';
import type { SelectionGroupRow } from './reprocess-items.repository.js';

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

/** Actionable dead letters of a selection, by automation and source. */
export interface SelectionPart {
  automation_slug: string;
  source_kind: string;
  owner_team: string;
  risk_domains: string[];
  runtime: RuntimeBinding | null;
  count: number;
}

/** Dead letters of a selection that may be actionable, by automation and source, read from their stored status only (see candidates). */
export type SelectionCandidate = Omit<SelectionPart, 'count'>;

/** A request just snapshotted: what it took, by automation and source, and by automation and error (the first groups, most first). */
export interface Snapshot {
  id: string;
  total: number;
  /** What the snapshot took, by automation and source; a candidate it took nothing of is not here. */
  taken: { automation_slug: string; source_kind: string; count: number }[];
  /** The snapshot by automation and error, as selectionGroups answers it for the request (same order, same samples). */
  groups: SelectionGroupRow[];
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

const REQUEST_COLUMNS = `id::text AS id, action, state, requested_by, requested_by_name, reason, selection, automations, velocity, total, waiting_reason, created_at, updated_at, finished_at,
  approval_reasons, decision, decided_by, decided_by_name, decided_at, decision_note, requested_automations, (canary IS NOT NULL AND canary_decision IS NULL) AS canary_open`;

/**
 * The SQL conditions (on alias `d`) for a selection; appends their parameters to `params`. For the
 * snapshot (`taken: 'open item'`) "can be acted on" looks at the stored status only: the dead
 * letters it reads as reprocessing (an open item holds them) are exactly those the insert leaves
 * out by its own condition on reprocess_item_one_open_idx, so the ledger is not probed twice per row.
 */
function selectionConditions(selection: Selection, params: unknown[], taken: 'filter' | 'open item' = 'filter'): string[] {
  let actionable: string;
  if (taken === 'filter') {
    actionable = statusCondition(ACTIONABLE_STATUSES, params);
  } else {
    params.push([...ACTIONABLE_STATUSES]);
    actionable = `d.status = ANY ($${params.length}::text[])`;
  }
  if (selection.kind === 'ids') {
    params.push(selection.ids);
    return [actionable, `d.id = ANY($${params.length}::bigint[])`];
  }
  return [actionable, ...deadLetterConditions(selection.filter, params)];
}

/** Reprocess requests through their lifecycle: snapshot, approval, state changes, cancelling, finishing. */
@Injectable()
export class ReprocessRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** What a selection holds right now that can be acted on, by automation and source. */
  selectionParts(selection: Selection): Promise<SelectionPart[]> {
    const params: unknown[] = [];
    const where = selectionConditions(selection, params);
    return this.db.query<SelectionPart>(
      `SELECT d.automation_slug, d.source_kind, a.owner_team, a.risk_domains, a.runtime, count(*)::int AS count
         FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug
        WHERE ${where.join(' AND ')}
        GROUP BY d.automation_slug, d.source_kind, a.owner_team, a.risk_domains, a.runtime
        ORDER BY d.automation_slug, d.source_kind`,
      params,
    );
  }

  /**
   * The automations and sources a selection's actionable dead letters may be of, from their stored
   * status only (the snapshot's own reading, selectionConditions 'open item'): every part
   * selectionParts answers, and those whose every dead letter already waits in another request,
   * without probing the ledger for each dead letter. The snapshot takes what is not waiting.
   */
  candidates(selection: Selection): Promise<SelectionCandidate[]> {
    const params: unknown[] = [];
    const where = selectionConditions(selection, params, 'open item');
    return this.db.query<SelectionCandidate>(
      `SELECT d.automation_slug, d.source_kind, a.owner_team, a.risk_domains, a.runtime
         FROM (SELECT DISTINCT d.automation_slug, d.source_kind FROM dead_letter d WHERE ${where.join(' AND ')}) d
         JOIN automation a ON a.slug = d.automation_slug
        ORDER BY d.automation_slug, d.source_kind`,
      params,
    );
  }

  /**
   * Whether the selection holds a dead letter of `automations` that can be acted on by its stored
   * status: after a snapshot that took nothing, whether what it holds is all waiting in another
   * request (true) or nothing is actionable at all (false).
   */
  async holdsActionable(tx: Transaction, selection: Selection, automations: readonly string[]): Promise<boolean> {
    const params: unknown[] = [[...automations]];
    const where = selectionConditions(selection, params, 'open item');
    const [row] = await this.db.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM dead_letter d WHERE d.automation_slug = ANY($1::text[]) AND ${where.join(' AND ')}) AS found`,
      params,
      tx,
    );
    return row?.found === true;
  }

  /**
   * Snapshots a selection into a new request: every actionable dead letter it holds now becomes a
   * queued item (oldest failure first), with its route and its own idempotency key. Dead letters
   * already waiting in another request are left out. Only the ledger is written: the dead letters
   * read `reprocessing` from their new items (DEAD_LETTER_STATUS).
   *
   * Snapshots of one automation take turns on an advisory lock held to the end of `tx`, so the
   * insert leaves out what an open item holds with a plain condition: no speculative insertion
   * (`ON CONFLICT`: every row checked against each unique index, locked and confirmed apart), and
   * reprocess_item_one_open_idx still refuses a second open item should anything else write one.
   */
  async create(tx: Transaction, request: NewRequest): Promise<Snapshot> {
    const automations = [...new Set(request.routes.map((r) => r.automation))].sort();
    // Snapshots of the same automation take turns (in one order, so two never wait for each other):
    // each one's statement sees the items of the one before it, and leaves the dead letters they hold.
    for (const automation of automations) {
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('roundhouse:snapshot:' || $1))`, [automation], tx);
    }
    const [created] = await this.db.query<{ id: string }>(
      `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total, requested_automations)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8) RETURNING id::text AS id`,
      [
        request.action,
        request.requestedBy,
        request.requestedByName,
        request.reason,
        JSON.stringify(request.selection),
        automations,
        request.velocity,
        JSON.stringify(request.automations),
      ],
      tx,
    );
    const id = (created as { id: string }).id;
    const params: unknown[] = [id, request.routes.map((r) => r.automation), request.routes.map((r) => r.sourceKind), request.routes.map((r) => r.route)];
    const where = selectionConditions(request.selection, params, 'open item');
    // The items are inserted oldest failure first: a sort of every selected row, in memory. The same
    // statement answers what it took by automation and source, and by automation and error with the
    // first groups' samples (the request's answer), from the rows it selected: no second read of them.
    // Its items' reprocess ids come from one random key and their dead letter (each taken once), not
    // a fresh random UUID each (KeyReprocessIdsPerSnapshot); every selected row is inserted, so the
    // total is the selection's count.
    await this.db.query(`SET LOCAL work_mem = '64MB'`, [], tx);
    params.push(ERROR_GROUPS);
    const [snapshot] = await this.db.query<Omit<Snapshot, 'id'>>(
      `WITH selected AS MATERIALIZED (
         SELECT d.id, d.automation_slug, r.kind, r.route, d.error_class, d.fingerprint, d.last_failed_at
           FROM dead_letter d JOIN unnest($2::text[], $3::text[], $4::text[]) AS r(automation, kind, route) ON r.automation = d.automation_slug AND r.kind = d.source_kind
          WHERE ${where.join(' AND ')}
            AND NOT EXISTS (SELECT 1 FROM reprocess_item i WHERE i.dead_letter_id = d.id AND i.state IN ('queued', 'dispatched'))
       ), key AS MATERIALIZED (
         SELECT uuid_send(gen_random_uuid()) AS key
       ), items AS (
         INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route, reprocess_id)
         SELECT $1::bigint, s.id, s.automation_slug, s.route, roundhouse_uuid_v7(k.key, s.id) FROM selected s CROSS JOIN key k ORDER BY s.last_failed_at, s.id
       ), groups AS (
         SELECT s.automation_slug, s.error_class, count(*)::int AS count, min(s.id) AS sample_id
           FROM selected s GROUP BY s.automation_slug, s.error_class, s.fingerprint
          ORDER BY count(*) DESC, min(s.id) LIMIT $${params.length}
       )
       SELECT (SELECT count(*) FROM selected)::int AS total,
              (SELECT coalesce(json_agg(t ORDER BY t.automation_slug, t.source_kind), '[]')
                 FROM (SELECT s.automation_slug, s.kind AS source_kind, count(*)::int AS count FROM selected s GROUP BY s.automation_slug, s.kind) t) AS taken,
              (SELECT coalesce(json_agg(json_build_object('automation_slug', g.automation_slug, 'error_class', g.error_class, 'count', g.count, 'sample_id', g.sample_id::text,
                                                          'sample_message_id', x.message_id, 'sample_error', x.error_message) ORDER BY g.count DESC, g.sample_id), '[]')
                 FROM groups g JOIN dead_letter x ON x.id = g.sample_id) AS groups`,
      params,
      tx,
    );
    const total = snapshot?.total ?? 0;
    const taken = snapshot?.taken ?? [];
    // The request acts on the automations it took dead letters of (not on one whose every dead letter was already waiting).
    const automationsTaken = [...new Set(taken.map((t) => t.automation_slug))].sort();
    await this.db.query(
      `UPDATE reprocess_request SET total = $2, automations = $3, requested_automations = $4 WHERE id = $1`,
      [id, total, automationsTaken, JSON.stringify(Object.fromEntries(automationsTaken.map((slug) => [slug, request.automations[slug]])))],
      tx,
    );
    return { id, total, taken, groups: snapshot?.groups ?? [] };
  }

  /**
   * Fresh planner statistics after a large snapshot (the dispatch job, before its first claim): the
   * ledger's queries must keep walking the claim index (request, state, id) and the dead letters'
   * primary key, not a stale guess.
   */
  async analyze(): Promise<void> {
    await this.db.query(`ANALYZE reprocess_item`);
  }

  async request(id: string): Promise<RequestRow | undefined> {
    const [row] = await this.db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM reprocess_request WHERE id = $1::bigint`, [id]);
    return row;
  }

  /** Newest first; keyset on id. */
  requests(automation: string | undefined, limit: number, beforeId: string | undefined): Promise<RequestRow[]> {
    return this.db.query<RequestRow>(
      `SELECT ${REQUEST_COLUMNS} FROM reprocess_request
        WHERE ($1::text IS NULL OR automations @> ARRAY[$1::text]) AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [automation ?? null, beforeId ?? null, limit],
    );
  }

  async runtimeOf(automation: string): Promise<RuntimeBinding | null> {
    const [row] = await this.db.query<{ runtime: RuntimeBinding | null }>(`SELECT runtime FROM automation WHERE slug = $1`, [automation]);
    return row?.runtime ?? null;
  }

  async titles(slugs: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ slug: string; title: string }>(`SELECT slug, title FROM automation WHERE slug = ANY($1::text[])`, [[...slugs]]);
    return new Map(rows.map((r) => [r.slug, r.title]));
  }

  async owners(slugs: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.db.query<{ slug: string; owner_team: string }>(`SELECT slug, owner_team FROM automation WHERE slug = ANY($1::text[])`, [[...slugs]]);
    return new Map(rows.map((r) => [r.slug, r.owner_team]));
  }

  /** Each automation's owner team and the payload fields it marks sensitive: who reads what its runtimes answered in full. */
  async payloadPolicies(slugs: readonly string[]): Promise<Map<string, { ownerTeam: string; sensitiveFields: string[] }>> {
    const rows = await this.db.query<{ slug: string; owner_team: string; fields: string[] | null }>(
      `SELECT slug, owner_team, ARRAY(SELECT jsonb_array_elements_text(coalesce(payload_policy -> 'sensitiveFields', '[]'::jsonb))) AS fields FROM automation WHERE slug = ANY($1::text[])`,
      [[...new Set(slugs)]],
    );
    return new Map(rows.map((row) => [row.slug, { ownerTeam: row.owner_team, sensitiveFields: row.fields ?? [] }]));
  }

  /** Each automation's owner team and risk domains now. */
  async automationsNow(slugs: readonly string[]): Promise<Map<string, AutomationAsRequested>> {
    const rows = await this.db.query<{ slug: string; owner_team: string; risk_domains: string[] }>(
      `SELECT slug, owner_team, risk_domains FROM automation WHERE slug = ANY($1::text[])`,
      [[...slugs]],
    );
    return new Map(rows.map((r) => [r.slug, { ownerTeam: r.owner_team, riskDomains: r.risk_domains }]));
  }

  /**
   * Requests waiting for approval that act on `automation` (or the one with `id`) end cancelled
   * with Roundhouse's rejection and `note`, as a rejection would; their unsent items are
   * cancelled by the caller (cancelUnsent). Answers the requests set aside.
   */
  setAsideWaiting(tx: Transaction, which: { automation: string } | { id: string }, note: string, by: { id: string; name: string }): Promise<SetAsideRow[]> {
    const [condition, value] = 'id' in which ? ['id = $1::bigint', which.id] : ['automations @> ARRAY[$1::text]', which.automation];
    return this.db.query<SetAsideRow>(
      `WITH set_aside AS (
         UPDATE reprocess_request
            SET state = 'cancelled', finished_at = now(), updated_at = now(), decision = 'rejected', decided_by = $3, decided_by_name = $4, decided_at = now(), decision_note = $2
          WHERE ${condition} AND state = 'awaiting_approval'
          RETURNING id::text AS id, automations, requested_by, requested_by_name,
                    ARRAY(SELECT DISTINCT e.value ->> 'ownerTeam' FROM jsonb_each(requested_automations) e WHERE e.value ->> 'ownerTeam' IS NOT NULL) AS owner_teams
       )
       SELECT * FROM set_aside ORDER BY id::bigint`,
      [value, note, by.id, by.name],
      tx,
    );
  }

  /** A request just snapshotted waits for a second person's approval instead of running, for these reasons. */
  async holdForApproval(tx: Transaction, id: string, reasons: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE reprocess_request SET state = 'awaiting_approval', approval_reasons = $2 WHERE id = $1::bigint`, [id, [...reasons]], tx);
  }

  /** Requests waiting for a second person's approval, oldest first. */
  awaitingApproval(): Promise<RequestRow[]> {
    return this.db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM reprocess_request WHERE state = 'awaiting_approval' ORDER BY id`);
  }

  /**
   * Records a second person's decision on a request waiting for approval and moves it on (to
   * running when approved, cancelled when rejected); undefined when it was not waiting.
   */
  async decide(
    tx: Transaction,
    id: string,
    decision: { decision: 'approved' | 'rejected'; by: { id: string; name: string }; note: string | null },
  ): Promise<RequestRow | undefined> {
    const [row] = await this.db.query<RequestRow>(
      `WITH decided AS (
         UPDATE reprocess_request
            SET state = CASE WHEN $2 = 'approved' THEN 'running' ELSE 'cancelled' END,
                finished_at = CASE WHEN $2 = 'approved' THEN NULL ELSE now() END,
                decision = $2, decided_by = $3, decided_by_name = $4, decided_at = now(), decision_note = $5, updated_at = now()
          WHERE id = $1::bigint AND state = 'awaiting_approval' RETURNING ${REQUEST_COLUMNS}
       )
       SELECT * FROM decided`,
      [id, decision.decision, decision.by.id, decision.by.name, decision.note],
      tx,
    );
    return row;
  }

  /** Running requests, each with whether its canary is still to be decided. */
  runningRequests(): Promise<{ id: string; canary_open: boolean }[]> {
    return this.db.query(`SELECT id::text AS id, (canary IS NOT NULL AND canary_decision IS NULL) AS canary_open FROM reprocess_request WHERE state = 'running' ORDER BY id`);
  }

  /** Moves a request from one of `from` to `to`; undefined when it was in none of them. */
  async transition(tx: Transaction, id: string, from: readonly RequestState[], to: RequestState): Promise<RequestRow | undefined> {
    const [row] = await this.db.query<RequestRow>(
      `WITH moved AS (
         UPDATE reprocess_request SET state = $3, updated_at = now(), waiting_reason = NULL,
                finished_at = CASE WHEN $3 IN ('done', 'cancelled') THEN now() ELSE finished_at END
          WHERE id = $1::bigint AND state = ANY($2::text[]) RETURNING ${REQUEST_COLUMNS}
       )
       SELECT * FROM moved`,
      [id, [...from], to],
      tx,
    );
    return row;
  }

  /** Items not sent yet are cancelled, and their dead letters wait again (they read their stored status: DEAD_LETTER_STATUS). */
  async cancelUnsent(tx: Transaction, requestId: string): Promise<number> {
    const [row] = await this.db.query<{ cancelled: number }>(
      `WITH cancelled AS (
         UPDATE reprocess_item SET state = 'cancelled', finished_at = now(), lease_until = NULL
          WHERE request_id = $1::bigint AND (state = 'queued' OR (state = 'dispatched' AND route = 'sdk' AND (lease_until IS NULL OR lease_until < now())))
          RETURNING 1
       )
       SELECT count(*)::int AS cancelled FROM cancelled`,
      [requestId],
      tx,
    );
    return row?.cancelled ?? 0;
  }

  setWaiting(requestId: string, reason: string | null): Promise<unknown> {
    return this.db.query(`UPDATE reprocess_request SET waiting_reason = $2, updated_at = now() WHERE id = $1::bigint AND waiting_reason IS DISTINCT FROM $2`, [requestId, reason]);
  }

  /** Marks a running request done once nothing is left to send or to be picked up. */
  async finishIfDone(tx: Transaction, requestId: string): Promise<RequestRow | undefined> {
    const [row] = await this.db.query<RequestRow>(
      `WITH finished AS (
         UPDATE reprocess_request r SET state = 'done', finished_at = now(), updated_at = now(), waiting_reason = NULL
          WHERE r.id = $1::bigint AND r.state = 'running'
            AND NOT EXISTS (SELECT 1 FROM reprocess_item i WHERE i.request_id = r.id AND i.state IN ('queued', 'dispatched'))
          RETURNING ${REQUEST_COLUMNS}
       )
       SELECT * FROM finished`,
      [requestId],
      tx,
    );
    return row;
  }
}
