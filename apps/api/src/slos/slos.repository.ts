import { Inject, Injectable } from '@nestjs/common';
import type { Slo } from '@roundhouse/contracts';
import { waitingCondition } from '../dead-letters/index.js';
import { Database } from '../database/database.js';
import { sloThresholdMs, sloWindowMs } from './slo-duration.js';

/** Runs that ended in the last `windowMs` milliseconds before `to`, from the per-minute rollups. */
export interface WindowRollup {
  windowMs: number;
  succeeded: number;
  failed: number;
  deadLettered: number;
}

/** Minutes a dead-letter SLO was sampled in the last `windowMs`, and how many of them were within its limit. */
export interface DeadLetterWindow {
  slo: string;
  windowMs: number;
  goodMinutes: number;
  sampledMinutes: number;
}

/** A runbook by id and title, without its Markdown. */
export interface RunbookLink {
  id: string;
  title: string;
}

/** Everything an automation's SLO status is computed from, read in one query. */
export interface SloSnapshot {
  slos: Slo[];
  runbooks: RunbookLink[];
  /** One entry per window asked for, in any order. */
  windows: WindowRollup[];
  lastSuccessAt: Date | null;
  /** Dead letters still waiting for a decision: pending or failed_again, not taken by a request (waitingCondition). */
  pendingDeadLetters: number;
  /** First failure of the oldest of those; null when none is waiting. */
  oldestPendingSince: Date | null;
  /** The first minute the automation reported any run; null when it never has. */
  firstReportedMinute: Date | null;
  /**
   * Minutes (epoch ms) with at least one success, ascending, up to `to` and as far back as the
   * freshness SLOs need: their window (or the longest alert window, if longer) plus their threshold,
   * so the last success before a window is there. Empty without a freshness SLO.
   */
  successMinutes: number[];
  /**
   * For each dead-letter SLO, one entry per window asked for and its own window: the per-minute
   * gauge (`dead_letter_backlog_minute`) counted against the SLO's limit.
   */
  deadLetterWindows: DeadLetterWindow[];
  /**
   * For each latency threshold of the automation's SLOs and each window asked for (and the SLO
   * windows): runs that ended in (now − window, now], and those that took at most the threshold,
   * exactly (`run_latency_minute`, and the raw runs at the edges).
   */
  latencyWindows: LatencyWindow[];
}

/** Runs over a window, and how many took at most a latency SLO's threshold. */
export interface LatencyWindow {
  windowMs: number;
  thresholdMs: number;
  within: number;
  runs: number;
}

interface SnapshotRow {
  runbooks: RunbookLink[];
  windows: { window_ms: number; succeeded: number; failed: number; dead_lettered: number }[];
  last_success_at: Date | null;
  pending_dead_letters: number;
  oldest_pending_since: Date | null;
  first_reported_minute: Date | null;
  success_minutes: number[];
  dead_letter_windows: { slo: string; window_ms: number; good: number; total: number }[];
  latency_windows: { window_ms: number; threshold_ms: number; within: number; runs: number }[];
}

const PENDING = (slug: string) => `automation_slug = ${slug} AND ${waitingCondition('dead_letter')}`;

const MINUTE_ORIGIN = `timestamptz '2000-01-01 00:00:00+00'`;
const floorMinute = (at: string) => `date_bin('1 minute', ${at}, ${MINUTE_ORIGIN})`;
const ceilMinute = (at: string) => `(CASE WHEN ${floorMinute(at)} = ${at} THEN ${at} ELSE ${floorMinute(at)} + interval '1 minute' END)`;

/**
 * An SLO as a statement reads it: its window and threshold already in milliseconds, parsed once with
 * `parseDuration` (slo-duration.ts) and sent as a parameter, never parsed again in SQL.
 */
interface SloParameter {
  slug: string;
  name: string;
  indicator: Slo['indicator'];
  max_backlog: number | null;
  window_ms: number;
  threshold_ms: number | null;
}

function sloParameters(slos: ReadonlyMap<string, readonly Slo[]>): string {
  const rows: SloParameter[] = [...slos].flatMap(([slug, list]) =>
    list.map((slo) => ({ slug, name: slo.name, indicator: slo.indicator, max_backlog: slo.maxBacklog ?? null, window_ms: sloWindowMs(slo), threshold_ms: sloThresholdMs(slo) })),
  );
  return JSON.stringify(rows);
}

