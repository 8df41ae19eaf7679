import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables kept by day: raw runs and their steps, both dropped whole at the run retention. */
const DAY_PARTITIONED = ['run', 'run_step'];

/** Days the migration creates back and ahead of today; start-up and the partition job add the rest. */
const DAYS_BACK = 31;
const DAYS_AHEAD = 7;

/** Today in UTC (partitions are UTC days, whatever the session's time zone). */
const UTC_TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** A day's partitions reach this far into the past at most: older rows stay in the default partition. */
const OLDEST_DAY = `${UTC_TODAY} - 3660`;

const CHECK_PARENT = `
  IF p_parent NOT IN (${DAY_PARTITIONED.map((table) => `'${table}'::regclass`).join(', ')}) THEN
    RAISE EXCEPTION '% is not kept by day (only ${DAY_PARTITIONED.join(', ')})', p_parent USING ERRCODE = 'invalid_parameter_value';
  END IF;`;

/**
 * Raw runs and their steps are kept in one partition per UTC day (`run_p20261207`,
 * `run_step_p20261207`), so the run retention drops a day whole instead of deleting its rows one by
 * one. Each table keeps its default partition as a safety net: it stays empty in normal operation
 * (ingest refuses times outside the retention and the clock skew, and partitions are made ahead),
 * and a row that lands there anyway is moved into its day when that day's partition is made.
 *
 * The api's role does not own the tables, so two functions owned by the tables' owner do the DDL,
 * only on these tables and only by day (`SECURITY DEFINER`, executable by the api's role alone):
 * making a day's partition moves that day's rows out of the default partition, and retiring one
 * drops it. Steps gain their start in their key, since a partition key must be part of it.
 *
 * Existing rows (every run of an existing database is in `run_default`) move into their days here.
 */
export class PartitionRunsByDay1795970000000 implements MigrationInterface {
  name = 'PartitionRunsByDay1795970000000';

