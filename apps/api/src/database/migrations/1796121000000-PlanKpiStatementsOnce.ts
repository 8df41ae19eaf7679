import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buckets of the duration histogram (runs/duration-histogram.ts); fixed by the stored data. */
const BUCKETS = 121;

const histogramSum = (column: string) => `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;

/** The series requests, one row each (parameters as `seriesParams` in kpis.repository.ts builds them). */
const REQUESTS = `SELECT * FROM unnest(p_keys, p_automations, p_kpis, p_froms, p_tos, p_histograms) AS r(key, automation, kpi, from_at, to_at, with_histogram)`;

/**
 * `KPI_SQL.series` as it was in kpis.repository.ts: per request, the run totals over its window
 * (`run_rollup_span`; a KPI-measurement request gets an empty window), the measurements' mean, and
 * when the series' data starts.
 */
const SERIES = `WITH r AS (${REQUESTS})
       SELECT r.key, runs.succeeded, runs.failed, runs.dead_lettered, runs.manual_touches, runs.histogram, runs.rollup_minutes,
              m.mean, m.measurements,
              CASE WHEN r.kpi IS NULL
                   THEN (SELECT min(minute) FROM run_rollup_minute WHERE automation_slug = r.automation)
                   ELSE (SELECT min(measured_at) FROM kpi_measurement WHERE automation_slug = r.automation AND kpi = r.kpi) END AS first_data_at
         FROM r
         CROSS JOIN LATERAL (
           SELECT s.succeeded::float8 AS succeeded, s.failed::float8 AS failed, s.dead_lettered::float8 AS dead_lettered,
                  s.manual_touches::float8 AS manual_touches, s.minutes::int AS rollup_minutes, s.histogram
             FROM run_rollup_span(r.automation, r.from_at, CASE WHEN r.kpi IS NULL THEN r.to_at ELSE r.from_at END, r.with_histogram) s
         ) runs
         CROSS JOIN LATERAL (
           SELECT avg(k.value)::float8 AS mean, count(*)::int AS measurements FROM kpi_measurement k
            WHERE r.kpi IS NOT NULL AND k.automation_slug = r.automation AND k.kpi = r.kpi AND k.measured_at >= r.from_at AND k.measured_at < r.to_at
         ) m`;

/**
 * `KPI_SQL.trends` as it was in kpis.repository.ts: every request cut into buckets of `step_ms`
 * from `origin`; per bucket with data, the run totals (each bucket's rollup rows from
 * `run_rollup_parts`, the `OFFSET 0` keeping the bucket's edges out of its index conditions) or the
 * measurements' mean.
 */
const TRENDS = `WITH r AS (
         SELECT q.*, o.origin, o.step_ms FROM (${REQUESTS}) q
           JOIN unnest(p_keys, p_origins, p_step_ms) AS o(key, origin, step_ms) ON o.key = q.key
       ), buckets AS MATERIALIZED (
         SELECT r.key, r.automation, r.with_histogram, b.bucket, s.f, s.t
           FROM r
          CROSS JOIN LATERAL generate_series(floor(extract(epoch FROM r.from_at - r.origin) * 1000 / r.step_ms)::int,
                                             ceil(extract(epoch FROM r.to_at - r.origin) * 1000 / r.step_ms)::int - 1) AS b(bucket)
          CROSS JOIN LATERAL (SELECT greatest(r.from_at, r.origin + b.bucket * r.step_ms * interval '1 millisecond') AS f,
                                     least(r.to_at, r.origin + (b.bucket + 1) * r.step_ms * interval '1 millisecond') AS t OFFSET 0) s
          WHERE r.kpi IS NULL
       ), parts AS (
         SELECT c.key, c.bucket, c.with_histogram, p.succeeded, p.failed, p.dead_lettered, p.manual_touches, p.minutes,
                CASE WHEN c.with_histogram THEN p.duration_histogram END AS duration_histogram
           FROM buckets c
          CROSS JOIN LATERAL run_rollup_parts(c.automation, c.f, c.t) p
       )
       SELECT key, bucket, sum(succeeded)::float8 AS succeeded, sum(failed)::float8 AS failed, sum(dead_lettered)::float8 AS dead_lettered,
              sum(manual_touches)::float8 AS manual_touches, sum(minutes)::int AS rollup_minutes,
              CASE WHEN bool_or(with_histogram) THEN ${histogramSum('duration_histogram')} END AS histogram,
              NULL::float8 AS mean, 0 AS measurements
         FROM parts GROUP BY key, bucket HAVING sum(minutes) > 0
       UNION ALL
       SELECT r.key, m.* FROM r
        CROSS JOIN LATERAL (
          SELECT floor(extract(epoch FROM k.measured_at - r.origin) * 1000 / r.step_ms)::int AS bucket,
                 0::float8, 0::float8, 0::float8, 0::float8, 0, NULL::int[], avg(k.value)::float8, count(*)::int
            FROM kpi_measurement k
           WHERE r.kpi IS NOT NULL AND k.automation_slug = r.automation AND k.kpi = r.kpi AND k.measured_at >= r.from_at AND k.measured_at < r.to_at
           GROUP BY 1
        ) m`;

const SERIES_ARGUMENTS = `p_keys text[], p_automations text[], p_kpis text[], p_froms timestamptz[], p_tos timestamptz[], p_histograms boolean[]`;

/**
 * A KPI statement as a PL/pgSQL function: PL/pgSQL keeps its query's plan for the connection, and
 * `plan_cache_mode = force_generic_plan` (on the function only, so only its own queries) makes that
 * plan a generic one, planned once instead of on every call (the plan is the same index walk: the
 * parameters are automations and windows). `#variable_conflict use_column`: a column named as an
 * output column (key, bucket, …) is the column.
 */
const kpiFunction = (name: string, args: string, returns: string, query: string) => `
      CREATE OR REPLACE FUNCTION ${name}(${args})
      RETURNS TABLE (${returns})
      LANGUAGE plpgsql STABLE
      SET plan_cache_mode = force_generic_plan
      AS $fn$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY ${query};
      END
      $fn$`;

/**
 * The dashboard's two KPI statements (`KPI_SQL.series`, `KPI_SQL.trends`) planned once per
 * connection instead of on every call: planning was ~85 % of `series`' backend time (the 121
 * histogram sums of the inlined `run_rollup_span`). The api calls `kpi_series(…)` / `kpi_trends(…)`
 * with the same parameters and gets the same rows.
 */
export class PlanKpiStatementsOnce1796121000000 implements MigrationInterface {
  name = 'PlanKpiStatementsOnce1796121000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      kpiFunction(
        'kpi_series',
        SERIES_ARGUMENTS,
        `key text, succeeded float8, failed float8, dead_lettered float8, manual_touches float8, histogram integer[], rollup_minutes integer,
                     mean float8, measurements integer, first_data_at timestamptz`,
        SERIES,
      ),
    );
    await db.query(
      kpiFunction(
        'kpi_trends',
        `${SERIES_ARGUMENTS}, p_origins timestamptz[], p_step_ms float8[]`,
        `key text, bucket integer, succeeded float8, failed float8, dead_lettered float8, manual_touches float8, rollup_minutes integer,
                     histogram integer[], mean float8, measurements integer`,
        TRENDS,
      ),
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION kpi_trends(text[], text[], text[], timestamptz[], timestamptz[], boolean[], timestamptz[], float8[])`);
    await db.query(`DROP FUNCTION kpi_series(text[], text[], text[], timestamptz[], timestamptz[], boolean[])`);
  }
}
