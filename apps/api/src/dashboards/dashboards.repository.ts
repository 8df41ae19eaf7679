import { Inject, Injectable } from '@nestjs/common';
import type { DashboardReferences, DashboardV1, Located } from '@roundhouse/contracts';
import { DEAD_LETTER_STATUS, waitingCondition } from '../dead-letters/index.js';
import { Database, type Transaction } from '../database/database.js';

/** A dashboard as applied from its file. */
export interface DashboardRecord {
  name: string;
  title: string;
  description: string;
  owner: string;
  path: string;
  spec: DashboardV1['spec'];
  appliedAt: Date;
}

export interface DashboardApplySummary {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** The dashboards an apply created, updated and deleted, by name, and the teams owning them. */
export interface DashboardChanges {
  created: string[];
  updated: string[];
  deleted: string[];
  teams: string[];
}

/** Dead letters of one automation, for a dashboard's backlog panel. */
export interface BacklogRecord {
  automation: string;
  pending: number;
  oldestPendingSince: Date | null;
  arrivedInRange: number;
  closedInRange: number;
}

/** What a freshness SLO is judged from over a range. */
export interface SuccessMinutes {
  /** Minutes (epoch ms) with at least one success, ascending. */
  minutes: number[];
  firstReportedMinute: Date | null;
}

interface DashboardRow {
  name: string;
  title: string;
  description: string;
  owner: string;
  path: string;
  spec: DashboardV1['spec'];
  applied_at: Date;
}

const toRecord = (row: DashboardRow): DashboardRecord => ({
  name: row.name,
  title: row.title,
  description: row.description,
  owner: row.owner,
  path: row.path,
  spec: row.spec,
  appliedAt: new Date(row.applied_at),
});

@Injectable()
export class DashboardsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Automations in the catalog (not archived) with their KPI names, and teams: what dashboards may name. */
  async references(): Promise<DashboardReferences> {
    const [row] = await this.db.query<{ automations: [string, string[]][]; teams: string[] }>(
      `SELECT (SELECT coalesce(json_agg(json_build_array(slug, (SELECT coalesce(json_agg(k->>'name'), '[]'::json) FROM jsonb_array_elements(kpis) AS k))), '[]'::json)
                 FROM automation WHERE archived_at IS NULL) AS automations,
              (SELECT coalesce(array_agg(name), '{}') FROM team WHERE archived_at IS NULL) AS teams`,
    );
    return { automations: new Map(row?.automations ?? []), teams: new Set(row?.teams ?? []) };
  }