  async up(db: QueryRunner): Promise<void> {
    // A new table is made outside the partitioned table, filled with the day's rows from the default
    // partition and then attached: attaching locks the parent table only against other schema changes
    // (SHARE UPDATE EXCLUSIVE), where CREATE TABLE … PARTITION OF would block every reader.
    await db.query(`
      CREATE FUNCTION create_day_partition(p_parent regclass, p_day date) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '10s' AS $fn$
      DECLARE
        parent text := p_parent::text;
        name text := parent || '_p' || to_char(p_day, 'YYYYMMDD');
        lower text := to_char(p_day, 'YYYY-MM-DD') || ' 00:00:00+00';
        upper text := to_char(p_day + 1, 'YYYY-MM-DD') || ' 00:00:00+00';
        moved bigint;
      BEGIN
        ${CHECK_PARENT}
        PERFORM pg_advisory_xact_lock(hashtext('roundhouse:partitions:' || parent));
        IF to_regclass(name) IS NOT NULL THEN
          RETURN 0;
        END IF;
        EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name, parent);
        EXECUTE format('WITH moved AS (DELETE FROM %I WHERE started_at >= %L AND started_at < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                       parent || '_default', lower, upper, name);
        GET DIAGNOSTICS moved = ROW_COUNT;
        EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, lower, upper);
        RETURN moved;
      END
      $fn$`);
    // Dropping a partition takes an ACCESS EXCLUSIVE lock on the parent table for a moment: behind a
    // long reader it gives up after the lock timeout rather than hold every writer in a queue.
    await db.query(`
      CREATE FUNCTION drop_day_partition(p_parent regclass, p_day date) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s' AS $fn$
      DECLARE
        parent text := p_parent::text;
        name text := parent || '_p' || to_char(p_day, 'YYYYMMDD');
        gone bigint;
      BEGIN
        ${CHECK_PARENT}
        PERFORM pg_advisory_xact_lock(hashtext('roundhouse:partitions:' || parent));
        IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhparent = p_parent AND inhrelid = to_regclass(name)) THEN
          RETURN 0;
        END IF;
        EXECUTE format('SELECT count(*) FROM %I', name) INTO gone;
        EXECUTE format('DROP TABLE %I', name);
        RETURN gone;
      END
      $fn$`);
    for (const fn of ['create_day_partition(regclass, date)', 'drop_day_partition(regclass, date)']) {
      await db.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
    }

    // Steps: the same columns, partitioned by their start (part of the key now); rows follow below.
    await db.query(`ALTER TABLE run_step RENAME TO run_step_unpartitioned`);
    await db.query(`ALTER TABLE run_step_unpartitioned RENAME CONSTRAINT run_step_pkey TO run_step_unpartitioned_pkey`);
    await db.query(`DROP INDEX run_step_trail_idx`);
    await db.query(`DROP INDEX run_step_started_idx`);
    await db.query(`
      CREATE TABLE run_step (
        automation_slug  text NOT NULL,
        correlation_id   text NOT NULL,
        step_id          text NOT NULL,
        parent_step_id   text,
        run_id           text,
        name             text NOT NULL,
        started_at       timestamptz NOT NULL,
        finished_at      timestamptz NOT NULL,
        duration_ms      integer NOT NULL,
        outcome          text NOT NULL,
        error_message    text,
        CONSTRAINT run_step_pkey PRIMARY KEY (automation_slug, correlation_id, step_id, started_at),
        CONSTRAINT run_step_outcome_known CHECK (outcome IN ('succeeded', 'failed'))
      ) PARTITION BY RANGE (started_at)`);
    await db.query(`CREATE TABLE run_step_default PARTITION OF run_step DEFAULT`);
    await db.query(`CREATE INDEX run_step_trail_idx ON run_step (correlation_id, started_at)`);
    await db.query(`CREATE INDEX run_step_started_idx ON run_step (started_at)`);

    // Every day from the oldest row kept (or a month back) to a week ahead, moving the runs there.
    for (const table of DAY_PARTITIONED) {
      const source = table === 'run' ? 'run_default' : 'run_step_unpartitioned';
      await db.query(`
        SELECT create_day_partition('${table}'::regclass, day::date)
          FROM generate_series(
                 greatest(${OLDEST_DAY}, least((SELECT min(started_at AT TIME ZONE 'UTC')::date FROM ${source}), ${UTC_TODAY} - ${DAYS_BACK})),
                 ${UTC_TODAY} + ${DAYS_AHEAD}, interval '1 day') AS day`);
    }
    await db.query(`INSERT INTO run_step SELECT * FROM run_step_unpartitioned`);
    await db.query(`DROP TABLE run_step_unpartitioned`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Every day's runs back into the default partition.
    const days = (await db.query(
      `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'run'::regclass AND inhrelid <> 'run_default'::regclass ORDER BY 1`,
    )) as { name: string }[];
    for (const { name } of days) {
      await db.query(`ALTER TABLE run DETACH PARTITION ${name}`);
      await db.query(`INSERT INTO run SELECT * FROM ${name}`);
      await db.query(`DROP TABLE ${name}`);
    }

    // Steps: one table again, keyed without their start (the first of a step's starts is kept).
    await db.query(`ALTER TABLE run_step RENAME TO run_step_partitioned`);
    await db.query(`ALTER TABLE run_step_partitioned RENAME CONSTRAINT run_step_pkey TO run_step_partitioned_pkey`);
    await db.query(`DROP INDEX run_step_trail_idx`);
    await db.query(`DROP INDEX run_step_started_idx`);
    await db.query(`
      CREATE TABLE run_step (
        automation_slug  text NOT NULL,
        correlation_id   text NOT NULL,
        step_id          text NOT NULL,
        parent_step_id   text,
        run_id           text,
        name             text NOT NULL,
        started_at       timestamptz NOT NULL,
        finished_at      timestamptz NOT NULL,
        duration_ms      integer NOT NULL,
        outcome          text NOT NULL,
        error_message    text,
        CONSTRAINT run_step_pkey PRIMARY KEY (automation_slug, correlation_id, step_id),
        CONSTRAINT run_step_outcome_known CHECK (outcome IN ('succeeded', 'failed'))
      )`);
    await db.query(`INSERT INTO run_step SELECT * FROM run_step_partitioned ORDER BY started_at ON CONFLICT ON CONSTRAINT run_step_pkey DO NOTHING`);
    await db.query(`DROP TABLE run_step_partitioned`);
    await db.query(`CREATE INDEX run_step_trail_idx ON run_step (correlation_id, started_at)`);
    await db.query(`CREATE INDEX run_step_started_idx ON run_step (started_at)`);

    await db.query(`DROP FUNCTION drop_day_partition(regclass, date)`);
    await db.query(`DROP FUNCTION create_day_partition(regclass, date)`);
  }
}
