import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buckets of the duration histogram (runs/duration-histogram.ts); fixed by the stored data. */
const BUCKETS = 121;

/** The element-wise sum of `column` over a group: one sum per bucket (the `int_array_sum` aggregate re-builds the array per row, ~15× slower). */
const histogramSum = (column: string) => `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;

const HOUR_OF = (column: string) => `date_bin('1 hour', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** Counter columns the two rollup tables share. */
const COUNTERS = ['succeeded', 'failed', 'dead_lettered', 'retried', 'manual_touches', 'dependency_retries', 'dependency_timeouts', 'circuit_opens'] as const;

/**
 * Adds one minute row's counts (`sign` 1) or takes them away (−1) from its hour. A row trigger: its
 * AFTER events fire at the end of the statement in the order the rows were written, so ingest
 * (which writes minutes in key order) locks hours in key order too, and concurrent batches cannot
 * deadlock on them (statement triggers split an upsert into an INSERT and an UPDATE pass, which
 * could lock two hours in opposite orders).
 */
function foldRow(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const value = (column: string) => (sign === 1 ? `${row}.${column}` : `-${row}.${column}`);
  const histogram = sign === 1 ? `${row}.duration_histogram` : `int_array_sub(array_fill(0, ARRAY[${BUCKETS}]), ${row}.duration_histogram)`;
  return `INSERT INTO run_rollup_hour AS r (automation_slug, hour, ${COUNTERS.join(', ')}, duration_histogram, minutes)
        VALUES (${row}.automation_slug, ${HOUR_OF(`${row}.minute`)}, ${COUNTERS.map(value).join(', ')}, ${histogram}, ${sign})
        ON CONFLICT ON CONSTRAINT run_rollup_hour_pkey DO UPDATE SET
          ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')},
          duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram),
          minutes = r.minutes + EXCLUDED.minutes;`;
}

/**
 * Hourly run rollups beside the per-minute ones, kept equal to the sum of their minutes by a
 * row trigger (whoever writes the minutes: ingest, a backfill, a COPY), and `run_rollup_span`: the totals of any window read from whole hours plus the
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

    await db.query(`
      CREATE FUNCTION int_array_sub(a integer[], b integer[]) RETURNS integer[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_agg(coalesce(x, 0) - coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
      $$`);
    await db.query(`
      CREATE FUNCTION run_rollup_minute_to_hour() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.automation_slug = OLD.automation_slug AND NEW.minute = OLD.minute THEN
          -- The common case (an ingest upsert): the hour changes by new − old.
          UPDATE run_rollup_hour SET
            ${COUNTERS.map((c) => `${c} = ${c} + NEW.${c} - OLD.${c}`).join(', ')},
            duration_histogram = int_array_add(duration_histogram, int_array_sub(NEW.duration_histogram, OLD.duration_histogram))
           WHERE automation_slug = NEW.automation_slug AND hour = ${HOUR_OF('NEW.minute')};
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ${foldRow('OLD', -1)}
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ${foldRow('NEW', 1)}
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await db.query(`CREATE TRIGGER run_rollup_minute_to_hour AFTER INSERT OR UPDATE OR DELETE ON run_rollup_minute FOR EACH ROW EXECUTE FUNCTION run_rollup_minute_to_hour()`);

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
    await db.query(`DROP TRIGGER run_rollup_minute_to_hour ON run_rollup_minute`);
    await db.query(`DROP FUNCTION run_rollup_minute_to_hour()`);
    await db.query(`DROP FUNCTION int_array_sub(integer[], integer[])`);
    await db.query(`DROP TABLE run_rollup_hour`);
  }
}
