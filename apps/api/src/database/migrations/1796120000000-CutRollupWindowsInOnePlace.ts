import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buckets of the duration histogram (runs/duration-histogram.ts); fixed by the stored data. */
const BUCKETS = 121;

const histogramSum = (column: string) => `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;

const ORIGIN = `timestamptz '2000-01-01 00:00:00+00'`;
const HOUR_OF = (column: string) => `date_bin('1 hour', ${column}, ${ORIGIN})`;
/** UTC days, as kpiTrend cuts them. */
const DAY_OF = (column: string) => `date_bin('1 day', ${column}, ${ORIGIN})`;

const COUNTERS = 'succeeded, failed, dead_lettered, retried, manual_touches, dependency_retries, dependency_timeouts, circuit_opens';

/**
 * The rollup rows that hold the window [p_from, p_to), not summed: minutes [p_from, h1), hours
 * [h1, d1), whole sealed days [d1, d2), hours [d2, h2), minutes [h2, p_to). Without a whole hour
 * h1 = h2 = p_to (all minutes); without a whole sealed day d1 = d2 = h2 (hours, then minutes).
 * A 30-day window is ~29 day rows, ≤ 46 hours and ≤ 118 minutes. One SELECT, LANGUAGE sql, STABLE:
 * the planner inlines it, so a caller that sums only the counters never reads a histogram sum, and
 * a lateral call per trend bucket is index ranges per bucket.
 */
const PARTS_BODY = (() => {
  // Each cut as a scalar subquery (an InitPlan: a plain index bound), not a join with d, which
  // the planner may answer with a sequential scan of a large minute table.
  const cut = (name: string) => `(SELECT ${name} FROM d)`;
  const ceilHour = `(CASE WHEN ${HOUR_OF('p_from')} = p_from THEN p_from ELSE ${HOUR_OF('p_from')} + interval '1 hour' END)`;
  return `WITH h AS (
          SELECT CASE WHEN whole THEN first_hour ELSE p_to END AS h1, CASE WHEN whole THEN last_hour ELSE p_to END AS h2
            FROM (SELECT ${ceilHour} AS first_hour, ${HOUR_OF('p_to')} AS last_hour, ${ceilHour} < ${HOUR_OF('p_to')} AS whole) x
        ), d AS (
          SELECT h1, h2, CASE WHEN first_day < last_day THEN first_day ELSE h2 END AS d1, CASE WHEN first_day < last_day THEN last_day ELSE h2 END AS d2
            FROM (SELECT h1, h2, CASE WHEN ${DAY_OF('h1')} = h1 THEN h1 ELSE ${DAY_OF('h1')} + interval '1 day' END AS first_day,
                         least(${DAY_OF('h2')}, (SELECT through FROM run_rollup_day_sealed)) AS last_day FROM h) y
        )
        SELECT ${COUNTERS}, minutes, duration_histogram FROM run_rollup_day WHERE automation_slug = p_slug AND day >= ${cut('d1')} AND day < ${cut('d2')}
        UNION ALL
        SELECT ${COUNTERS}, minutes, duration_histogram FROM run_rollup_hour WHERE automation_slug = p_slug AND hour >= ${cut('h1')} AND hour < ${cut('d1')}
        UNION ALL
        SELECT ${COUNTERS}, minutes, duration_histogram FROM run_rollup_hour WHERE automation_slug = p_slug AND hour >= ${cut('d2')} AND hour < ${cut('h2')}
        UNION ALL
        SELECT ${COUNTERS}, 1, duration_histogram FROM run_rollup_minute WHERE automation_slug = p_slug AND minute >= p_from AND minute < ${cut('h1')}
        UNION ALL
        SELECT ${COUNTERS}, 1, duration_histogram FROM run_rollup_minute WHERE automation_slug = p_slug AND minute >= ${cut('h2')} AND minute < p_to`;
})();

const PARTS = `
      CREATE OR REPLACE FUNCTION run_rollup_parts(p_slug text, p_from timestamptz, p_to timestamptz)
      RETURNS TABLE (succeeded integer, failed integer, dead_lettered integer, retried integer, manual_touches integer,
                     dependency_retries integer, dependency_timeouts integer, circuit_opens integer, minutes integer, duration_histogram integer[])
      LANGUAGE sql STABLE AS $$
        ${PARTS_BODY}
      $$`;

/**
 * `run_rollup_span`, same signature and answers as CreateDailyRollups made it: the sums of `parts`,
 * the window's rollup rows (`run_rollup_parts`, or for `down` the same cut written in place).
 */
const span = (parts: string) => `
      CREATE OR REPLACE FUNCTION run_rollup_span(p_slug text, p_from timestamptz, p_to timestamptz, p_histogram boolean)
      RETURNS TABLE (succeeded bigint, failed bigint, dead_lettered bigint, retried bigint, manual_touches bigint,
                     dependency_retries bigint, dependency_timeouts bigint, circuit_opens bigint, minutes bigint, histogram integer[])
      LANGUAGE sql STABLE AS $$
        WITH parts AS MATERIALIZED (${parts})
        SELECT coalesce(sum(succeeded), 0)::bigint, coalesce(sum(failed), 0)::bigint, coalesce(sum(dead_lettered), 0)::bigint,
               coalesce(sum(retried), 0)::bigint, coalesce(sum(manual_touches), 0)::bigint,
               coalesce(sum(dependency_retries), 0)::bigint, coalesce(sum(dependency_timeouts), 0)::bigint, coalesce(sum(circuit_opens), 0)::bigint,
               coalesce(sum(minutes), 0)::bigint,
               (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ${histogramSum('p.duration_histogram')} END FROM parts p WHERE p_histogram)
          FROM parts
      $$`;

/**
 * The cut of a window into rollup rows, written once, in SQL: `run_rollup_parts` returns the rows
 * (counters, minutes, histogram) of the window's cut, and `run_rollup_span` sums them as before;
 * the KPI trend statement reads each bucket's rows from `run_rollup_parts` instead of its own copy
 * of the cut in TypeScript.
 */
export class CutRollupWindowsInOnePlace1796120000000 implements MigrationInterface {
  name = 'CutRollupWindowsInOnePlace1796120000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(PARTS);
    await db.query(span('SELECT * FROM run_rollup_parts(p_slug, p_from, p_to)'));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(span(PARTS_BODY));
    await db.query(`DROP FUNCTION run_rollup_parts(text, timestamptz, timestamptz)`);
  }
}
