import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buckets of the duration histogram (runs/duration-histogram.ts); fixed by the stored data. */
const BUCKETS = 121;

const histogramSum = (column: string) => `ARRAY[${Array.from({ length: BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(', ')}]::int[]`;

const ORIGIN = `timestamptz '2000-01-01 00:00:00+00'`;
const HOUR_OF = (column: string) => `date_bin('1 hour', ${column}, ${ORIGIN})`;
/** UTC days, as kpiTrend cuts them. */
const DAY_OF = (column: string) => `date_bin('1 day', ${column}, ${ORIGIN})`;

/** Counter columns the three rollup tables share. */
const COUNTERS = ['succeeded', 'failed', 'dead_lettered', 'retried', 'manual_touches', 'dependency_retries', 'dependency_timeouts', 'circuit_opens'] as const;

/**
 * Adds one minute row's counts (`sign` 1) or takes them away (−1) from its hour or day row, which is
 * made when missing.
 */
function foldRow(table: 'run_rollup_hour' | 'run_rollup_day', row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const [key, keyOf] = table === 'run_rollup_hour' ? ['hour', HOUR_OF] : ['day', DAY_OF];
  const value = (column: string) => (sign === 1 ? `${row}.${column}` : `-${row}.${column}`);
  const histogram = sign === 1 ? `${row}.duration_histogram` : `int_array_sub(array_fill(0, ARRAY[${BUCKETS}]), ${row}.duration_histogram)`;
  return `INSERT INTO ${table} AS r (automation_slug, ${key}, ${COUNTERS.join(', ')}, duration_histogram, minutes)
        VALUES (${row}.automation_slug, ${keyOf(`${row}.minute`)}, ${COUNTERS.map(value).join(', ')}, ${histogram}, ${sign})
        ON CONFLICT ON CONSTRAINT ${table}_pkey DO UPDATE SET
          ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')},
          duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram),
          minutes = r.minutes + EXCLUDED.minutes;`;
}

/** An ingest upsert of an existing minute: its hour changes by new − old. */
const HOUR_DELTA = `UPDATE run_rollup_hour SET
            ${COUNTERS.map((c) => `${c} = ${c} + NEW.${c} - OLD.${c}`).join(', ')},
            duration_histogram = int_array_add(duration_histogram, int_array_sub(NEW.duration_histogram, OLD.duration_histogram))
           WHERE automation_slug = NEW.automation_slug AND hour = ${HOUR_OF('NEW.minute')};`;

/** The same for its day, made when missing (a sealed day with no runs until this late one). */
const DAY_DELTA = `INSERT INTO run_rollup_day AS r (automation_slug, day, ${COUNTERS.join(', ')}, duration_histogram, minutes)
            VALUES (NEW.automation_slug, ${DAY_OF('NEW.minute')}, ${COUNTERS.map((c) => `NEW.${c} - OLD.${c}`).join(', ')},
                    int_array_sub(NEW.duration_histogram, OLD.duration_histogram), 0)
            ON CONFLICT ON CONSTRAINT run_rollup_day_pkey DO UPDATE SET
              ${COUNTERS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')},
              duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram);`;

/**
 * The row trigger on run_rollup_minute. Without days: as the hourly migration made it. With days: a
 * minute before the sealed mark is also folded into its day, the day before the hour, so writers
 * that go through minutes in key order lock (day, hour) rows in one global order and cannot deadlock.
 * The mark is read after the minute row was written: a writer then holds run_rollup_minute, so a
 * sealing (which locks that table in SHARE mode) either waits for it or is already committed.
 */
function triggerFunction(withDays: boolean): string {
  const sealed = (row: 'NEW' | 'OLD') => `${row}.minute < (SELECT through FROM run_rollup_day_sealed)`;
  return `
      CREATE OR REPLACE FUNCTION run_rollup_minute_to_hour() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.automation_slug = OLD.automation_slug AND NEW.minute = OLD.minute THEN
          ${withDays ? `IF ${sealed('NEW')} THEN ${DAY_DELTA} END IF;` : ''}
          ${HOUR_DELTA}
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          ${withDays ? `IF ${sealed('OLD')} THEN ${foldRow('run_rollup_day', 'OLD', -1)} END IF;` : ''}
          ${foldRow('run_rollup_hour', 'OLD', -1)}
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          ${withDays ? `IF ${sealed('NEW')} THEN ${foldRow('run_rollup_day', 'NEW', 1)} END IF;` : ''}
          ${foldRow('run_rollup_hour', 'NEW', 1)}
        END IF;
        RETURN NULL;
      END
      $fn$`;
}

const SPAN_COLUMNS = 'succeeded, failed, dead_lettered, retried, manual_touches, dependency_retries, dependency_timeouts, circuit_opens';
const SPAN_TOTALS = `coalesce(sum(succeeded), 0)::bigint, coalesce(sum(failed), 0)::bigint, coalesce(sum(dead_lettered), 0)::bigint,
               coalesce(sum(retried), 0)::bigint, coalesce(sum(manual_touches), 0)::bigint,
               coalesce(sum(dependency_retries), 0)::bigint, coalesce(sum(dependency_timeouts), 0)::bigint, coalesce(sum(circuit_opens), 0)::bigint,
               coalesce(sum(minutes), 0)::bigint,
               (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE ${histogramSum('p.duration_histogram')} END FROM parts p WHERE p_histogram)
          FROM parts`;

