import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HeartbeatV1, KpiMeasurementV1, StepV1 } from '@roundhouse/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { CountedRun, RollupDelta } from './rollup-delta.js';
import type { RunPatch } from './run-patch.js';

export interface QuarantineRow {
  tokenId: string;
  team: string;
  automation: string | null;
  eventType: string | null;
  reason: string;
  payload: unknown;
}


function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

@Injectable()
export class IngestRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Known automations among `slugs`, with their owning team. */
  async owners(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) {
      return new Map();
    }
    const rows = await this.dataSource.query<{ slug: string; owner_team: string }[]>(`SELECT slug, owner_team FROM automation WHERE slug = ANY($1::text[])`, [slugs]);
    return new Map(rows.map((row) => [row.slug, row.owner_team]));
  }

  /** Records event ids; returns those never seen before. */
  async claimEventIds(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) {
      return new Set();
    }
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO ingest_event (id) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (id) DO NOTHING RETURNING id`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Upserts attempts in one statement, in key order (so concurrent batches lock rows in the same
   * order). A start only fills in what is missing on an attempt whose end is not in yet; an end is
   * applied once (the `counted` flag). Returns the attempts whose end this call applied, for the
   * rollups: only those come back with `counted` set.
   */
  async upsertRuns(manager: EntityManager, patches: readonly RunPatch[]): Promise<CountedRun[]> {
    if (patches.length === 0) {
      return [];
    }
    const ordered = [...patches].sort((a, b) => compareKeys([a.automation, a.runId, a.attempt, Date.parse(a.startedAt)], [b.automation, b.runId, b.attempt, Date.parse(b.startedAt)]));
    const counted = await manager.query<{ automation_slug: string; status: CountedRun['status']; finished_at: Date; duration_ms: number; manual_touch: boolean }[]>(
      `WITH upserted AS (
         INSERT INTO run (automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch, counted)
         SELECT *, status <> 'running' FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $9::text[], $10::text[], $11::boolean[])
           AS t(automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch)
         ON CONFLICT ON CONSTRAINT run_pkey DO UPDATE SET
           correlation_id = coalesce(run.correlation_id, EXCLUDED.correlation_id),
           status = CASE WHEN EXCLUDED.counted THEN EXCLUDED.status ELSE run.status END,
           finished_at = CASE WHEN EXCLUDED.counted THEN EXCLUDED.finished_at ELSE run.finished_at END,
           duration_ms = CASE WHEN EXCLUDED.counted THEN EXCLUDED.duration_ms ELSE run.duration_ms END,
           error_class = CASE WHEN EXCLUDED.counted THEN EXCLUDED.error_class ELSE run.error_class END,
           error_message = CASE WHEN EXCLUDED.counted THEN EXCLUDED.error_message ELSE run.error_message END,
           manual_touch = CASE WHEN EXCLUDED.counted THEN EXCLUDED.manual_touch ELSE run.manual_touch END,
           counted = run.counted OR EXCLUDED.counted
         WHERE NOT run.counted
           AND (EXCLUDED.counted OR (run.correlation_id IS NULL AND EXCLUDED.correlation_id IS NOT NULL))
         RETURNING automation_slug, status, finished_at, duration_ms, manual_touch, counted)
       SELECT automation_slug, status, finished_at, duration_ms, manual_touch FROM upserted WHERE counted`,
      [
        ordered.map((r) => r.automation),
        ordered.map((r) => r.runId),
        ordered.map((r) => r.attempt),
        ordered.map((r) => r.startedAt),
        ordered.map((r) => r.correlationId),
        ordered.map((r) => r.status),
        ordered.map((r) => r.finishedAt),
        ordered.map((r) => r.durationMs),
        ordered.map((r) => r.errorClass),
        ordered.map((r) => r.errorMessage),
        ordered.map((r) => r.manualTouch),
      ],
    );
    return counted.map((row) => ({ automation: row.automation_slug, status: row.status, finishedAt: new Date(row.finished_at), durationMs: row.duration_ms, manualTouch: row.manual_touch }));
  }

  async addRollups(manager: EntityManager, deltas: readonly RollupDelta[]): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO run_rollup_minute AS r (automation_slug, minute, succeeded, failed, dead_lettered, retried, manual_touches, duration_histogram, dependency_retries, dependency_timeouts, circuit_opens)
       SELECT a, m, s, f, d, rt, mt, h::int[], dr, dt, co
         FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::text[], $9::int[], $10::int[], $11::int[])
           AS t(a, m, s, f, d, rt, mt, h, dr, dt, co)
       ON CONFLICT ON CONSTRAINT run_rollup_minute_pkey DO UPDATE SET
         succeeded = r.succeeded + EXCLUDED.succeeded,
         failed = r.failed + EXCLUDED.failed,
         dead_lettered = r.dead_lettered + EXCLUDED.dead_lettered,
         retried = r.retried + EXCLUDED.retried,
         manual_touches = r.manual_touches + EXCLUDED.manual_touches,
         duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram),
         dependency_retries = r.dependency_retries + EXCLUDED.dependency_retries,
         dependency_timeouts = r.dependency_timeouts + EXCLUDED.dependency_timeouts,
         circuit_opens = r.circuit_opens + EXCLUDED.circuit_opens`,
      [
        deltas.map((d) => d.automation),
        deltas.map((d) => d.minute),
        deltas.map((d) => d.succeeded),
        deltas.map((d) => d.failed),
        deltas.map((d) => d.deadLettered),
        deltas.map((d) => d.retried),
        deltas.map((d) => d.manualTouches),
        deltas.map((d) => `{${d.histogram.join(',')}}`),
        deltas.map((d) => d.dependencyRetries),
        deltas.map((d) => d.dependencyTimeouts),
        deltas.map((d) => d.circuitOpens),
      ],
    );
  }

  /** Steps are written once: a step seen again (a replayed span) changes nothing. */
  async insertSteps(manager: EntityManager, steps: readonly StepV1[]): Promise<void> {
    if (steps.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO run_step (automation_slug, correlation_id, step_id, parent_step_id, run_id, name, started_at, finished_at, duration_ms, outcome, error_message)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::int[], $10::text[], $11::text[])
       ON CONFLICT ON CONSTRAINT run_step_pkey DO NOTHING`,
      [
        steps.map((s) => s.automation),
        steps.map((s) => s.correlationId),
        steps.map((s) => s.stepId),
        steps.map((s) => s.parentStepId ?? null),
        steps.map((s) => s.runId ?? null),
        steps.map((s) => s.name),
        steps.map((s) => s.startedAt),
        steps.map((s) => s.occurredAt),
        steps.map((s) => s.durationMs),
        steps.map((s) => s.outcome),
        steps.map((s) => s.errorMessage ?? null),
      ],
    );
  }

  async insertMeasurements(manager: EntityManager, measurements: readonly KpiMeasurementV1[]): Promise<void> {
    if (measurements.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO kpi_measurement (event_id, automation_slug, kpi, value, measured_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
      [measurements.map((m) => m.id), measurements.map((m) => m.automation), measurements.map((m) => m.kpi), measurements.map((m) => m.value), measurements.map((m) => m.occurredAt)],
    );
  }

  /** Moves last success and last heartbeat forward, never back. */
  async touchActivity(manager: EntityManager, successes: readonly CountedRun[], heartbeats: readonly HeartbeatV1[]): Promise<void> {
    const latest = new Map<string, { success: Date | null; heartbeat: Date | null; instance: string | null }>();
    const entry = (slug: string) => latest.get(slug) ?? { success: null, heartbeat: null, instance: null };
    for (const run of successes) {
      const e = entry(run.automation);
      if (run.status === 'succeeded' && (e.success === null || run.finishedAt > e.success)) {
        latest.set(run.automation, { ...e, success: run.finishedAt });
      }
    }
    for (const beat of heartbeats) {
      const e = entry(beat.automation);
      const at = new Date(beat.occurredAt);
      if (e.heartbeat === null || at > e.heartbeat) {
        latest.set(beat.automation, { ...e, heartbeat: at, instance: beat.instance ?? null });
      }
    }
    if (latest.size === 0) {
      return;
    }
    const slugs = [...latest.keys()].sort();
    await manager.query(
      `INSERT INTO automation_activity AS a (automation_slug, last_success_at, last_heartbeat_at, last_instance)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[])
       ON CONFLICT (automation_slug) DO UPDATE SET
         last_success_at = greatest(a.last_success_at, EXCLUDED.last_success_at),
         last_heartbeat_at = greatest(a.last_heartbeat_at, EXCLUDED.last_heartbeat_at),
         last_instance = CASE WHEN EXCLUDED.last_heartbeat_at > a.last_heartbeat_at OR a.last_heartbeat_at IS NULL
                              THEN coalesce(EXCLUDED.last_instance, a.last_instance) ELSE a.last_instance END`,
      [slugs, slugs.map((s) => latest.get(s)?.success ?? null), slugs.map((s) => latest.get(s)?.heartbeat ?? null), slugs.map((s) => latest.get(s)?.instance ?? null)],
    );
  }

  async quarantine(manager: EntityManager, rows: readonly QuarantineRow[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await manager.query(
      `INSERT INTO quarantined_event (token_id, team, automation, event_type, reason, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
      [rows.map((r) => r.tokenId), rows.map((r) => r.team), rows.map((r) => r.automation), rows.map((r) => r.eventType), rows.map((r) => r.reason), rows.map((r) => JSON.stringify(r.payload))],
    );
  }
}
