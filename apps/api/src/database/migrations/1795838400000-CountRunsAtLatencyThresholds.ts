import type { MigrationInterface, QueryRunner } from 'typeorm';

const HOUR_OF = (column: string) => `date_bin('1 hour', ${column}, timestamptz '2000-01-01 00:00:00+00')`;
const MINUTE_OF = (column: string) => `date_bin('1 minute', ${column}, timestamptz '2000-01-01 00:00:00+00')`;

/** Milliseconds in a catalog duration ("15m", "2s", "26h", "30d"), as `slos/slo-duration.ts` reads it. */
const DURATION_MS = (text: string) => `(left(${text}, -1)::bigint * CASE right(${text}, 1) WHEN 's' THEN 1000 WHEN 'm' THEN 60000 WHEN 'h' THEN 3600000 ELSE 86400000 END)`;

/**
 * Latency SLOs count good events at their threshold exactly: for every threshold an automation's
 * latency SLOs name, each minute keeps how many attempts ended and how many of them took at most the
 * threshold (the duration histogram's buckets could only say "under the lower edge of the
 * threshold's bucket"). Kept at ingest, summed into hours by a row trigger like the run rollups, and
 * filled from the raw runs still kept when an automation gains a threshold.
 */
export class CountRunsAtLatencyThresholds1795838400000 implements MigrationInterface {
  name = 'CountRunsAtLatencyThresholds1795838400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE run_latency_minute (
        automation_slug  text NOT NULL,
        threshold_ms     bigint NOT NULL,
        minute           timestamptz NOT NULL,
        runs             integer NOT NULL DEFAULT 0,
        within           integer NOT NULL DEFAULT 0,
        CONSTRAINT run_latency_minute_pkey PRIMARY KEY (automation_slug, threshold_ms, minute),
        CONSTRAINT run_latency_minute_within_runs CHECK (within <= runs)
      )`);
    await db.query(`
      CREATE TABLE run_latency_hour (
        automation_slug  text NOT NULL,
        threshold_ms     bigint NOT NULL,
        hour             timestamptz NOT NULL,
        runs             integer NOT NULL DEFAULT 0,
        within           integer NOT NULL DEFAULT 0,
        CONSTRAINT run_latency_hour_pkey PRIMARY KEY (automation_slug, threshold_ms, hour)
      )`);
    await db.query(`
      CREATE FUNCTION run_latency_minute_to_hour() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE run_latency_hour SET runs = runs - OLD.runs, within = within - OLD.within
           WHERE automation_slug = OLD.automation_slug AND threshold_ms = OLD.threshold_ms AND hour = ${HOUR_OF('OLD.minute')};
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO run_latency_hour AS h (automation_slug, threshold_ms, hour, runs, within)
          VALUES (NEW.automation_slug, NEW.threshold_ms, ${HOUR_OF('NEW.minute')}, NEW.runs, NEW.within)
          ON CONFLICT ON CONSTRAINT run_latency_hour_pkey DO UPDATE SET runs = h.runs + EXCLUDED.runs, within = h.within + EXCLUDED.within;
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await db.query(`CREATE TRIGGER run_latency_minute_to_hour AFTER INSERT OR UPDATE OR DELETE ON run_latency_minute FOR EACH ROW EXECUTE FUNCTION run_latency_minute_to_hour()`);

    // Runs and runs within the threshold over [p_from, p_to): whole hours from the hourly rows, the edges from the minutes.
    const firstHour = `(CASE WHEN ${HOUR_OF('p_from')} = p_from THEN p_from ELSE ${HOUR_OF('p_from')} + interval '1 hour' END)`;
    const lastHour = HOUR_OF('p_to');
    const wholeHours = `${firstHour} < ${lastHour}`;
    await db.query(`
      CREATE FUNCTION run_latency_span(p_slug text, p_threshold_ms bigint, p_from timestamptz, p_to timestamptz)
      RETURNS TABLE (runs bigint, within bigint)
      LANGUAGE sql STABLE AS $$
        WITH parts AS (
          SELECT runs, within FROM run_latency_hour
           WHERE automation_slug = p_slug AND threshold_ms = p_threshold_ms AND hour >= ${firstHour} AND hour < ${lastHour}
          UNION ALL
          SELECT runs, within FROM run_latency_minute
           WHERE automation_slug = p_slug AND threshold_ms = p_threshold_ms AND minute >= p_from AND minute < (CASE WHEN ${wholeHours} THEN ${firstHour} ELSE p_to END)
          UNION ALL
          SELECT runs, within FROM run_latency_minute
           WHERE ${wholeHours} AND automation_slug = p_slug AND threshold_ms = p_threshold_ms AND minute >= ${lastHour} AND minute < p_to
        )
        SELECT coalesce(sum(runs), 0)::bigint, coalesce(sum(within), 0)::bigint FROM parts
      $$`);

    // The thresholds (ms) of an automation's latency SLOs, from its \`slos\` column.
    await db.query(`
      CREATE FUNCTION latency_thresholds_ms(p_slos jsonb) RETURNS bigint[]
      LANGUAGE sql IMMUTABLE AS $$
        SELECT coalesce(array_agg(DISTINCT ${DURATION_MS("(s->>'threshold')")}), '{}')
          FROM jsonb_array_elements(coalesce(p_slos, '[]'::jsonb)) AS s
         WHERE s->>'indicator' = 'latency' AND s->>'threshold' IS NOT NULL
      $$`);

    // An automation that gains a threshold (a new latency SLO, or a changed threshold) has it counted
    // over the raw runs still kept, whoever wrote the change (catalog apply, console, migration).
    await db.query(`
      CREATE FUNCTION automation_latency_backfill() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        added bigint[];
      BEGIN
        SELECT coalesce(array_agg(t), '{}') INTO added
          FROM unnest(latency_thresholds_ms(NEW.slos)) AS t
         WHERE TG_OP = 'INSERT' OR NOT t = ANY (latency_thresholds_ms(OLD.slos));
        IF cardinality(added) > 0 THEN
          INSERT INTO run_latency_minute AS m (automation_slug, threshold_ms, minute, runs, within)
          SELECT r.automation_slug, t.threshold_ms, ${MINUTE_OF('r.finished_at')}, count(*)::int,
                 count(*) FILTER (WHERE coalesce(r.duration_ms, 0) <= t.threshold_ms)::int
            FROM run r CROSS JOIN unnest(added) AS t(threshold_ms)
           WHERE r.automation_slug = NEW.slug AND r.counted AND r.status <> 'running' AND r.finished_at IS NOT NULL
           GROUP BY 1, 2, 3
           ORDER BY 1, 2, 3
          ON CONFLICT ON CONSTRAINT run_latency_minute_pkey DO UPDATE SET runs = EXCLUDED.runs, within = EXCLUDED.within;
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await db.query(`CREATE TRIGGER automation_latency_backfill AFTER INSERT OR UPDATE OF slos ON automation FOR EACH ROW EXECUTE FUNCTION automation_latency_backfill()`);
    // The automations there already: every threshold they name, from the runs still kept.
    await db.query(`
      INSERT INTO run_latency_minute (automation_slug, threshold_ms, minute, runs, within)
      SELECT r.automation_slug, t.threshold_ms, ${MINUTE_OF('r.finished_at')}, count(*)::int, count(*) FILTER (WHERE coalesce(r.duration_ms, 0) <= t.threshold_ms)::int
        FROM automation a
        CROSS JOIN LATERAL unnest(latency_thresholds_ms(a.slos)) AS t(threshold_ms)
        JOIN run r ON r.automation_slug = a.slug AND r.counted AND r.status <> 'running' AND r.finished_at IS NOT NULL
       GROUP BY 1, 2, 3`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER automation_latency_backfill ON automation`);
    await db.query(`DROP FUNCTION automation_latency_backfill()`);
    await db.query(`DROP FUNCTION latency_thresholds_ms(jsonb)`);
    await db.query(`DROP FUNCTION run_latency_span(text, bigint, timestamptz, timestamptz)`);
    await db.query(`DROP TRIGGER run_latency_minute_to_hour ON run_latency_minute`);
    await db.query(`DROP FUNCTION run_latency_minute_to_hour()`);
    await db.query(`DROP TABLE run_latency_hour`);
    await db.query(`DROP TABLE run_latency_minute`);
  }
}
