import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetterStatus, DeadLetterV1 } from '@roundhouse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { searchQuery } from '../automations/automations.repository.js';
import { errorFingerprint, normalizeErrorMessage } from './fingerprint.js';

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
  payload: unknown;
  headers: Record<string, string>;
}

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
  first_seen: Date;
  last_seen: Date;
  trend: number[];
}

export interface DeadLetterQuery {
  automation?: string;
  fingerprint?: string;
  status?: DeadLetterStatus;
  from?: Date;
  to?: Date;
  search?: string;
}

export interface DeadLetterPosition {
  /** ISO timestamp to the microsecond. */
  lastFailedAt: string;
  id: string;
}

const SELECT = `SELECT d.id::text AS id, d.automation_slug, a.title AS automation_title, d.source_kind, d.source_queue, d.message_id,
  d.fingerprint, d.error_class, d.error_message, d.attempts, d.deliveries, d.first_failed_at, d.last_failed_at, to_char(d.last_failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS last_failed_key, d.status,
  d.correlation_id, d.run_id, d.payload, d.headers
  FROM dead_letter d JOIN automation a ON a.slug = d.automation_slug`;

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
    const fingerprints = rows.map((e) => errorFingerprint({ automation: e.automation, sourceKind: e.source.kind, sourceQueue: e.source.queue, errorClass: e.errorClass, errorMessage: e.errorMessage }));
    const inserted = await manager.query<{ fingerprint: string; inserted: boolean }[]>(
      `INSERT INTO dead_letter AS d (automation_slug, source_kind, source_queue, source_exchange, source_routing_key, message_id, fingerprint,
          error_class, error_message, attempts, first_failed_at, last_failed_at, payload, headers, correlation_id, run_id, deliveries)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
          $10::int[], $11::timestamptz[], $12::timestamptz[], $13::jsonb[], $14::jsonb[], $15::text[], $16::text[], $17::int[])
       ON CONFLICT ON CONSTRAINT dead_letter_message_unique DO UPDATE SET
         deliveries = d.deliveries + EXCLUDED.deliveries,
         attempts = greatest(d.attempts, EXCLUDED.attempts),
         last_failed_at = greatest(d.last_failed_at, EXCLUDED.last_failed_at),
         error_class = EXCLUDED.error_class,
         error_message = EXCLUDED.error_message,
         status = CASE WHEN d.status IN ('reprocessed', 'resolved', 'reprocessing') THEN 'failed_again' ELSE d.status END
       RETURNING fingerprint, (xmax = 0) AS inserted`,
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
        rows.map((e) => JSON.stringify(e.payload)),
        rows.map((e) => JSON.stringify(e.headers)),
        rows.map((e) => e.correlationId ?? null),
        rows.map((e) => e.runId ?? null),
        merged.map((m) => m.deliveries),
      ],
    );
    const fresh = new Map<string, { event: DeadLetterV1; count: number }>();
    inserted.forEach((row, index) => {
      const event = rows[index];
      if (row.inserted && event !== undefined) {
        const current = fresh.get(row.fingerprint);
        fresh.set(row.fingerprint, { event, count: (current?.count ?? 0) + 1 });
      }
    });
    if (fresh.size === 0) {
      return;
    }
    const groups = [...fresh.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    await manager.query(
      `INSERT INTO dead_letter_group AS g (fingerprint, automation_slug, error_class, normalized_message, sample_message, source_kind, source_queue, total, first_seen, last_seen)
       SELECT f, a, c, n, m, k, q, t, s, s FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::timestamptz[]) AS x(f, a, c, n, m, k, q, t, s)
       ON CONFLICT (fingerprint) DO UPDATE SET
         total = g.total + EXCLUDED.total,
         first_seen = least(g.first_seen, EXCLUDED.first_seen),
         last_seen = greatest(g.last_seen, EXCLUDED.last_seen),
         sample_message = EXCLUDED.sample_message`,
      [
        groups.map(([f]) => f),
        groups.map(([, g]) => g.event.automation),
        groups.map(([, g]) => g.event.errorClass),
        groups.map(([, g]) => normalizeErrorMessage(g.event.errorMessage)),
        groups.map(([, g]) => g.event.errorMessage),
        groups.map(([, g]) => g.event.source.kind),
        groups.map(([, g]) => g.event.source.queue),
        groups.map(([, g]) => g.count),
        groups.map(([, g]) => g.event.occurredAt),
      ],
    );
  }

  page(query: DeadLetterQuery, limit: number, after?: DeadLetterPosition): Promise<DeadLetterRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
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
      add('d.status = ?', query.status);
    }
    if (query.from !== undefined) {
      add('d.last_failed_at >= ?', query.from);
    }
    if (query.to !== undefined) {
      add('d.last_failed_at < ?', query.to);
    }
    const tsquery = query.search === undefined ? undefined : searchQuery(query.search);
    if (tsquery !== undefined) {
      add(`to_tsvector('simple', d.error_class || ' ' || d.error_message) @@ to_tsquery('simple', ?)`, tsquery);
    }
    if (after !== undefined) {
      params.push(after.lastFailedAt, after.id);
      where.push(`(d.last_failed_at, d.id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(limit);
    return this.dataSource.query<DeadLetterRow[]>(
      `${SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.last_failed_at DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async byId(id: string): Promise<DeadLetterRow | undefined> {
    const [row] = await this.dataSource.query<DeadLetterRow[]>(`${SELECT} WHERE d.id = $1::bigint`, [id]);
    return row;
  }

  async sensitiveFields(automation: string): Promise<string[]> {
    const [row] = await this.dataSource.query<{ fields: string[] | null }[]>(
      `SELECT ARRAY(SELECT jsonb_array_elements_text(coalesce(payload_policy -> 'sensitiveFields', '[]'::jsonb))) AS fields FROM automation WHERE slug = $1`,
      [automation],
    );
    return row?.fields ?? [];
  }

  /** Groups with their pending count and a 24-hour trend, most pending first. */
  groups(automation: string | undefined, status: DeadLetterStatus | undefined, now: Date): Promise<GroupRow[]> {
    return this.dataSource.query<GroupRow[]>(
      `SELECT g.fingerprint, g.automation_slug, a.title AS automation_title, g.error_class, g.normalized_message, g.sample_message,
              g.source_kind, g.source_queue, g.total, g.first_seen, g.last_seen,
              (SELECT count(*)::int FROM dead_letter d WHERE d.fingerprint = g.fingerprint AND d.status = 'pending') AS pending,
              ARRAY(SELECT (SELECT count(*)::int FROM dead_letter d
                             WHERE d.fingerprint = g.fingerprint
                               AND d.last_failed_at >= $3::timestamptz - make_interval(hours => 24 - h)
                               AND d.last_failed_at < $3::timestamptz - make_interval(hours => 23 - h))
                    FROM generate_series(0, 23) AS h ORDER BY h) AS trend
         FROM dead_letter_group g JOIN automation a ON a.slug = g.automation_slug
        WHERE ($1::text IS NULL OR g.automation_slug = $1)
          AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM dead_letter d WHERE d.fingerprint = g.fingerprint AND d.status = $2))
        ORDER BY pending DESC, g.last_seen DESC
        LIMIT 200`,
      [automation ?? null, status ?? null, now],
    );
  }
}