/** The SLOs of automation `slug` in parameter `param` (see `sloParameters`). */
const SLOS_OF = (param: string, slug: string) =>
  `jsonb_to_recordset(${param}::jsonb) AS s(slug text, name text, indicator text, max_backlog int, window_ms bigint, threshold_ms bigint) WHERE s.slug = ${slug}`;

/** The dead-letter SLOs of automation `slug` in parameter `param`, with their limits. */
const DEAD_LETTER_SLOS = (param: string, slug: string) => `dl_slo AS (
         SELECT s.name, s.indicator, s.max_backlog, s.window_ms, s.threshold_ms
           FROM ${SLOS_OF(param, slug)} AND s.indicator IN ('dead_letter_backlog', 'dead_letter_age')
       )`;

/**
 * Sampled and good minutes of dead-letter SLO `dl` among gauge rows `g`: a minute is good when the
 * backlog was within the limit, or the oldest waiting dead letter was young enough (none waiting is good).
 */
const GAUGE_COUNTS = `count(g.minute)::int AS total,
                count(g.minute) FILTER (
                  WHERE CASE WHEN dl.indicator = 'dead_letter_backlog' THEN g.pending <= dl.max_backlog
                             ELSE g.oldest_pending_since IS NULL OR g.minute - g.oldest_pending_since <= dl.threshold_ms * interval '1 millisecond' END
                )::int AS good`;

/**
 * The snapshot of automation `a.slug` (see `snapshots`), as a lateral subquery over the slugs asked:
 * parameters $2 alert windows (ms), $3 the end of the current minute, $4 now, $5 the SLOs (`sloParameters`).
 */
