import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { Kpi, Slo } from '@roundhouse/contracts';
import { emptyHistogram, histogramSumSql } from '../runs/index.js';
import type { SeriesFacts } from './kpi-values.js';

/** An automation's KPI and SLO definitions, as the catalog holds them. */
export interface AutomationKpis {
  slug: string;
  title: string;
  kpis: Kpi[];
  slos: Slo[];
}

/**
 * One series over one window: the automation's run totals (`kpi` null, from `run_rollup_minute`)
 * or one KPI's measurements (from `kpi_measurement`). `key` names it in the answer.
 */
export interface SeriesRequest {
  key: string;
  automation: string;
  kpi: string | null;
  from: Date;
  to: Date;
  /** Sum the duration histograms too (cycle-time percentiles, latency SLOs); costly, so only when needed. */
  histogram: boolean;
}

/** A series cut into buckets of `stepMs` from `origin`, over [from, to). */
export interface TrendSeriesRequest extends SeriesRequest {
  origin: Date;
  stepMs: number;
}

interface FactsRow {
  key: string;
  succeeded: number;
  failed: number;
  dead_lettered: number;
  manual_touches: number;
  histogram: number[] | null;
  rollup_minutes: number;
  mean: number | null;
  measurements: number;
  first_data_at: Date | null;
}

interface BucketRow extends Omit<FactsRow, 'first_data_at'> {
  bucket: number;
}

