import { Inject, Injectable } from '@nestjs/common';
import type { RunStatus, StepOutcome } from '@roundhouse/contracts';
import { histogramSumSql } from './duration-histogram.js';
import { Database } from '../database/database.js';

export interface RunRow {
  automation_slug: string;
  automation_title: string;
  run_id: string;
  attempt: number;
  correlation_id: string | null;
  status: RunStatus;
  started_at: Date;
  /** started_at to the microsecond, for cursors. */
  started_key: string;
  finished_at: Date | null;
  duration_ms: number | null;
  error_class: string | null;
  error_message: string | null;
  manual_touch: boolean;
}

export interface StepRow {
  automation_slug: string;
  automation_title: string;
  step_id: string;
  parent_step_id: string | null;
  run_id: string | null;
  name: string;
  outcome: StepOutcome;
  started_at: Date;
  finished_at: Date;
  duration_ms: number;
  error_message: string | null;
}

export interface RunQuery {
  automation?: string;
  status?: RunStatus;
  from?: Date;
  to?: Date;
  correlationId?: string;
}

/** Position in the listing order (started_at desc, automation, run id, attempt). */
export interface RunPosition {
  /** ISO timestamp to the microsecond. */
  startedAt: string;
  automation: string;
  runId: string;
  attempt: number;
}

export interface RollupBucket {
  at: Date;
  succeeded: number;
  failed: number;
  dead_lettered: number;
  retried: number;
  histogram: number[] | null;
}

const SELECT_RUN = `SELECT r.automation_slug, a.title AS automation_title, r.run_id, r.attempt, r.correlation_id, r.status,
  r.started_at, to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS started_key, r.finished_at, r.duration_ms, r.error_class, r.error_message, r.manual_touch
  FROM run r JOIN automation a ON a.slug = r.automation_slug`;

@Injectable()
export class RunsRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Each automation's owner team and the payload fields it marks sensitive: who reads its error messages in full. */
  async payloadPolicies(slugs: readonly string[]): Promise<Map<string, { ownerTeam: string; sensitiveFields: string[] }>> {
    const rows = await this.db.query<{ slug: string; owner_team: string; fields: string[] | null }>(
      `SELECT slug, owner_team, ARRAY(SELECT jsonb_array_elements_text(coalesce(payload_policy -> 'sensitiveFields', '[]'::jsonb))) AS fields FROM automation WHERE slug = ANY($1::text[])`,
      [[...new Set(slugs)]],
    );
    return new Map(rows.map((row) => [row.slug, { ownerTeam: row.owner_team, sensitiveFields: row.fields ?? [] }]));
  }

  findPage(query: RunQuery, limit: number, after?: RunPosition): Promise<RunRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.automation !== undefined) {
      add('r.automation_slug = ?', query.automation);
    }
    if (query.status !== undefined) {
      add('r.status = ?', query.status);
    }
    if (query.from !== undefined) {
      add('r.started_at >= ?', query.from);
    }
    if (query.to !== undefined) {
      add('r.started_at < ?', query.to);
    }
    if (query.correlationId !== undefined) {
      add('r.correlation_id = ?', query.correlationId);
    }
    if (after !== undefined) {
      params.push(after.startedAt, after.automation, after.runId, after.attempt);
      const n = params.length;
      where.push(`(r.started_at, r.automation_slug, r.run_id, r.attempt) < ($${n - 3}::timestamptz, $${n - 2}, $${n - 1}, $${n}::int)`);
    }
    params.push(limit);
    return this.db.query<RunRow>(
      `${SELECT_RUN} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.started_at DESC, r.automation_slug DESC, r.run_id DESC, r.attempt DESC LIMIT $${params.length}`,
      params,
    );
  }

  trail(correlationId: string, limit: number): Promise<RunRow[]> {
    return this.db.query<RunRow>(`${SELECT_RUN} WHERE r.correlation_id = $1 ORDER BY r.started_at, r.automation_slug, r.attempt LIMIT $2`, [correlationId, limit]);
  }

  trailSteps(correlationId: string, limit: number): Promise<StepRow[]> {
    return this.db.query<StepRow>(
      `SELECT s.automation_slug, a.title AS automation_title, s.step_id, s.parent_step_id, s.run_id, s.name, s.outcome, s.started_at, s.finished_at, s.duration_ms, s.error_message
         FROM run_step s JOIN automation a ON a.slug = s.automation_slug
        WHERE s.correlation_id = $1 ORDER BY s.started_at, s.automation_slug, s.step_id LIMIT $2`,
      [correlationId, limit],
    );
  }

  /** Rollups summed into buckets of `bucket` (a PostgreSQL interval) from `from` to `to`. */
  rollups(slug: string, from: Date, to: Date, bucket: string): Promise<RollupBucket[]> {
    return this.db.read<RollupBucket>(
      `SELECT date_bin($4::interval, minute, $2::timestamptz) AS at,
              sum(succeeded)::int AS succeeded, sum(failed)::int AS failed, sum(dead_lettered)::int AS dead_lettered,
              sum(retried)::int AS retried, ${histogramSumSql('duration_histogram')} AS histogram
         FROM run_rollup_minute
        WHERE automation_slug = $1 AND minute >= $2 AND minute < $3
        GROUP BY 1 ORDER BY 1`,
      [slug, from, to, bucket],
    );
  }

  async activity(slug: string): Promise<{ lastSuccessAt: Date | null; lastHeartbeatAt: Date | null }> {
    const [row] = await this.db.read<{ last_success_at: Date | null; last_heartbeat_at: Date | null }>(
      `SELECT last_success_at, last_heartbeat_at FROM automation_activity WHERE automation_slug = $1`,
      [slug],
    );
    return { lastSuccessAt: row?.last_success_at ?? null, lastHeartbeatAt: row?.last_heartbeat_at ?? null };
  }
}