/** `run_rollup_span` as the hourly migration made it: whole hours, minutes at the edges. */
function hourSpan(): string {
  const firstHour = `(CASE WHEN ${HOUR_OF('p_from')} = p_from THEN p_from ELSE ${HOUR_OF('p_from')} + interval '1 hour' END)`;
  const lastHour = HOUR_OF('p_to');
  const wholeHours = `${firstHour} < ${lastHour}`;
  return `WITH parts AS MATERIALIZED (
          SELECT ${SPAN_COLUMNS}, minutes, duration_histogram
            FROM run_rollup_hour
           WHERE automation_slug = p_slug AND hour >= ${firstHour} AND hour < ${lastHour}
          UNION ALL
          SELECT ${SPAN_COLUMNS}, 1, duration_histogram
            FROM run_rollup_minute
           WHERE automation_slug = p_slug AND minute >= p_from AND minute < (CASE WHEN ${wholeHours} THEN ${firstHour} ELSE p_to END)
          UNION ALL
          SELECT ${SPAN_COLUMNS}, 1, duration_histogram
            FROM run_rollup_minute
           WHERE ${wholeHours} AND automation_slug = p_slug AND minute >= ${lastHour} AND minute < p_to
        )
        SELECT ${SPAN_TOTALS}`;
}

/**
 * `run_rollup_span` with days: the window [p_from, p_to) cut into minutes [p_from, h1), hours
 * [h1, d1), whole sealed days [d1, d2), hours [d2, h2), minutes [h2, p_to). Without a whole hour
 * h1 = h2 = p_to (all minutes); without a whole sealed day d1 = d2 = h2 (hours, then minutes).
 * A 30-day window reads ~29 day rows, ≤ 46 hours and ≤ 118 minutes.
 */
function daySpan(): string {
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
        ), parts AS MATERIALIZED (
          SELECT ${SPAN_COLUMNS}, minutes, duration_histogram FROM run_rollup_day WHERE automation_slug = p_slug AND day >= ${cut('d1')} AND day < ${cut('d2')}
          UNION ALL
          SELECT ${SPAN_COLUMNS}, minutes, duration_histogram FROM run_rollup_hour WHERE automation_slug = p_slug AND hour >= ${cut('h1')} AND hour < ${cut('d1')}
          UNION ALL
          SELECT ${SPAN_COLUMNS}, minutes, duration_histogram FROM run_rollup_hour WHERE automation_slug = p_slug AND hour >= ${cut('d2')} AND hour < ${cut('h2')}
          UNION ALL
          SELECT ${SPAN_COLUMNS}, 1, duration_histogram FROM run_rollup_minute WHERE automation_slug = p_slug AND minute >= p_from AND minute < ${cut('h1')}
          UNION ALL
          SELECT ${SPAN_COLUMNS}, 1, duration_histogram FROM run_rollup_minute WHERE automation_slug = p_slug AND minute >= ${cut('h2')} AND minute < p_to
        )
        SELECT ${SPAN_TOTALS}`;
}

function spanFunction(withDays: boolean): string {
  return `
      CREATE OR REPLACE FUNCTION run_rollup_span(p_slug text, p_from timestamptz, p_to timestamptz, p_histogram boolean)
      RETURNS TABLE (succeeded bigint, failed bigint, dead_lettered bigint, retried bigint, manual_touches bigint,
                     dependency_retries bigint, dependency_timeouts bigint, circuit_opens bigint, minutes bigint, histogram integer[])
      LANGUAGE sql STABLE AS $$
        ${withDays ? daySpan() : hourSpan()}
      $$`;
}

/**
 * Daily run rollups: a 30-day dashboard reads ~29 day rows instead of ~720 hours. A day is written
 * once it has ended, by sealing (the `run-rollup-days` job, hourly): the days before the mark in
 * `run_rollup_day_sealed` are in `run_rollup_day`, summed from their hours, and from then on the
 * minute trigger keeps them exact (a late run of a sealed day changes its minute, hour and day).
 * The day being written is never a row of its own, so ingest of current runs pays nothing more.
 * `run_rollup_span` reads whole sealed days from here, hours and minutes around them.
 */
export class CreateDailyRollups1796100000000 implements MigrationInterface {
  name = 'CreateDailyRollups1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE run_rollup_day (
        automation_slug     text NOT NULL,
        day                 timestamptz NOT NULL,
        ${COUNTERS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n        ')},
        duration_histogram  integer[] NOT NULL,
        minutes             integer NOT NULL DEFAULT 0,
        CONSTRAINT run_rollup_day_pkey PRIMARY KEY (automation_slug, day)
      )`);
    await db.query(`
      CREATE TABLE run_rollup_day_sealed (
        one     boolean PRIMARY KEY DEFAULT true CONSTRAINT run_rollup_day_sealed_one_row CHECK (one),
        through timestamptz NOT NULL
      )`);
    await db.query(`COMMENT ON TABLE run_rollup_day_sealed IS 'Days before "through" are in run_rollup_day (kept exact by the minute trigger); later days are read from hours.'`);
    // Every ended day at once, with writers of minutes held off meanwhile (as the job does).
    await db.query(`LOCK TABLE run_rollup_minute IN SHARE MODE`);
    await db.query(`INSERT INTO run_rollup_day_sealed (through) VALUES (${DAY_OF('now()')})`);
    await db.query(`
      INSERT INTO run_rollup_day (automation_slug, day, ${COUNTERS.join(', ')}, duration_histogram, minutes)
      SELECT automation_slug, ${DAY_OF('hour')}, ${COUNTERS.map((c) => `sum(${c})`).join(', ')}, ${histogramSum('duration_histogram')}, sum(minutes)
        FROM run_rollup_hour WHERE hour < (SELECT through FROM run_rollup_day_sealed) GROUP BY 1, 2`);
    await db.query(triggerFunction(true));
    await db.query(spanFunction(true));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(spanFunction(false));
    await db.query(triggerFunction(false));
    await db.query(`DROP TABLE run_rollup_day_sealed`);
    await db.query(`DROP TABLE run_rollup_day`);
  }
}
