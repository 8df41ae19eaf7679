import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import type { Kpi, Slo } from '@roundhouse/contracts';
import { emptyHistogram } from '../runs/index.js';
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

const SERIES_ARGUMENTS = `$1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::boolean[]`;

/**
 * The SQL this repository runs, exported so that `bench/dashboard` times exactly the same text
 * directly against PostgreSQL. Parameters: `seriesParams` and `trendParams`.
 *
 * `series` and `trends` call PL/pgSQL functions so that PostgreSQL plans their statements once per
 * connection (generic plans), not on every call. Their SQL lives in the migration that made them
 * (`kpi_series`, `kpi_trends`: PlanKpiStatementsOnce; the window's cut in `run_rollup_parts`:
 * CutRollupWindowsInOnePlace). Migrations are frozen: changing either statement means a new
 * migration that re-creates the function (CREATE OR REPLACE), not an edit of those files.
 */
export const KPI_SQL = {
  automations: `SELECT slug, title, kpis, slos FROM automation WHERE slug = ANY($1::text[]) AND archived_at IS NULL`,
  /** Per request: run totals over its window (or a KPI's measurements), and when its data starts. */
  series: `SELECT * FROM kpi_series(${SERIES_ARGUMENTS})`,
  /** Per request and bucket of `step_ms` from `origin` with data: the same figures. */
  trends: `SELECT * FROM kpi_trends(${SERIES_ARGUMENTS}, $7::timestamptz[], $8::float8[])`,
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
