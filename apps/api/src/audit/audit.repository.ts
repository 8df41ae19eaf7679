import { Inject, Injectable } from '@nestjs/common';
import type { AuditRow, NewAuditEntry } from './audit-entry.js';
import { Database, type Transaction } from '../database/database.js';

export interface AuditQuery {
  automation?: string;
  /** Entries concerning this team: naming it, or one of its automations. */
  team?: string;
  targetKind?: string;
  targetId?: string;
  /** The actor's id or name (any case). */
  actor?: string;
  /** Prefix of the action, e.g. `reprocess.` or `token.revoked`. */
  action?: string;
  from?: Date;
  to?: Date;
  /** Only entries concerning one of these teams (undefined: every team). */
  teams?: readonly string[];
  /** Entries older than this one (keyset paging, newest first); `at` to the microsecond (AuditRow.at_key). */
  before?: { at: string; id: string };
}

const COLUMNS = `id::text AS id, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key, actor_id, actor_name, actor_kind, action, target_kind, target_id, automations, teams, reason, before, after, detail`;

/** The append-only audit trail: rows are inserted and read, never changed (the database refuses). */
@Injectable()
export class AuditRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async insert(tx: Transaction | undefined, entry: NewAuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_entry (actor_id, actor_name, actor_kind, action, target_kind, target_id, automations, teams, reason, before, after, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        entry.actor.id,
        entry.actor.name,
        entry.actor.kind ?? 'person',
        entry.action,
        entry.target.kind,
        entry.target.id,
        [...(entry.automations ?? [])],
        [...(entry.teams ?? [])],
        entry.reason ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
        JSON.stringify(entry.detail ?? {}),
      ],
      tx,
    );
  }

  /** Newest first. */
  list(query: AuditQuery, limit: number): Promise<AuditRow[]> {
    return this.db.read<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_entry
        WHERE ($1::text IS NULL OR automations @> ARRAY[$1::text])
          AND ($2::text IS NULL OR target_kind = $2)
          AND ($3::text IS NULL OR target_id = $3)
          AND ($4::text IS NULL OR actor_id = $4 OR lower(actor_name) = lower($4))
          AND ($5::text IS NULL OR starts_with(action, $5))
          AND ($6::timestamptz IS NULL OR at >= $6)
          AND ($7::timestamptz IS NULL OR at < $7)
          AND ($8::text[] IS NULL OR teams && $8::text[] OR automations && (SELECT coalesce(array_agg(slug), '{}') FROM automation WHERE owner_team = ANY($8::text[])))
          AND ($9::timestamptz IS NULL OR (at, id) < ($9, $10::bigint))
          AND ($12::text IS NULL OR teams @> ARRAY[$12::text] OR automations && (SELECT coalesce(array_agg(slug), '{}') FROM automation WHERE owner_team = $12))
        ORDER BY at DESC, id DESC LIMIT $11`,
      [
        query.automation ?? null,
        query.targetKind ?? null,
        query.targetId ?? null,
        query.actor ?? null,
        query.action ?? null,
        query.from ?? null,
        query.to ?? null,
        query.teams === undefined ? null : [...query.teams],
        query.before?.at ?? null,
        query.before?.id ?? null,
        limit,
        query.team ?? null,
      ],
    );
  }

  /** The distinct actions recorded, in order; only those concerning `teams` when given. */
  async actions(teams?: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ action: string }>(
      `SELECT DISTINCT action FROM audit_entry
        WHERE $1::text[] IS NULL OR teams && $1::text[] OR automations && (SELECT coalesce(array_agg(slug), '{}') FROM automation WHERE owner_team = ANY($1::text[]))
        ORDER BY action`,
      [teams === undefined ? null : [...teams]],
    );
    return rows.map((row) => row.action);
  }

  /** The owning team of `slug`, archived or not; undefined for no such automation. */
  async ownerOf(slug: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ owner_team: string }>(`SELECT owner_team FROM automation WHERE slug = $1`, [slug]);
    return row?.owner_team;
  }
}