const SNAPSHOT = `WITH definition AS (
         SELECT runbooks FROM automation WHERE slug = a.slug
       ), slo AS (
         SELECT s.indicator, s.window_ms, s.threshold_ms FROM ${SLOS_OF('$5', 'a.slug')}
       ), window_length AS (
         SELECT unnest($2::bigint[]) AS window_ms UNION SELECT window_ms FROM slo
       ), window_edges AS (
         -- Runs are counted over (now − W, now] exactly: the whole minutes inside from the rollups
         -- (whole hours from the hourly ones, run_rollup_span), the partial minutes at both edges from
         -- the raw runs, by the time each attempt ended.
         SELECT w.window_ms, $4::timestamptz - w.window_ms * interval '1 millisecond' AS from_at,
                ${ceilMinute("($4::timestamptz - w.window_ms * interval '1 millisecond')")} AS first_minute,
                ${floorMinute('$4::timestamptz')} AS last_minute
           FROM window_length w
       ), windows AS (
         SELECT e.window_ms,
                (s.succeeded + r.succeeded)::int AS succeeded, (s.failed + r.failed)::int AS failed, (s.dead_lettered + r.dead_lettered)::int AS dead_lettered
           FROM window_edges e
           CROSS JOIN LATERAL run_rollup_span(a.slug, e.first_minute, greatest(e.first_minute, e.last_minute), false) s
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE status = 'succeeded') AS succeeded, count(*) FILTER (WHERE status = 'failed') AS failed,
                    count(*) FILTER (WHERE status = 'dead_lettered') AS dead_lettered
               FROM run
              WHERE automation_slug = a.slug AND counted AND status <> 'running'
                AND finished_at > e.from_at AND finished_at <= $4::timestamptz
                AND (finished_at < e.first_minute OR finished_at >= greatest(e.first_minute, e.last_minute))
           ) r
       ), latency_windows AS (
         -- Latency SLOs: runs within each threshold, exactly, over the same (now − W, now].
         SELECT e.window_ms, th.threshold_ms, (s.within + r.within)::int AS within, (s.runs + r.runs)::int AS runs
           FROM window_edges e
           CROSS JOIN (SELECT DISTINCT threshold_ms FROM slo WHERE indicator = 'latency' AND threshold_ms IS NOT NULL) th
           CROSS JOIN LATERAL run_latency_span(a.slug, th.threshold_ms, e.first_minute, greatest(e.first_minute, e.last_minute)) s
           CROSS JOIN LATERAL (
             SELECT count(*) AS runs, count(*) FILTER (WHERE coalesce(duration_ms, 0) <= th.threshold_ms) AS within
               FROM run
              WHERE automation_slug = a.slug AND counted AND status <> 'running'
                AND finished_at > e.from_at AND finished_at <= $4::timestamptz
                AND (finished_at < e.first_minute OR finished_at >= greatest(e.first_minute, e.last_minute))
           ) r
       ), ${DEAD_LETTER_SLOS('$5', 'a.slug')}, dl_windows AS (
         SELECT dl.name AS slo, w.window_ms, ${GAUGE_COUNTS}
           FROM dl_slo dl
           CROSS JOIN LATERAL (SELECT unnest($2::bigint[]) AS window_ms UNION SELECT dl.window_ms) w
           LEFT JOIN dead_letter_backlog_minute g
             ON g.automation_slug = a.slug AND g.minute >= $3::timestamptz - w.window_ms * interval '1 millisecond' AND g.minute < $3::timestamptz
          GROUP BY dl.name, w.window_ms
       ), success_lookback AS (
         SELECT $3::timestamptz - max(greatest(window_ms, (SELECT max(m) FROM unnest($2::bigint[]) AS m)) + threshold_ms) * interval '1 millisecond' AS since
           FROM slo WHERE indicator = 'freshness'
       )
       SELECT (SELECT coalesce(json_agg(json_build_object('id', rb->>'id', 'title', rb->>'title')), '[]'::json) FROM jsonb_array_elements(d.runbooks) AS rb) AS runbooks,
              (SELECT coalesce(json_agg(json_build_object('window_ms', window_ms, 'succeeded', succeeded, 'failed', failed, 'dead_lettered', dead_lettered)), '[]'::json) FROM windows) AS windows,
              (SELECT last_success_at FROM automation_activity WHERE automation_slug = a.slug) AS last_success_at,
              (SELECT count(*)::int FROM dead_letter WHERE ${PENDING('a.slug')}) AS pending_dead_letters,
              (SELECT min(first_failed_at) FROM dead_letter WHERE ${PENDING('a.slug')}) AS oldest_pending_since,
              (SELECT min(minute) FROM run_rollup_minute WHERE automation_slug = a.slug) AS first_reported_minute,
              (SELECT coalesce(array_agg((extract(epoch FROM minute) * 1000)::float8 ORDER BY minute), '{}')
                 FROM run_rollup_minute
                WHERE automation_slug = a.slug AND succeeded > 0 AND minute >= (SELECT since FROM success_lookback) AND minute < $3::timestamptz) AS success_minutes,
              (SELECT coalesce(json_agg(json_build_object('slo', slo, 'window_ms', window_ms, 'good', good, 'total', total)), '[]'::json) FROM dl_windows) AS dead_letter_windows,
              (SELECT coalesce(json_agg(json_build_object('window_ms', window_ms, 'threshold_ms', threshold_ms, 'within', within, 'runs', runs)), '[]'::json) FROM latency_windows) AS latency_windows
         FROM definition d`;

function snapshotOf(row: SnapshotRow, slos: Slo[]): SloSnapshot {
  return {
    slos,
    runbooks: row.runbooks,
    windows: row.windows.map((w) => ({ windowMs: Number(w.window_ms), succeeded: w.succeeded, failed: w.failed, deadLettered: w.dead_lettered })),
    lastSuccessAt: row.last_success_at === null ? null : new Date(row.last_success_at),
    pendingDeadLetters: row.pending_dead_letters,
    oldestPendingSince: row.oldest_pending_since === null ? null : new Date(row.oldest_pending_since),
    firstReportedMinute: row.first_reported_minute === null ? null : new Date(row.first_reported_minute),
    successMinutes: row.success_minutes.map(Number),
    deadLetterWindows: row.dead_letter_windows.map((w) => ({ slo: w.slo, windowMs: Number(w.window_ms), goodMinutes: w.good, sampledMinutes: w.total })),
    latencyWindows: row.latency_windows.map((w) => ({ windowMs: Number(w.window_ms), thresholdMs: Number(w.threshold_ms), within: w.within, runs: w.runs })),
  };
}

