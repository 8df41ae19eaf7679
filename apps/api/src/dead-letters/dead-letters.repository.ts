import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetterStatus, DeadLetterV1 } from '@roundhouse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { searchQuery } from '../automations/automations.repository.js';
import { errorFingerprint, normalizeErrorMessage } from './fingerprint.js';
import { reportedBody } from './message-body.js';

export interface DeadLetterRow {
  id: string;
  automation_slug: string;
  automation_title: string;
  source_kind: string;
  source_queue: string;
  message_id: string;
  fingerprint: string;
  error_class: string;
  error_message: string;
  attempts: number;
  deliveries: number;
  first_failed_at: Date;
  last_failed_at: Date;
  /** last_failed_at to the microsecond, for cursors (a JavaScript Date keeps only milliseconds). */
  last_failed_key: string;
  status: DeadLetterStatus;
  correlation_id: string | null;
  run_id: string | null;
  /** The message's bytes as they came, with their content type and encoding. */
  body: Buffer;
  content_type: string | null;
  content_encoding: string | null;
  headers: Record<string, string>;
  reprocess_of: string | null;
  /** The errors it failed with before its latest one, oldest first. */
  earlier_errors: EarlierError[];
}

/** An error a dead letter failed with before it failed again differently. */
export interface EarlierError {
  errorClass: string;
  errorMessage: string;
  /** When the next error replaced it (ISO). */
  until: string;
}

/** Statuses that wait for a decision: what the workbench's "needs action" view, the dashboard's "waiting" and the SLOs count. */
export const WAITING_STATUSES = ['pending', 'failed_again'] as const;

export interface GroupRow {
  fingerprint: string;
  automation_slug: string;
  automation_title: string;
  error_class: string;
  normalized_message: string;
  sample_message: string;
  source_kind: string;
  source_queue: string;
  total: number;
  pending: number;
  matching: number;
  first_seen: Date;
  last_seen: Date;
  trend: number[];
}

export interface DeadLetterQuery {
  automation?: string;
  fingerprint?: string;
  status?: DeadLetterStatus;
  /** Pending or failed again: waiting for a decision. */
  needsAction?: boolean;
  /** Only dead letters of automations these teams own. */
  teams?: readonly string[];
  /** Dead letters a reprocess request sent back, each as it stands now: the new dead letter when it failed again as a new message. */
  reprocessRequest?: string;
  from?: Date;
  to?: Date;
  search?: string;
}

/** A dead letter seen again with an error, reported at `at`. */
interface NewError {
  id: string;
  automation: string;
  sourceKind: string;
  sourceQueue: string;
  errorClass: string;
  errorMessage: string;
  at: Date | string;
}

/** A dead letter joining the group of `fingerprint`. */
interface GroupEntry {
  fingerprint: string;
  automation: string;
  sourceKind: string;
  sourceQueue: string;
  errorClass: string;
  errorMessage: string;
  at: Date | string;
}

export interface DeadLetterPosition {
  /** ISO timestamp to the microsecond. */
  lastFailedAt: string;
  id: string;
}

const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/**
 * The dead letter (alias `d`) waits in a reprocess request that has not sent it yet: one probe of
 * reprocess_item_one_open_idx per row. Written as a scalar subquery, not EXISTS, which PostgreSQL may
 * turn into one hash of every open item of every request (a page then reads a running request's
 * 100,000 items instead of 50 index entries).
 */
const IN_OPEN_REQUEST = `(SELECT true FROM reprocess_item i WHERE i.dead_letter_id = d.id AND i.state IN ('queued', 'dispatched') LIMIT 1) IS NOT NULL`;

/**
 * A dead letter's status (alias `d`) as everyone reads it. A request marks its dead letters
 * `reprocessing` when it takes them and records sending in its own ledger only, so that a request's
 * per-batch path never rewrites a dead letter (and every index on the table): a dead letter stored
 * `reprocessing` that no unsent item holds any more was sent back, and reads `reprocessed` until its
 * outcome (resolved, failed again) is stored.
 */
export const DEAD_LETTER_STATUS = `CASE WHEN d.status = 'reprocessing' AND NOT ${IN_OPEN_REQUEST} THEN 'reprocessed' ELSE d.status END`;

/**
 * The SQL condition (alias `d`) that a dead letter's status, as read (DEAD_LETTER_STATUS), is one of
 * `statuses`; appends its parameter to `params`.
 */
