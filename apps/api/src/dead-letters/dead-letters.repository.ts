import { Inject, Injectable } from '@nestjs/common';
import {
  COLUMNS,
  SELECT,
  deadLetterConditions,
  statusCondition,
  storedStatusCondition,
  waitingCondition,
  type DeadLetterPosition,
  type DeadLetterQuery,
  type DeadLetterRow,
  type GroupRow,
} from './dead-letter-query.js';
import { Database } from '../database/database.js';

/** The dead-letter workbench's reads: pages, counts and groups for a filter, one dead letter, and what waits per source. */
@Injectable()
export class DeadLettersRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * Pending (or failed-again) dead letters of one automation and source queue whose last failure is
   * before `before` — those a source that keeps failures for a while loses first — with the oldest
   * such failure.
   */
  async pendingFailedBefore(automation: string, sourceKind: string, queue: string, before: Date): Promise<{ count: number; oldest: Date | null }> {
    const [row] = await this.db.query<{ count: number; oldest: Date | null }>(
      `SELECT count(*)::int AS count, min(last_failed_at) AS oldest FROM dead_letter
        WHERE automation_slug = $1 AND source_kind = $2 AND source_queue = $3 AND ${waitingCondition('dead_letter')} AND last_failed_at < $4`,
      [automation, sourceKind, queue, before],
    );
    return row ?? { count: 0, oldest: null };
  }

  /** The source queues an automation's pending (or failed-again) dead letters came from, by source kind. */
  pendingSources(automation: string): Promise<{ source_kind: string; source_queue: string }[]> {
    return this.db.query(
      `SELECT DISTINCT source_kind, source_queue FROM dead_letter WHERE automation_slug = $1 AND ${waitingCondition('dead_letter')} ORDER BY source_kind, source_queue`,
      [automation],
    );
  }

  page(query: DeadLetterQuery, limit: number, after?: DeadLetterPosition): Promise<DeadLetterRow[]> {
    const params: unknown[] = [];
    // A status filter (and "needs action") reads the ledger for each row it looks at (statusCondition,
    // waitingCondition); those probes are kept out of the ordered walk below and applied to what it
    // yields, so that PostgreSQL plans the walk on the index conditions alone (see `walked`).
    const where = deadLetterConditions({ ...query, status: undefined, needsAction: undefined }, params);
    const probes: string[] = [];
    if (query.status !== undefined) {
      where.push(storedStatusCondition([query.status], params));
      probes.push(statusCondition([query.status], params));
    }
    if (query.needsAction === true) {
      where.push(`d.status IN ('pending', 'failed_again')`);
      probes.push(waitingCondition('d'));
    }
    if (after !== undefined) {
      params.push(after.lastFailedAt, after.id);
      where.push(`(d.last_failed_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit);
    const filtered = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // The page's ids first, through a narrow index (read index-only where the filter allows: status
    // and search are in dead_letter_status_search_idx), then their rows by primary key: a page past a
    // cursor walks the same few index entries as the first page, whatever the search matches overall.
    // With ledger probes, the walk is a subquery kept apart (OFFSET 0) whose order the probes' filter
    // keeps, under the LIMIT: costed with the probes inside, the walk looked dearer than reading every
    // match of a search through the full-text index and sorting them (0.4–1 s for a word in 9% of
    // the rows, bench/dead-letters).
    const walked =
      probes.length === 0
        ? `SELECT d.id, d.last_failed_at FROM dead_letter d ${filtered} ORDER BY d.last_failed_at DESC, d.id DESC LIMIT $${params.length}`
        : `SELECT d.id, d.last_failed_at FROM (
             SELECT d.id, d.last_failed_at, d.status FROM dead_letter d ${filtered} ORDER BY d.last_failed_at DESC, d.id DESC OFFSET 0
           ) d WHERE ${probes.join(' AND ')} LIMIT $${params.length}`;
    return this.db.query<DeadLetterRow>(
      `WITH page AS (${walked})
       SELECT ${COLUMNS} FROM page p JOIN dead_letter d ON d.id = p.id JOIN automation a ON a.slug = d.automation_slug
        ORDER BY p.last_failed_at DESC, p.id DESC`,
      params,
    );
  }

  /** How many dead letters match the filter (a count of what `page` would list). */
  async count(query: DeadLetterQuery): Promise<number> {
    const params: unknown[] = [];
    const where = deadLetterConditions(query, params);
    const [row] = await this.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM dead_letter d ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return row?.count ?? 0;
  }

  async byId(id: string): Promise<DeadLetterRow | undefined> {
    const [row] = await this.db.query<DeadLetterRow>(`${SELECT} WHERE d.id = $1::bigint`, [id]);
    return row;
  }

  /** The automation's owning team and the payload fields it marks sensitive. */
  async payloadPolicy(automation: string): Promise<{ ownerTeam: string; sensitiveFields: string[] }> {
    const [row] = await this.db.query<{ owner_team: string; fields: string[] | null }>(
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
    return this.db.query<GroupRow>(
      `SELECT g.fingerprint, g.automation_slug, a.title AS automation_title, g.error_class, g.normalized_message, g.sample_message,
              g.source_kind, g.source_queue, g.total, g.first_seen, g.last_seen,
              (SELECT count(*)::int FROM dead_letter d WHERE d.fingerprint = g.fingerprint AND ${waitingCondition('d')}) AS pending,
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