@Injectable()
export class SlosRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * An automation's SLO definitions with the counts to judge them, or null when no automation has
   * the slug. Runs are counted over (now − window, now] exactly, for each of `alertWindowsMs` and for
   * each SLO's own window; minutes (freshness, the dead-letter gauge) over [to − window, to), `to`
   * being the end of the current minute.
   */
  async snapshot(slug: string, alertWindowsMs: readonly number[], to: Date, now: Date = to): Promise<SloSnapshot | null> {
    return (await this.snapshots([slug], alertWindowsMs, to, now)).get(slug) ?? null;
  }

  /** `snapshot` of each of `slugs` there is, by slug, in one statement. */
  async snapshots(slugs: readonly string[], alertWindowsMs: readonly number[], to: Date, now: Date = to): Promise<Map<string, SloSnapshot>> {
    if (slugs.length === 0) {
      return new Map();
    }
    const slos = await this.sloDefinitions(slugs);
    const rows = await this.db.read<SnapshotRow & { automation: string }>(
      `SELECT a.slug AS automation, snapshot.* FROM unnest($1::text[]) AS a(slug) CROSS JOIN LATERAL (${SNAPSHOT}) snapshot`,
      [[...slos.keys()], alertWindowsMs, to, now, sloParameters(slos)],
    );
    return new Map(rows.map((row) => [row.automation, snapshotOf(row, slos.get(row.automation) ?? [])]));
  }

  /** The SLOs of each of `slugs` there is, as stored (validated by the catalog contract), by slug. */
  private async sloDefinitions(slugs: readonly string[]): Promise<Map<string, Slo[]>> {
    const rows = await this.db.read<{ slug: string; slos: Slo[] }>(`SELECT slug, slos FROM automation WHERE slug = ANY($1::text[])`, [[...slugs]]);
    return new Map(rows.map((row) => [row.slug, row.slos]));
  }

  /** Per dead-letter SLO of the automation: gauge minutes sampled and good in [from, to). */
  async deadLetterGaugeCounts(slug: string, from: Date, to: Date): Promise<Map<string, { good: number; total: number }>> {
    const slos = await this.sloDefinitions([slug]);
    const rows = await this.db.read<{ slo: string; good: number; total: number }>(
      `WITH ${DEAD_LETTER_SLOS('$4', '$1')}
       SELECT dl.name AS slo, ${GAUGE_COUNTS}
         FROM dl_slo dl
         LEFT JOIN dead_letter_backlog_minute g ON g.automation_slug = $1 AND g.minute >= $2 AND g.minute < $3
        GROUP BY dl.name`,
      [slug, from, to, sloParameters(slos)],
    );
    return new Map(rows.map((r) => [r.slo, { good: r.good, total: r.total }]));
  }

  /**
   * Samples every active automation's dead-letter backlog for `minute`: how many wait for a decision
   * and since when the oldest does. A minute sampled twice (two replicas) keeps its first sample.
   */
  async recordDeadLetterGauge(minute: Date): Promise<number> {
    const rows = await this.db.query<{ automation_slug: string }>(
      `INSERT INTO dead_letter_backlog_minute (automation_slug, minute, pending, oldest_pending_since)
       SELECT a.slug, $1::timestamptz, coalesce(d.pending, 0), d.oldest
         FROM automation a
         LEFT JOIN (
           SELECT automation_slug, count(*)::int AS pending, min(first_failed_at) AS oldest
             FROM dead_letter WHERE ${waitingCondition('dead_letter')} GROUP BY automation_slug
         ) d ON d.automation_slug = a.slug
        WHERE a.archived_at IS NULL
       ON CONFLICT (automation_slug, minute) DO NOTHING
       RETURNING automation_slug`,
      [minute],
    );
    return rows.length;
  }

  /** Drops gauge samples older than `before`; returns how many. */
  async pruneDeadLetterGauge(before: Date): Promise<number> {
    const rows = await this.db.query<{ n: number }>(`WITH gone AS (DELETE FROM dead_letter_backlog_minute WHERE minute < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [
      before,
    ]);
    return rows[0]?.n ?? 0;
  }

  /** Slugs of active automations that declare at least one SLO. */
  async automationsWithSlos(): Promise<string[]> {
    const rows = await this.db.query<{ slug: string }>(`SELECT slug FROM automation WHERE archived_at IS NULL AND jsonb_array_length(slos) > 0 ORDER BY slug`);
    return rows.map((r) => r.slug);
  }
}