export function statusCondition(statuses: readonly DeadLetterStatus[], params: unknown[]): string {
  const stored = statuses.filter((status) => status !== 'reprocessing');
  params.push(stored.length === 1 ? stored[0] : stored);
  const parts = [stored.length === 1 ? `d.status = $${params.length}` : `d.status = ANY ($${params.length}::text[])`];
  const sent = statuses.includes('reprocessed');
  const waiting = statuses.includes('reprocessing');
  if (sent || waiting) {
    parts.push(sent && waiting ? `d.status = 'reprocessing'` : `d.status = 'reprocessing' AND ${sent ? 'NOT ' : ''}${IN_OPEN_REQUEST}`);
  }
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`;
}

const COLUMNS = `d.id::text AS id, d.automation_slug, a.title AS automation_title, d.source_kind, d.source_queue, d.message_id,
  d.fingerprint, d.error_class, d.error_message, d.attempts, d.deliveries, d.first_failed_at, d.last_failed_at, to_char(d.last_failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_failed_key, ${DEAD_LETTER_STATUS} AS status,
  d.correlation_id, d.run_id, d.body, d.content_type, d.content_encoding, d.headers, d.reprocess_of::text AS reprocess_of, d.earlier_errors`;

const SELECT = `SELECT ${COLUMNS} FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug`;

/**
 * The SQL conditions (on alias `d`) for a workbench filter; appends their parameters to `params`.
 * The reprocess snapshot uses the same conditions, so "everything matching this filter" means
 * exactly what the list shows.
 */
export function deadLetterConditions(query: DeadLetterQuery, params: unknown[]): string[] {
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.automation !== undefined) {
    add('d.automation_slug = ?', query.automation);
  }
  if (query.fingerprint !== undefined) {
    add('d.fingerprint = ?', query.fingerprint);
  }
  if (query.status !== undefined) {
    where.push(statusCondition([query.status], params));
  }
  if (query.teams !== undefined) {
    add('d.automation_slug IN (SELECT t.slug FROM automation t WHERE t.owner_team = ANY (?::text[]))', [...query.teams]);
  }
  if (query.needsAction === true) {
    add('d.status = ANY (?::text[])', [...WAITING_STATUSES]);
  }
  if (query.reprocessRequest !== undefined) {
    add('EXISTS (SELECT 1 FROM reprocess_item i WHERE i.request_id = ?::bigint AND coalesce(i.new_dead_letter_id, i.dead_letter_id) = d.id)', /^\d{1,18}$/.test(query.reprocessRequest) ? query.reprocessRequest : '0');
  }
  if (query.from !== undefined) {
    add('d.last_failed_at >= ?', query.from);
  }
  if (query.to !== undefined) {
    add('d.last_failed_at < ?', query.to);
  }
  const tsquery = query.search === undefined ? undefined : searchQuery(query.search);
  if (tsquery !== undefined) {
    // The stored searchable text (error class and message, written at ingest and when the error changes).
    add(`d.search @@ to_tsquery('simple', ?)`, tsquery);
  }
  return where;
}

@Injectable()
export class DeadLettersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores dead letters reported at ingest, inside its transaction. A message seen before (same
   * automation, queue and message id) is one dead letter seen again; new ones count into their group.
   */
  async store(manager: EntityManager, events: readonly DeadLetterV1[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    // One row per message; several deliveries of it in one batch count as that many deliveries.
    const byMessage = new Map<string, { event: DeadLetterV1; deliveries: number }>();
    for (const event of events) {
      const key = JSON.stringify([event.automation, event.source.queue, event.messageId]);
      byMessage.set(key, { event, deliveries: (byMessage.get(key)?.deliveries ?? 0) + 1 });
    }
    const merged = [...byMessage.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, value]) => value);
    const rows = merged.map((m) => m.event);
    const messages = rows.map(reportedBody);
    const fingerprints = rows.map((e) => errorFingerprint({ automation: e.automation, sourceKind: e.source.kind, sourceQueue: e.source.queue, errorClass: e.errorClass, errorMessage: e.errorMessage }));
    const inserted = await manager.query<{ id: string; fingerprint: string; status: DeadLetterStatus; inserted: boolean }[]>(
      `INSERT INTO dead_letter AS d (automation_slug, source_kind, source_queue, source_exchange, source_routing_key, message_id, fingerprint,
          error_class, error_message, attempts, first_failed_at, last_failed_at, body, content_type, content_encoding, headers, correlation_id, run_id, deliveries)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
          $10::int[], $11::timestamptz[], $12::timestamptz[], $13::bytea[], $14::text[], $15::text[], $16::jsonb[], $17::text[], $18::text[], $19::int[])
       ON CONFLICT ON CONSTRAINT dead_letter_message_unique DO UPDATE SET
         deliveries = d.deliveries + EXCLUDED.deliveries,
         attempts = greatest(d.attempts, EXCLUDED.attempts),
         last_failed_at = greatest(d.last_failed_at, EXCLUDED.last_failed_at),
         status = CASE WHEN d.status IN ('reprocessed', 'resolved', 'reprocessing') THEN 'failed_again' ELSE d.status END
       RETURNING id::text AS id, fingerprint, status, (xmax = 0) AS inserted`,
      [
        rows.map((e) => e.automation),
        rows.map((e) => e.source.kind),
        rows.map((e) => e.source.queue),
        rows.map((e) => e.source.exchange ?? null),
        rows.map((e) => e.source.routingKey ?? null),
        rows.map((e) => e.messageId),
        fingerprints,
        rows.map((e) => e.errorClass),
        rows.map((e) => e.errorMessage),
        rows.map((e) => e.attempts),
        rows.map((e) => e.firstFailedAt ?? e.occurredAt),
        rows.map((e) => e.occurredAt),
        messages.map((m) => m.body.bytes),
        messages.map((m) => m.body.contentType),
        messages.map((m) => m.body.contentEncoding),
        messages.map((m) => JSON.stringify(m.headers)),
        rows.map((e) => e.correlationId ?? null),
        rows.map((e) => e.runId ?? null),
        merged.map((m) => m.deliveries),
      ],
    );
    await this.closeFailedReprocesses(manager, rows, inserted);
    const fresh: GroupEntry[] = [];
    const seenAgain: NewError[] = [];
    inserted.forEach((row, index) => {
      const event = rows[index];
      if (event === undefined) {
        return;
      }
      const entry = { automation: event.automation, sourceKind: event.source.kind, sourceQueue: event.source.queue, errorClass: event.errorClass, errorMessage: event.errorMessage, at: event.occurredAt };
      if (row.inserted) {
        fresh.push({ ...entry, fingerprint: row.fingerprint });
      } else {
        seenAgain.push({ ...entry, id: row.id });
      }
    });
    await this.countIntoGroups(manager, fresh);
    await this.recordNewErrors(manager, seenAgain);
  }

  /**
   * A dead letter seen again with another error now reads its newest one: a message that failed again
   * after a reprocess moves to the group of the error it failed with this time (counted into it), and
   * the error it had is kept in its earlier errors. An older report arriving late changes nothing.
   */
  private async recordNewErrors(manager: EntityManager, errors: readonly NewError[]): Promise<void> {
    if (errors.length === 0) {
      return;
    }
    const fingerprints = errors.map((e) => errorFingerprint(e));
    const moved = await manager.query<{ fingerprint: string; automation_slug: string; source_kind: string; source_queue: string; error_class: string; error_message: string; at: Date }[]>(
      `WITH x AS (
         SELECT u.id, u.fingerprint, u.error_class, u.error_message, u.at, d.fingerprint AS was
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS u(id, fingerprint, error_class, error_message, at)
           JOIN dead_letter d ON d.id = u.id
       ), moved AS (
       UPDATE dead_letter d SET
         fingerprint = x.fingerprint,
         error_class = x.error_class,
         error_message = x.error_message,
         last_failed_at = greatest(d.last_failed_at, x.at),
         earlier_errors = CASE WHEN x.was = x.fingerprint THEN d.earlier_errors
           ELSE d.earlier_errors || jsonb_build_array(jsonb_build_object('errorClass', d.error_class, 'errorMessage', d.error_message, 'until', x.at)) END
         FROM x
        WHERE d.id = x.id AND x.at >= d.last_failed_at AND (d.error_class, d.error_message) IS DISTINCT FROM (x.error_class, x.error_message)
       RETURNING CASE WHEN x.was <> x.fingerprint THEN d.fingerprint END AS fingerprint, d.automation_slug, d.source_kind, d.source_queue, d.error_class, d.error_message, x.at
       )
       SELECT * FROM moved`,
      [errors.map((e) => e.id), fingerprints, errors.map((e) => e.errorClass), errors.map((e) => e.errorMessage), errors.map((e) => e.at)],
    );
    await this.countIntoGroups(
      manager,
      moved
        .filter((row) => row.fingerprint !== null)
        .map((row) => ({
          fingerprint: row.fingerprint,
          automation: row.automation_slug,
          sourceKind: row.source_kind,
          sourceQueue: row.source_queue,
          errorClass: row.error_class,
          errorMessage: row.error_message,
          at: row.at,
        })),
    );
  }

  /** Counts dead letters that joined groups (new ones, or ones that moved to their new error) into them, creating groups first seen. */
  private async countIntoGroups(manager: EntityManager, entries: readonly GroupEntry[]): Promise<void> {
    const byFingerprint = new Map<string, { entry: GroupEntry; count: number }>();
    for (const entry of entries) {
      byFingerprint.set(entry.fingerprint, { entry, count: (byFingerprint.get(entry.fingerprint)?.count ?? 0) + 1 });
    }
    if (byFingerprint.size === 0) {
      return;
    }
    const groups = [...byFingerprint.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
    await manager.query(
      `INSERT INTO dead_letter_group AS g (fingerprint, automation_slug, error_class, normalized_message, sample_message, source_kind, source_queue, total, first_seen, last_seen)
       SELECT f, a, c, n, m, k, q, t, s, s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::timestamptz[]) AS x(f, a, c, n, m, k, q, t, s)
       ON CONFLICT (fingerprint) DO UPDATE SET
         total = g.total + EXCLUDED.total,
         first_seen = least(g.first_seen, EXCLUDED.first_seen),
         last_seen = greatest(g.last_seen, EXCLUDED.last_seen),
         sample_message = EXCLUDED.sample_message`,
      [
        groups.map((g) => g.entry.fingerprint),
        groups.map((g) => g.entry.automation),
        groups.map((g) => g.entry.errorClass),
        groups.map((g) => normalizeErrorMessage(g.entry.errorMessage)),
        groups.map((g) => g.entry.errorMessage),
        groups.map((g) => g.entry.sourceKind),
        groups.map((g) => g.entry.sourceQueue),
        groups.map((g) => g.count),
        groups.map((g) => g.entry.at),
      ],
    );
  }

  /**
   * A reprocessed message that fails again closes its ledger item as failed: either it comes back
   * as the same dead letter (same message id: a broker redelivery), or the runtime reports a new
   * dead letter carrying the reprocess id — then the new one links to the one it failed again from
   * and is the one that failed again (waiting, under its own error); the old one was reprocessed and
   * is not counted twice.
   */
  private async closeFailedReprocesses(
    manager: EntityManager,
    events: readonly DeadLetterV1[],
    stored: readonly { id: string; status: DeadLetterStatus; inserted: boolean }[],
  ): Promise<void> {
    const keyed = events
      .map((event, index) => ({ reprocessId: event.reprocessId, id: stored[index]?.id }))
      .filter((k): k is { reprocessId: string; id: string } => k.id !== undefined && k.reprocessId !== undefined && UUID.test(k.reprocessId));
    const cameBack = stored.filter((row) => !row.inserted && row.status === 'failed_again').map((row) => row.id);
    if (keyed.length === 0 && cameBack.length === 0) {
      return;
    }
    await manager.query(
      `WITH failed AS (
         SELECT i.id AS item_id, i.dead_letter_id AS old_id, x.new_id
           FROM unnest($1::uuid[], $2::bigint[]) AS x(reprocess_id, new_id) JOIN reprocess_item i ON i.reprocess_id = x.reprocess_id
         UNION
         SELECT i.id, i.dead_letter_id, i.dead_letter_id
           FROM reprocess_item i WHERE i.dead_letter_id = ANY($3::bigint[]) AND i.state IN ('dispatched', 'acknowledged')
       ), closed AS (
         UPDATE reprocess_item i SET state = 'failed', finished_at = now(), new_dead_letter_id = f.new_id, last_error = 'failed again'
           FROM failed f WHERE i.id = f.item_id AND i.state IN ('dispatched', 'acknowledged')
         RETURNING f.old_id, f.new_id
       ), old AS (
         UPDATE dead_letter d SET status = 'reprocessed' WHERE d.id = ANY (ARRAY(SELECT old_id FROM closed WHERE old_id <> new_id)) AND d.status IN ('reprocessing', 'reprocessed', 'failed_again')
       )
       UPDATE dead_letter d SET reprocess_of = c.old_id, status = 'failed_again' FROM closed c WHERE d.id = c.new_id AND c.old_id <> c.new_id AND d.id = ANY (ARRAY(SELECT new_id FROM closed))`,
      [keyed.map((k) => k.reprocessId), keyed.map((k) => k.id), cameBack],
    );
  }

  /**
   * Runs that handled a reprocessed message close its ledger item: a success resolves the dead
   * letter; a run that gave up without parking the message again marks it failed again, under the
   * error the run failed with.
   */
  async recordReprocessRuns(manager: EntityManager, succeeded: readonly string[], gaveUp: readonly { reprocessId: string; errorClass: string; errorMessage: string }[]): Promise<void> {
    const ok = succeeded.filter((id) => UUID.test(id));
    const failed = gaveUp.filter((f) => UUID.test(f.reprocessId));
    if (ok.length === 0 && failed.length === 0) {
      return;
    }
    const closed = await manager.query<{ id: string; automation_slug: string; source_kind: string; source_queue: string; reprocess_id: string; ok: boolean }[]>(
      `WITH outcome AS (
         SELECT x.reprocess_id, x.ok, x.error FROM unnest($1::uuid[], $2::boolean[], $3::text[]) AS x(reprocess_id, ok, error)
       ), done AS (
         UPDATE reprocess_item i SET state = CASE WHEN o.ok THEN 'succeeded' ELSE 'failed' END, finished_at = now(), last_error = o.error
           FROM outcome o WHERE i.reprocess_id = o.reprocess_id AND i.state IN ('dispatched', 'acknowledged')
         RETURNING i.dead_letter_id, i.reprocess_id, o.ok
       ), closed AS (
         UPDATE dead_letter d SET status = CASE WHEN done.ok THEN 'resolved' ELSE 'failed_again' END
           FROM done WHERE d.id = done.dead_letter_id AND d.id = ANY (ARRAY(SELECT dead_letter_id FROM done)) AND d.status IN ('reprocessing', 'reprocessed', 'failed_again')
         RETURNING d.id::text AS id, d.automation_slug, d.source_kind, d.source_queue, done.reprocess_id::text AS reprocess_id, done.ok
       )
       SELECT * FROM closed`,
      [
        [...ok, ...failed.map((f) => f.reprocessId)],
        [...ok.map(() => true), ...failed.map(() => false)],
        [...ok.map(() => null), ...failed.map((f) => `${f.errorClass}: ${f.errorMessage}`.slice(0, 1000))],
      ],
    );
    const errors = new Map(failed.map((f) => [f.reprocessId.toLowerCase(), f]));
    const at = new Date();
    await this.recordNewErrors(
      manager,
      closed.flatMap((row) => {
        const error = row.ok ? undefined : errors.get(row.reprocess_id);
        return error === undefined
          ? []
          : [{ id: row.id, automation: row.automation_slug, sourceKind: row.source_kind, sourceQueue: row.source_queue, errorClass: error.errorClass, errorMessage: error.errorMessage, at }];
      }),
    );
  }

  /**
   * Pending (or failed-again) dead letters of one automation and source queue whose last failure is
   * before `before` — those a source that keeps failures for a while loses first — with the oldest
   * such failure.
   */
  async pendingFailedBefore(automation: string, sourceKind: string, queue: string, before: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.dataSource.query<{ count: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS count, min(last_failed_at) AS oldest FROM dead_letter
        WHERE automation_slug = $1 AND source_kind = $2 AND source_queue = $3 AND status IN ('pending', 'failed_again') AND last_failed_at < $4`,
      [automation, sourceKind, queue, before],
    );
    return row ?? { count: 0, oldest: null };
  }

  /** The source queues an automation's pending (or failed-again) dead letters came from, by source kind. */
  pendingSources(automation: string): Promise<{ source_kind: string; source_queue: string }[]> {
    return this.dataSource.query(
      `SELECT DISTINCT source_kind, source_queue FROM dead_letter WHERE automation_slug = $1 AND status IN ('pending', 'failed_again') ORDER BY source_kind, source_queue`,
      [automation],
    );
  }

  /**
   * Messages a reprocess sent back through `route` (a runtime kind) whose outcome is not known yet
   * (acknowledged, e.g. BullMQ jobs retried): their keys and message ids. The route is a parameter
   * of an unnamed statement, planned with its value, so the partial index for BullMQ still serves it.
   */
  acknowledgedItems(route: string, automation: string, queue: string, limit: number): Promise<{ reprocess_id: string; message_id: string }[]> {
    return this.dataSource.query(
      `SELECT i.reprocess_id::text AS reprocess_id, d.message_id FROM reprocess_item i JOIN dead_letter d ON d.id = i.dead_letter_id
        WHERE i.route = $4 AND i.state = 'acknowledged' AND i.automation_slug = $1 AND d.source_queue = $2 ORDER BY i.id LIMIT $3`,
      [automation, queue, limit, route],
    );
  }

  page(query: DeadLetterQuery, limit: number, after?: DeadLetterPosition): Promise<DeadLetterRow[]> {
    const params: unknown[] = [];
    const where = deadLetterConditions(query, params);
    if (after !== undefined) {
      params.push(after.lastFailedAt, after.id);
      where.push(`(d.last_failed_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit);
    // The page's ids first, through a narrow index (read index-only where the filter allows: status
    // and search are in dead_letter_status_search_idx), then their rows by primary key: a page past a
    // cursor walks the same few index entries as the first page, whatever the search matches overall.
    return this.dataSource.query<DeadLetterRow[]>(
      `WITH page AS (
         SELECT d.id, d.last_failed_at FROM dead_letter d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY d.last_failed_at DESC, d.id DESC LIMIT $${params.length}
       )
       SELECT ${COLUMNS} FROM page p JOIN dead_letter d ON d.id = p.id JOIN automation a ON a.slug = d.automation_slug
        ORDER BY p.last_failed_at DESC, p.id DESC`,
      params,
    );
  }

  /** How many dead letters match the filter (a count of what `page` would list). */
  async count(query: DeadLetterQuery): Promise<number> {
    const params: unknown[] = [];
    const where = deadLetterConditions(query, params);
    const [row] = await this.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM dead_letter d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return row?.count ?? 0;
  }

  async byId(id: string): Promise<DeadLetterRow | undefined> {
    const [row] = await this.dataSource.query<DeadLetterRow[]>(`${SELECT} WHERE d.id = $1::bigint`, [id]);
    return row;
  }

  /** The automation's owning team and the payload fields it marks sensitive. */
  async payloadPolicy(automation: string): Promise<{ ownerTeam: string; sensitiveFields: string[] }> {
    const [row] = await this.dataSource.query<{ owner_team: string; fields: string[] | null }[]>(
      `SELECT owner_team, ARRAY(SELECT jsonb_array_elements_text(coalesce(payload_policy -> 'sensitiveFields', '[]'::jsonb))) AS fields FROM automation WHERE slug = $1`,
      [automation],
    );
    return { ownerTeam: row?.owner_team ?? '', sensitiveFields: row?.fields ?? [] };
  }

  /**
   * Groups with their waiting count (pending or failed again), how many of theirs match the filter, and
   * a 24-hour trend, most waiting first: those holding a dead letter that matches the filter (its
   * automation, status, request).
   */
  groups(query: Pick<DeadLetterQuery, 'automation' | 'status' | 'needsAction' | 'reprocessRequest' | 'teams'>, now: Date): Promise<GroupRow[]> {
    const params: unknown[] = [now];
    const where = deadLetterConditions({ ...query, automation: undefined }, params);
    params.push(query.automation ?? null);
    const matching = where.length === 0 ? '' : `AND EXISTS (SELECT 1 FROM dead_letter d WHERE d.fingerprint = g.fingerprint AND ${where.join(' AND ')})`;
    return this.dataSource.query<GroupRow[]>(
      `SELECT g.fingerprint, g.automation_slug, a.title AS automation_title, g.error_class, g.normalized_message, g.sample_message,
              g.source_kind, g.source_queue, g.total, g.first_seen, g.last_seen,
              (SELECT count(*)::int FROM dead_letter d WHERE d.fingerprint = g.fingerprint AND d.status IN ('pending', 'failed_again')) AS pending,
              (SELECT count(*)::int FROM dead_letter d WHERE d.fingerprint = g.fingerprint ${where.length === 0 ? '' : `AND ${where.join(' AND ')}`}) AS matching,
              ARRAY(SELECT (SELECT count(*)::int FROM dead_letter d
                             WHERE d.fingerprint = g.fingerprint
                               AND d.last_failed_at >= $1::timestamptz - make_interval(hours => 24 - h)
                               AND d.last_failed_at < $1::timestamptz - make_interval(hours => 23 - h))
                    FROM generate_series(0, 23) AS h ORDER BY h) AS trend
         FROM dead_letter_group g JOIN automation a ON a.slug = g.automation_slug
        WHERE ($${params.length}::text IS NULL OR g.automation_slug = $${params.length}) ${matching}
        ORDER BY pending DESC, g.last_seen DESC
        LIMIT 200`,
      params,
    );
  }
}
