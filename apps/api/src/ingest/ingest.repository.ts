import { Inject, Injectable } from '@nestjs/common';
import type { HeartbeatV1, KpiMeasurementV1, StepV1 } from '@roundhouse/contracts';
import type { CountedRun, RollupDelta } from './rollup-delta.js';
import { attemptKey, compareAttempts, type RunPatch } from './run-patch.js';
import { Database, type Transaction } from '../database/database.js';

export interface QuarantineRow {
  tokenId: string;
  team: string;
  automation: string | null;
  eventType: string | null;
  reason: string;
  payload: unknown;
}

/** What `applyRunPhases` applied: the patches whose start, and whose end, were new, and the attempts it counted. */
export interface AppliedPhases {
  starts: Set<RunPatch>;
  ends: Set<RunPatch>;
  counted: CountedRun[];
}

interface KeyRow {
  automation_slug: string;
  run_id: string;
  attempt: number;
  started_at: Date;
}

/** The run columns of patches, as arrays in the order the run statements list them. */
function runColumns(patches: readonly RunPatch[]): unknown[][] {
  return [
    patches.map((r) => r.automation),
    patches.map((r) => r.runId),
    patches.map((r) => r.attempt),
    patches.map((r) => r.startedAt),
    patches.map((r) => r.correlationId),
    patches.map((r) => r.status),
    patches.map((r) => r.finishedAt),
    patches.map((r) => r.durationMs),
    patches.map((r) => r.errorClass),
    patches.map((r) => r.errorMessage),
    patches.map((r) => r.manualTouch),
  ];
}

/** The patches that returned rows name, by the attempt's key. */
function patchesOf(patches: readonly RunPatch[], rows: readonly KeyRow[]): RunPatch[] {
  const byKey = new Map(patches.map((patch) => [attemptKey(patch.automation, patch.runId, patch.attempt, patch.startedAtMs), patch]));
  return rows.flatMap((row) => byKey.get(attemptKey(row.automation_slug, row.run_id, row.attempt, new Date(row.started_at).getTime())) ?? []);
}

