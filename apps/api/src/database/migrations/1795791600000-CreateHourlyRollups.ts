import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buckets of the duration histogram (runs/duration-histogram.ts); fixed by the stored data. */
const BUCKETS = 121;

/** The element-wise sum of `column` over a group: one sum per bucket (the `int_array_sum` aggregate re-builds the array per row, ~15× slower). */
const histogramSum = (column: string) => `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;

const HOUR_OF = (column: string) => `date_bin('1 hour', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** Counter columns the two rollup tables share. */
const COUNTERS = ['succeeded', 'failed', 'dead_lettered', 'retried', 'manual_touches', 'dependency_retries', 'dependency_timeouts', 'circuit_opens'] as const;

/**
 * A statement trigger on run_rollup_minute that folds the changed minute rows into their hours,
 * whoever writes them (ingest, a backfill, a COPY): `sign` 1 adds `rows`, −1 subtracts them; for an
 * update `rows` is new − old, joined on the key.
 */
function foldIntoHours(name: string, source: string, counter: (column: string) => string, histogram: string, minutes: string): string {
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      INSERT INTO run_rollup_hour AS r (automation_slug, hour, ${COUNTERS.join(', ')}, duration_histogram, minutes)
      SELECT n.automation_slug, ${HOUR_OF('n.minute')}, ${COUNTERS.map((c) => counter(c)).join(', ')}, ${histogram}, ${minutes}
        FROM ${source}
       GROUP BY 1, 2
      ON CONFLICT ON CONSTRAINT run_rollup_hour_pkey DO UPDATE SET
        ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')},
        duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram),
        minutes = r.minutes + EXCLUDED.minutes;
      RETURN NULL;
    END
    $fn$`;
}

/**
 * Hourly run rollups beside the per-minute ones, kept equal to the sum of their minutes by
 * statement triggers, and `run_rollup_span`: the totals of any window read from whole hours plus the
 * minutes at its edges. A 30-day question reads ~720 hour rows and at most ~120 minute rows
 * instead of 43,200 minute rows.
 */
export class CreateHourlyRollups1795791600000 implements MigrationInterface {
  name = 'CreateHourlyRollups1795791600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE run_rollup_hour (
        automation_slug     text NOT NULL,
        hour                timestamptz NOT NULL,
        succeeded           integer NOT NULL DEFAULT 0,
        failed              integer NOT NULL DEFAULT 0,
        dead_lettered       integer NOT NULL DEFAULT 0,
        retried             integer NOT NULL DEFAULT 0,
        manual_touches      integer NOT NULL DEFAULT 0,
        duration_histogram  integer[] NOT NULL,
        dependency_retries  integer NOT NULL DEFAULT 0,
        dependency_timeouts integer NOT NULL DEFAULT 0,
        circuit_opens       integer NOT NULL DEFAULT 0,
        minutes             integer NOT NULL DEFAULT 0,
        CONSTRAINT run_rollup_hour_pkey PRIMARY KEY (automation_slug, hour)
      )`);
    await db.query(`
      INSERT INTO run_rollup_hour (automation_slug, hour, succeeded, failed, dead_lettered, retried, manual_touches, duration_histogram, dependency_retries, dependency_timeouts, circuit_opens, minutes)
      SELECT automation_slug, ${HOUR_OF('minute')}, sum(succeeded), sum(failed), sum(dead_lettered), sum(retried), sum(manual_touches), ${histogramSum('duration_histogram')},
             sum(dependency_retries), sum(dependency_timeouts), sum(circuit_opens), count(*)
        FROM run_rollup_minute GROUP BY 1, 2`);

    await db.query(foldIntoHours('run_rollup_hour_add', 'new_rows n', (c) => `sum(n.${c})`, histogramSum('n.duration_histogram'), 'count(*)'));
    await db.query(
      foldIntoHours(
        'run_rollup_hour_change',
        'new_rows n JOIN old_rows o ON o.automation_slug = n.automation_slug AND o.minute = n.minute',
        (c) => `sum(n.${c} - o.${c})`,
        `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum(n.duration_histogram[${i + 1}] - o.duration_histogram[${i + 1}]), 0)`).join(', ')}]::int[]`,
        '0',
      ),
    );
    await db.query(foldIntoHours('run_rollup_hour_remove', 'old_rows n', (c) => `-sum(n.${c})`, `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `-coalesce(sum(n.duration_histogram[${i + 1}]), 0)`).join(', ')}]::int[]`, '-count(*)'));
    await db.query(`CREATE TRIGGER run_rollup_minute_added AFTER INSERT ON run_rollup_minute REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION run_rollup_hour_add()`);
    await db.query(`CREATE TRIGGER run_rollup_minute_changed AFTER UPDATE ON run_rollup_minute REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION run_rollup_hour_change()`);
    await db.query(`CREATE TRIGGER run_rollup_minute_removed AFTER DELETE ON run_rollup_minute REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION run_rollup_hour_remove()`);

    // The window [p_from, p_to): whole hours inside it from run_rollup_hour, the minutes before the
    // first whole hour and after the last from run_rollup_minute (two index ranges). The histogram
    // is summed only when asked: it costs most.
    const firstHour = `(CASE WHEN ${HOUR_OF('p_from')} = p_from THEN p_from ELSE ${HOUR_OF('p_from')} + interval '1 hour' END)`;
    const lastHour = HOUR_OF('p_to');
    const wholeHours = `${firstHour} < ${lastHour}`;
    await db.query(`
      CREATE FUNCTION run_rollup_span(p_slug text, p_from timestamptz, p_to timestamptz, p_histogram boolean)
      RETURNS TABLE (succeeded bigint, failed bigint, dead_lettered bigint, retried bigint, manual_touches bigint,
                     dependency_retries bigint, dependency_timeouts bigint, circuit_opens bigint, minutes bigint, histogram integer[])
      LANGUAGE sql STABLE AS $$
        WITH parts AS MATERIALIZED (
          SELECT succeeded, failed, dead_lettered, retried, manual_touches, dependency_retries, dependency_timeouts, circuit_opens, minutes, duration_histogram
            FROM run_rollup_hour
           WHERE automation_slug = p_slug AND hour >= ${firstHour} AND hour < ${lastHour}
          UNION ALL
          SELECT succeeded, failed, dead_lettered, retried, manual_touches, dependency_retries, dependency_timeouts, circuit_opens, 1, duration_histogram
            FROM run_rollup_minute
           WHERE automation_slug = p_slug AND minute >= p_from AND minute < (CASE WHEN ${wholeHours} THEN ${firstHour} ELSE p_to END)
          UNION ALL
          SELECT succeeded, failed, dead_lettered, retried, manual_touches, dependency_retries, dependency_timeouts, circuit_opens, 1, duration_histogram
            FROM run_rollup_minute
           WHERE ${wholeHours} AND automation_slug = p_slug AND minute >= ${lastHour} AND minute < p_to
        )
        SELECT coalesce(sum(succeeded), 0)::bigint, coalesce(sum(failed), 0)::bigint, coalesce(sum(dead_lettered), 0)::bigint,
               coalesce(sum(retried), 0)::bigint, coalesce(sum(manual_touches), 0)::bigint,
               coalesce(sum(dependency_retries), 0)::bigint, coalesce(sum(dependency_timeouts), 0)::bigint, coalesce(sum(circuit_opens), 0)::bigint,
               coalesce(sum(minutes), 0)::bigint,
               (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ${histogramSum('p.duration_histogram')} END FROM parts p WHERE p_histogram)
          FROM parts
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION run_rollup_span(text, timestamptz, timestamptz, boolean)`);
    await db.query(`DROP TRIGGER run_rollup_minute_removed ON run_rollup_minute`);
    await db.query(`DROP TRIGGER run_rollup_minute_changed ON run_rollup_minute`);
    await db.query(`DROP TRIGGER run_rollup_minute_added ON run_rollup_minute`);
    await db.query(`DROP FUNCTION run_rollup_hour_remove()`);
    await db.query(`DROP FUNCTION run_rollup_hour_change()`);
    await db.query(`DROP FUNCTION run_rollup_hour_add()`);
    await db.query(`DROP TABLE run_rollup_hour`);
  }
}