const REQUESTS = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::boolean[]) AS r(key, automation, kpi, from_at, to_at, with_histogram)`;

/** Run totals of a window as `run_rollup_span` answers them (whole hours from the hourly rollups, the edges from the minutes). */
const SPAN_COLUMNS = `s.succeeded::float8 AS succeeded, s.failed::float8 AS failed, s.dead_lettered::float8 AS dead_lettered,
                  s.manual_touches::float8 AS manual_touches, s.minutes::int AS rollup_minutes, s.histogram`;

/**
 * Run totals of request `r` over its window; a KPI-measurement request gets an empty window (zeros).
 * The histogram is summed only for requests that ask for it.
 */
const RUN_SUMS = `SELECT ${SPAN_COLUMNS} FROM run_rollup_span(r.automation, r.from_at, CASE WHEN r.kpi IS NULL THEN r.to_at ELSE r.from_at END, r.with_histogram) s`;

/**
 * Each run request's buckets of `r.step_ms` from `r.origin` over [from, to), with the bucket's part
 * [f, t) of the window (the `OFFSET 0` keeps the planner from pasting the expressions into every
 * index condition of `run_rollup_parts`).
 */
const BUCKETS = `SELECT r.key, r.automation, r.with_histogram, b.bucket, s.f, s.t
           FROM r
          CROSS JOIN LATERAL generate_series(floor(extract(epoch FROM r.from_at - r.origin) * 1000 / r.step_ms)::int,
                                             ceil(extract(epoch FROM r.to_at - r.origin) * 1000 / r.step_ms)::int - 1) AS b(bucket)
          CROSS JOIN LATERAL (SELECT greatest(r.from_at, r.origin + b.bucket * r.step_ms * interval '1 millisecond') AS f,
                                     least(r.to_at, r.origin + (b.bucket + 1) * r.step_ms * interval '1 millisecond') AS t OFFSET 0) s
          WHERE r.kpi IS NULL`;

/**
 * The rollup rows of every bucket, each read once with its bucket: `run_rollup_parts` (migration
 * CutRollupWindowsInOnePlace) cuts the bucket as `run_rollup_span` cuts a window (minutes, hours,
 * whole sealed days, hours, minutes) and is inlined, so these are index ranges per bucket.
 * Histograms only for requests that want them.
 */
const BUCKET_PARTS = `SELECT c.key, c.bucket, c.with_histogram, p.succeeded, p.failed, p.dead_lettered, p.manual_touches, p.minutes,
                CASE WHEN c.with_histogram THEN p.duration_histogram END AS duration_histogram
           FROM buckets c
          CROSS JOIN LATERAL run_rollup_parts(c.automation, c.f, c.t) p`;

/** Run totals per request and bucket, as `run_rollup_span` over the bucket answers them; only buckets with rollups. */
const RUN_BUCKETS = `SELECT key, bucket, sum(succeeded)::float8 AS succeeded, sum(failed)::float8 AS failed, sum(dead_lettered)::float8 AS dead_lettered,
                sum(manual_touches)::float8 AS manual_touches, sum(minutes)::int AS rollup_minutes,
                CASE WHEN bool_or(with_histogram) THEN ${histogramSumSql('duration_histogram')} END AS histogram,
                NULL::float8 AS mean, 0 AS measurements
           FROM parts GROUP BY key, bucket HAVING sum(minutes) > 0`;

/** Parameters of `KPI_SQL.series`. */
export function seriesParams(requests: readonly SeriesRequest[]): unknown[] {
  return [
    requests.map((r) => r.key),
    requests.map((r) => r.automation),
    requests.map((r) => r.kpi),
    requests.map((r) => r.from),
    requests.map((r) => r.to),
    requests.map((r) => r.histogram),
  ];
}

/**
 * The SQL this repository runs, exported so that `bench/dashboard` times exactly the same text
 * directly against PostgreSQL. Parameters: `seriesParams` and `trendParams`.
 */
export const KPI_SQL = {
  automations: `SELECT slug, title, kpis, slos FROM automation WHERE slug = ANY($1::text[]) AND archived_at IS NULL`,
  series: `WITH r AS (${REQUESTS})
       SELECT r.key, runs.succeeded, runs.failed, runs.dead_lettered, runs.manual_touches, runs.histogram, runs.rollup_minutes,
              m.mean, m.measurements,
              CASE WHEN r.kpi IS NULL
                   THEN (SELECT min(minute) FROM run_rollup_minute WHERE automation_slug = r.automation)
                   ELSE (SELECT min(measured_at) FROM kpi_measurement WHERE automation_slug = r.automation AND kpi = r.kpi) END AS first_data_at
         FROM r
         CROSS JOIN LATERAL (${RUN_SUMS}) runs
         CROSS JOIN LATERAL (
           SELECT avg(k.value)::float8 AS mean, count(*)::int AS measurements FROM kpi_measurement k
            WHERE r.kpi IS NOT NULL AND k.automation_slug = r.automation AND k.kpi = r.kpi AND k.measured_at >= r.from_at AND k.measured_at < r.to_at
         ) m`,
  trends: `WITH r AS (
         SELECT q.*, o.origin, o.step_ms FROM (${REQUESTS}) q
           JOIN unnest($1::text[], $7::timestamptz[], $8::float8[]) AS o(key, origin, step_ms) ON o.key = q.key
       ), buckets AS MATERIALIZED (${BUCKETS}), parts AS (${BUCKET_PARTS})
       ${RUN_BUCKETS}
       UNION ALL
       SELECT r.key, m.* FROM r
        CROSS JOIN LATERAL (
          SELECT floor(extract(epoch FROM k.measured_at - r.origin) * 1000 / r.step_ms)::int AS bucket,
                 0::float8, 0::float8, 0::float8, 0::float8, 0, NULL::int[], avg(k.value)::float8, count(*)::int
            FROM kpi_measurement k
           WHERE r.kpi IS NOT NULL AND k.automation_slug = r.automation AND k.kpi = r.kpi AND k.measured_at >= r.from_at AND k.measured_at < r.to_at
           GROUP BY 1
        ) m`,
} as const;

/** Parameters of `KPI_SQL.trends`. */
export function trendParams(requests: readonly TrendSeriesRequest[]): unknown[] {
  return [...seriesParams(requests), requests.map((r) => r.origin), requests.map((r) => r.stepMs)];
}

function toFacts(row: Omit<FactsRow, 'key' | 'first_data_at'>, firstDataAt: Date | null): SeriesFacts {
  return {
    runs: {
      succeeded: Number(row.succeeded),
      failed: Number(row.failed),
      deadLettered: Number(row.dead_lettered),
      manualTouches: Number(row.manual_touches),
      histogram: row.histogram ?? emptyHistogram(),
    },
    rollupMinutes: Number(row.rollup_minutes),
    mean: row.mean === null ? null : Number(row.mean),
    measurements: Number(row.measurements),
    firstDataAt,
  };
}

/** KPI figures from the per-minute rollups and the KPI measurements; never from raw runs. */
@Injectable()
export class KpisRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /**
   * The automations among `slugs` that are in the catalog (not archived), with their KPIs and SLOs.
   * From the primary, never the read replica: KpiDefinitions keeps what this answers until the
   * automation's next change is notified, and a lagging replica's older copy would be kept until then.
   */
  async automations(slugs: readonly string[]): Promise<AutomationKpis[]> {
    if (slugs.length === 0) {
      return [];
    }
    return this.db.query<AutomationKpis>(KPI_SQL.automations, [[...slugs]]);
  }

  /** Every series over its window, in one query, by key. */
  async series(requests: readonly SeriesRequest[]): Promise<Map<string, SeriesFacts>> {
    if (requests.length === 0) {
      return new Map();
    }
    const rows = await this.db.read<FactsRow>(KPI_SQL.series, seriesParams(requests));
    return new Map(rows.map((row) => [row.key, toFacts(row, row.first_data_at === null ? null : new Date(row.first_data_at))]));
  }

  /**
   * Every series cut into buckets, in one query: by key, the facts of each bucket that has data,
   * by bucket index (0 is the bucket starting at `origin`). Buckets without data are absent.
   */
  async trends(requests: readonly TrendSeriesRequest[]): Promise<Map<string, Map<number, SeriesFacts>>> {
    const result = new Map<string, Map<number, SeriesFacts>>(requests.map((r) => [r.key, new Map()]));
    if (requests.length === 0) {
      return result;
    }
    const rows = await this.db.read<BucketRow>(KPI_SQL.trends, trendParams(requests));
    for (const row of rows) {
      result.get(row.key)?.set(Number(row.bucket), toFacts(row, null));
    }
    return result;
  }
}