@Injectable()
export class IngestRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** Known automations among `slugs`, with their owning team. */
  async owners(slugs: readonly string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) {
      return new Map();
    }
    const rows = await this.db.query<{ slug: string; owner_team: string }>(`SELECT slug, owner_team FROM automation WHERE slug = ANY($1::text[])`, [slugs]);
    return new Map(rows.map((row) => [row.slug, row.owner_team]));
  }

  /**
   * Records events' ids with their time (`occurredAt`, the same on every resend, keeps a key in its
   * day's partition); returns the ids never seen before.
   */
  async claimEventIds(tx: Transaction, events: readonly { id: string; occurredAt: string }[]): Promise<Set<string>> {
    if (events.length === 0) {
      return new Set();
    }
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO ingest_event (id, occurred_at) SELECT * FROM unnest($1::text[], $2::timestamptz[]) ORDER BY 1, 2 ON CONFLICT (id, occurred_at) DO NOTHING RETURNING id`,
      [events.map((event) => event.id), events.map((event) => event.occurredAt)],
      tx,
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Applies the attempts' phases, each at most once: the run's natural key (automation, run,
   * attempt, start) with the phase (start, end) is the idempotency key, so no event id is kept for
   * run events. Three statements, each in key order (concurrent batches lock rows in the same
   * order), each telling exactly what it applied:
   * 1. attempts not stored yet are inserted whole (the common case: one write per attempt);
   * 2. an end not applied yet is applied to its stored attempt (`counted`);
   * 3. a start not seen yet is marked seen (`start_seen`), filling in the correlation id of an
   *    attempt whose end is not in yet.
   * Returns the phases applied and the attempts whose end was applied, for the rollups.
   */
  async applyRunPhases(tx: Transaction, patches: readonly RunPatch[]): Promise<AppliedPhases> {
    const applied: AppliedPhases = { starts: new Set(), ends: new Set(), counted: [] };
    const ordered = [...patches].sort(compareAttempts);
    const inserted = new Set(await this.insertNewAttempts(tx, ordered));
    const ended = await this.applyEnds(
      tx,
      ordered.filter((patch) => patch.end !== null && !inserted.has(patch)),
    );
    const started = await this.markStarts(
      tx,
      ordered.filter((patch) => patch.starts.length > 0 && !inserted.has(patch)),
    );
    for (const patch of [...inserted].filter((p) => p.starts.length > 0).concat(started)) {
      applied.starts.add(patch);
    }
    for (const patch of ordered.filter((p) => (p.end !== null && inserted.has(p)) || ended.has(p))) {
      applied.ends.add(patch);
      applied.counted.push({
        automation: patch.automation,
        status: patch.status,
        finishedAt: new Date(patch.finishedAt as string),
        durationMs: patch.durationMs as number,
        manualTouch: patch.manualTouch,
      });
    }
    return applied;
  }

  /** Inserts the attempts not stored yet, whole; answers those it inserted. */
  private async insertNewAttempts(tx: Transaction, ordered: readonly RunPatch[]): Promise<RunPatch[]> {
    if (ordered.length === 0) {
      return [];
    }
    const rows = await this.db.query<KeyRow>(
      `INSERT INTO run (automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch, counted, start_seen)
       SELECT automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch, status <> 'running', start_seen
         FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $9::text[], $10::text[], $11::boolean[], $12::boolean[])
           AS t(automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch, start_seen)
       ON CONFLICT ON CONSTRAINT run_pkey DO NOTHING
       RETURNING automation_slug, run_id, attempt, started_at`,
      [...runColumns(ordered), ordered.map((r) => r.starts.length > 0)],
      tx,
    );
    return patchesOf(ordered, rows);
  }

  /** Applies the ends of stored attempts that have none yet; answers those it applied. */
  private async applyEnds(tx: Transaction, ordered: readonly RunPatch[]): Promise<Set<RunPatch>> {
    if (ordered.length === 0) {
      return new Set();
    }
    const rows = await this.db.query<KeyRow>(
      `INSERT INTO run (automation_slug, run_id, attempt, started_at, correlation_id, status, finished_at, duration_ms, error_class, error_message, manual_touch, counted, start_seen)
       SELECT *, true, false FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[], $6::text[], $7::timestamptz[], $8::int[], $9::text[], $10::text[], $11::boolean[])
       ON CONFLICT ON CONSTRAINT run_pkey DO UPDATE SET
         correlation_id = coalesce(run.correlation_id, EXCLUDED.correlation_id),
         status = EXCLUDED.status,
         finished_at = EXCLUDED.finished_at,
         duration_ms = EXCLUDED.duration_ms,
         error_class = EXCLUDED.error_class,
         error_message = EXCLUDED.error_message,
         manual_touch = EXCLUDED.manual_touch,
         counted = true
       WHERE NOT run.counted
       RETURNING automation_slug, run_id, attempt, started_at`,
      runColumns(ordered),
      tx,
    );
    return new Set(patchesOf(ordered, rows));
  }

  /** Marks starts not seen yet, filling in the correlation id of an attempt whose end is not in; answers those it marked. */
  private async markStarts(tx: Transaction, ordered: readonly RunPatch[]): Promise<RunPatch[]> {
    if (ordered.length === 0) {
      return [];
    }
    const rows = await this.db.query<KeyRow>(
      `INSERT INTO run AS r (automation_slug, run_id, attempt, started_at, correlation_id, status, counted, start_seen)
       SELECT *, 'running', false, true FROM unnest($1::text[], $2::text[], $3::int[], $4::timestamptz[], $5::text[])
       ON CONFLICT ON CONSTRAINT run_pkey DO UPDATE SET
         start_seen = true,
         correlation_id = CASE WHEN r.counted THEN r.correlation_id ELSE coalesce(r.correlation_id, EXCLUDED.correlation_id) END
       WHERE NOT r.start_seen
       RETURNING automation_slug, run_id, attempt, started_at`,
      runColumns(ordered).slice(0, 5),
      tx,
    );
    return patchesOf(ordered, rows);
  }

  /**
   * For every latency threshold the runs' automations name (`latency_thresholds_ms` of their SLOs):
   * per minute, the attempts that ended and those that took at most the threshold, exactly. Minutes
   * and thresholds in key order, like the rollups.
   */
  async addLatencyCounts(tx: Transaction, runs: readonly CountedRun[]): Promise<void> {
    const ended = runs.filter((run) => run.status !== 'running');
    if (ended.length === 0) {
      return;
    }
    await this.db.query(
      `INSERT INTO run_latency_minute AS r (automation_slug, threshold_ms, minute, runs, within)
       SELECT c.slug, t.threshold_ms, date_bin('1 minute', c.finished_at, timestamptz '2000-01-01 00:00:00+00'), count(*)::int,
              count(*) FILTER (WHERE coalesce(c.duration_ms, 0) <= t.threshold_ms)::int
         FROM unnest($1::text[], $2::timestamptz[], $3::int[]) AS c(slug, finished_at, duration_ms)
         JOIN automation a ON a.slug = c.slug
        CROSS JOIN LATERAL unnest(latency_thresholds_ms(a.slos)) AS t(threshold_ms)
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
       ON CONFLICT ON CONSTRAINT run_latency_minute_pkey DO UPDATE SET runs = r.runs + EXCLUDED.runs, within = r.within + EXCLUDED.within`,
      [ended.map((run) => run.automation), ended.map((run) => run.finishedAt), ended.map((run) => run.durationMs)],
      tx,
    );
  }

  async addRollups(tx: Transaction, deltas: readonly RollupDelta[]): Promise<void> {
    if (deltas.length === 0) {
      return;
    }
    await this.db.query(
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
      tx,
    );
  }

  /** Steps are written once: a step seen again (a replayed span) changes nothing. */
  async insertSteps(tx: Transaction, steps: readonly StepV1[]): Promise<void> {
    if (steps.length === 0) {
      return;
    }
    await this.db.query(
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
      tx,
    );
  }

  async insertMeasurements(tx: Transaction, measurements: readonly KpiMeasurementV1[]): Promise<void> {
    if (measurements.length === 0) {
      return;
    }
    await this.db.query(
      `INSERT INTO kpi_measurement (event_id, automation_slug, kpi, value, measured_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::timestamptz[]) ON CONFLICT DO NOTHING`,
      [
        measurements.map((m) => m.id),
        measurements.map((m) => m.automation),
        measurements.map((m) => m.kpi),
        measurements.map((m) => m.value),
        measurements.map((m) => m.occurredAt),
      ],
      tx,
    );
  }

  /** Moves last success and last heartbeat forward, never back. */
  async touchActivity(tx: Transaction, successes: readonly CountedRun[], heartbeats: readonly HeartbeatV1[]): Promise<void> {
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
    await this.db.query(
      `INSERT INTO automation_activity AS a (automation_slug, last_success_at, last_heartbeat_at, last_instance)
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::text[])
       ON CONFLICT (automation_slug) DO UPDATE SET
         last_success_at = greatest(a.last_success_at, EXCLUDED.last_success_at),
         last_heartbeat_at = greatest(a.last_heartbeat_at, EXCLUDED.last_heartbeat_at),
         last_instance = CASE WHEN EXCLUDED.last_heartbeat_at > a.last_heartbeat_at OR a.last_heartbeat_at IS NULL
                              THEN coalesce(EXCLUDED.last_instance, a.last_instance) ELSE a.last_instance END`,
      [slugs, slugs.map((s) => latest.get(s)?.success ?? null), slugs.map((s) => latest.get(s)?.heartbeat ?? null), slugs.map((s) => latest.get(s)?.instance ?? null)],
      tx,
    );
  }

  async quarantine(tx: Transaction, rows: readonly QuarantineRow[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.db.query(
      `INSERT INTO quarantined_event (token_id, team, automation, event_type, reason, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
      [
        rows.map((r) => r.tokenId),
        rows.map((r) => r.team),
        rows.map((r) => r.automation),
        rows.map((r) => r.eventType),
        rows.map((r) => r.reason),
        rows.map((r) => JSON.stringify(r.payload)),
      ],
      tx,
    );
  }
}