  /**
   * Replaces the applied dashboards with these, in one transaction; one applier at a time. When
   * something changed, `record` writes what in the same transaction.
   */
  apply(dashboards: readonly Located<DashboardV1>[], record: (tx: Transaction, changes: DashboardChanges) => Promise<void>): Promise<DashboardApplySummary> {
    return this.db.transaction(async (tx) => {
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('roundhouse:dashboards-apply'))`, [], tx);
      const [counts] = await this.db.query<DashboardChanges & { unchanged: number }>(
        `WITH wanted AS (
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS w(name, title, description, owner, path, spec)
         ), previous AS (
           SELECT d.name, (d.title, d.description, d.owner, d.path, d.spec) IS NOT DISTINCT FROM (w.title, w.description, w.owner, w.path, w.spec) AS same
             FROM dashboard d JOIN wanted w USING (name)
         ), deleted AS (
           DELETE FROM dashboard WHERE NOT (name = ANY($1::text[])) RETURNING name, owner
         ), upserted AS (
           INSERT INTO dashboard (name, title, description, owner, path, spec, applied_at)
           SELECT name, title, description, owner, path, spec, now() FROM wanted
           ON CONFLICT (name) DO UPDATE SET title = excluded.title, description = excluded.description, owner = excluded.owner,
             path = excluded.path, spec = excluded.spec, applied_at = excluded.applied_at
           RETURNING 1
         )
         SELECT (SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM wanted WHERE name NOT IN (SELECT name FROM previous)) AS created,
                (SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM previous WHERE NOT same) AS updated,
                (SELECT count(*) FROM previous WHERE same)::int AS unchanged,
                (SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM deleted) AS deleted,
                (SELECT coalesce(array_agg(DISTINCT owner ORDER BY owner), '{}')
                   FROM (SELECT owner FROM wanted WHERE name NOT IN (SELECT name FROM previous WHERE same) UNION ALL SELECT owner FROM deleted) AS changed) AS teams,
                (SELECT count(*) FROM upserted)::int AS written`,
        [
          dashboards.map((d) => d.value.metadata.name),
          dashboards.map((d) => d.value.metadata.title),
          dashboards.map((d) => d.value.metadata.description),
          dashboards.map((d) => d.value.metadata.owner),
          dashboards.map((d) => d.file),
          dashboards.map((d) => JSON.stringify(d.value.spec)),
        ],
        tx,
      );
      const changes: DashboardChanges = { created: counts?.created ?? [], updated: counts?.updated ?? [], deleted: counts?.deleted ?? [], teams: counts?.teams ?? [] };
      if (changes.created.length + changes.updated.length + changes.deleted.length > 0) {
        await record(tx, changes);
      }
      return { created: changes.created.length, updated: changes.updated.length, unchanged: counts?.unchanged ?? 0, deleted: changes.deleted.length };
    });
  }

  async list(): Promise<DashboardRecord[]> {
    const rows = await this.db.query<DashboardRow>(`SELECT * FROM dashboard ORDER BY title, name`);
    return rows.map(toRecord);
  }

  async find(name: string): Promise<DashboardRecord | null> {
    const [row] = await this.db.read<DashboardRow>(`SELECT * FROM dashboard WHERE name = $1`, [name]);
    return row === undefined ? null : toRecord(row);
  }

  /**
   * Per automation: dead letters waiting now (pending or failed again) and the oldest of them, and
   * those whose first failure fell in [from, to) with how many of them were since closed (resolved,
   * reprocessed or discarded).
   */
  async backlog(automations: readonly string[], from: Date, to: Date): Promise<Map<string, BacklogRecord>> {
    if (automations.length === 0) {
      return new Map();
    }
    const rows = await this.db.read<{ automation: string; pending: number; oldest_pending_since: Date | null; arrived: number; closed: number }>(
      `SELECT a.slug AS automation,
              count(d.id) FILTER (WHERE ${waitingCondition('d')})::int AS pending,
              min(d.first_failed_at) FILTER (WHERE ${waitingCondition('d')}) AS oldest_pending_since,
              count(d.id) FILTER (WHERE d.first_failed_at >= $2 AND d.first_failed_at < $3)::int AS arrived,
              count(d.id) FILTER (WHERE d.first_failed_at >= $2 AND d.first_failed_at < $3 AND ${DEAD_LETTER_STATUS} IN ('resolved', 'reprocessed', 'discarded'))::int AS closed
         FROM unnest($1::text[]) AS a(slug)
         LEFT JOIN dead_letter d ON d.automation_slug = a.slug
        GROUP BY a.slug`,
      [[...automations], from, to],
    );
    return new Map(
      rows.map((row) => [
        row.automation,
        {
          automation: row.automation,
          pending: row.pending,
          oldestPendingSince: row.oldest_pending_since === null ? null : new Date(row.oldest_pending_since),
          arrivedInRange: row.arrived,
          closedInRange: row.closed,
        },
      ]),
    );
  }

  /** Per automation: minutes with a success in [since, to) from the rollups, and the first minute it reported. */
  async successMinutes(requests: readonly { automation: string; since: Date }[], to: Date): Promise<Map<string, SuccessMinutes>> {
    if (requests.length === 0) {
      return new Map();
    }
    const rows = await this.db.read<{ automation: string; minutes: number[]; first_reported_minute: Date | null }>(
      `SELECT r.automation,
              (SELECT coalesce(array_agg((extract(epoch FROM minute) * 1000)::float8 ORDER BY minute), '{}')
                 FROM run_rollup_minute WHERE automation_slug = r.automation AND succeeded > 0 AND minute >= r.since AND minute < $3) AS minutes,
              (SELECT min(minute) FROM run_rollup_minute WHERE automation_slug = r.automation) AS first_reported_minute
         FROM unnest($1::text[], $2::timestamptz[]) AS r(automation, since)`,
      [requests.map((r) => r.automation), requests.map((r) => r.since), to],
    );
    return new Map(
      rows.map((row) => [
        row.automation,
        { minutes: row.minutes.map(Number), firstReportedMinute: row.first_reported_minute === null ? null : new Date(row.first_reported_minute) },
      ]),
    );
  }

  /**
   * Per automation and latency threshold (key `slug|thresholdMs`): runs that ended in [from, to), and
   * those that took at most the threshold, counted exactly at ingest (`run_latency_span`).
   */
  async latencyCounts(requests: readonly { automation: string; thresholdMs: number }[], from: Date, to: Date): Promise<Map<string, { within: number; runs: number }>> {
    if (requests.length === 0) {
      return new Map();
    }
    const rows = await this.db.read<{ automation: string; threshold_ms: string; within: number; runs: number }>(
      `SELECT r.automation, r.threshold_ms, s.within::int AS within, s.runs::int AS runs
         FROM unnest($1::text[], $2::bigint[]) AS r(automation, threshold_ms)
         CROSS JOIN LATERAL run_latency_span(r.automation, r.threshold_ms, $3, $4) s`,
      [requests.map((r) => r.automation), requests.map((r) => r.thresholdMs), from, to],
    );
    return new Map(rows.map((row) => [`${row.automation}|${Number(row.threshold_ms)}`, { within: row.within, runs: row.runs }]));
  }
}
