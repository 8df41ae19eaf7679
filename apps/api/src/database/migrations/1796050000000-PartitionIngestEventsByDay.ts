import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Days the migration creates back and ahead of today; start-up and the partition job add the rest. */
const DAYS_BACK = 31;
const DAYS_AHEAD = 7;

/** Today in UTC (partitions are UTC days, whatever the session's time zone). */
const UTC_TODAY = `(now() AT TIME ZONE 'UTC')::date`;

/** A day's partitions reach this far into the past at most: older keys stay in the default partition. */
const OLDEST_DAY = `${UTC_TODAY} - 3660`;

/**
 * The day-partition functions of PartitionRunsByDay, for the tables named: each table's partition
 * key is read from the catalogue (`started_at` for runs and steps, `occurred_at` for ingest keys).
 */
async function dayPartitionFunctions(db: QueryRunner, tables: readonly string[]): Promise<void> {
  const checkParent = `
    IF p_parent NOT IN (${tables.map((table) => `'${table}'::regclass`).join(', ')}) THEN
      RAISE EXCEPTION '% is not kept by day (only ${tables.join(', ')})', p_parent USING ERRCODE = 'invalid_parameter_value';
    END IF;`;
  await db.query(`
    CREATE OR REPLACE FUNCTION create_day_partition(p_parent regclass, p_day date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '10s' AS $fn$
    DECLARE
      parent text := p_parent::text;
      name text := parent || '_p' || to_char(p_day, 'YYYYMMDD');
      lower text := to_char(p_day, 'YYYY-MM-DD') || ' 00:00:00+00';
      upper text := to_char(p_day + 1, 'YYYY-MM-DD') || ' 00:00:00+00';
      key text;
      moved bigint;
    BEGIN
      ${checkParent}
      PERFORM pg_advisory_xact_lock(hashtext('roundhouse:partitions:' || parent));
      IF to_regclass(name) IS NOT NULL THEN
        RETURN 0;
      END IF;
      SELECT a.attname INTO STRICT key
        FROM pg_partitioned_table p JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
       WHERE p.partrelid = p_parent;
      EXECUTE format('CREATE TABLE %I (LIKE %I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', name, parent);
      EXECUTE format('WITH moved AS (DELETE FROM %I WHERE %I >= %L AND %I < %L RETURNING *) INSERT INTO %I SELECT * FROM moved',
                     parent || '_default', key, lower, key, upper, name);
      GET DIAGNOSTICS moved = ROW_COUNT;
      EXECUTE format('ALTER TABLE %I ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', parent, name, lower, upper);
      RETURN moved;
    END
    $fn$`);
  await db.query(`
    CREATE OR REPLACE FUNCTION drop_day_partition(p_parent regclass, p_day date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s' AS $fn$
    DECLARE
      parent text := p_parent::text;
      name text := parent || '_p' || to_char(p_day, 'YYYYMMDD');
      gone bigint;
    BEGIN
      ${checkParent}
      PERFORM pg_advisory_xact_lock(hashtext('roundhouse:partitions:' || parent));
      IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhparent = p_parent AND inhrelid = to_regclass(name)) THEN
        RETURN 0;
      END IF;
      EXECUTE format('SELECT count(*) FROM %I', name) INTO gone;
      EXECUTE format('DROP TABLE %I', name);
      RETURN gone;
    END
    $fn$`);
}

/**
 * The idempotency keys of non-run events (dead letters, KPI and resilience signals...) are kept in
 * one partition per UTC day of the event's own time (`ingest_event_p20261207`), so the retention
 * drops a day of keys whole instead of deleting them one by one. A partitioned table's key must
 * hold its partition key: the key is (id, occurred_at), and a re-sent event, which carries the same
 * occurredAt, still conflicts with its first copy. Ingest quarantines events outside the retention
 * and the clock skew, so the default partition stays empty in normal operation.
 *
 * The day-partition functions (still only for the named tables) take `ingest_event` too.
 * Existing keys have no event time: their receipt time stands for it, and they move into its day.
 */
export class PartitionIngestEventsByDay1796050000000 implements MigrationInterface {
  name = 'PartitionIngestEventsByDay1796050000000';

  async up(db: QueryRunner): Promise<void> {
    await dayPartitionFunctions(db, ['run', 'run_step', 'ingest_event']);

    await db.query(`ALTER TABLE ingest_event RENAME TO ingest_event_unpartitioned`);
    await db.query(`ALTER TABLE ingest_event_unpartitioned RENAME CONSTRAINT ingest_event_pkey TO ingest_event_unpartitioned_pkey`);
    await db.query(`DROP INDEX ingest_event_received_at_idx`);
    await db.query(`
      CREATE TABLE ingest_event (
        id           text NOT NULL,
        occurred_at  timestamptz NOT NULL,
        received_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ingest_event_pkey PRIMARY KEY (id, occurred_at)
      ) PARTITION BY RANGE (occurred_at)`);
    await db.query(`CREATE TABLE ingest_event_default PARTITION OF ingest_event DEFAULT`);
    await db.query(`
      SELECT create_day_partition('ingest_event'::regclass, day::date)
        FROM generate_series(
               greatest(${OLDEST_DAY}, least((SELECT min(received_at AT TIME ZONE 'UTC')::date FROM ingest_event_unpartitioned), ${UTC_TODAY} - ${DAYS_BACK})),
               ${UTC_TODAY} + ${DAYS_AHEAD}, interval '1 day') AS day`);
    await db.query(`INSERT INTO ingest_event (id, occurred_at, received_at) SELECT id, received_at, received_at FROM ingest_event_unpartitioned`);
    await db.query(`DROP TABLE ingest_event_unpartitioned`);
  }

  async down(db: QueryRunner): Promise<void> {
    // One table again, keyed by id alone (an id kept for two times keeps its first receipt).
    await db.query(`ALTER TABLE ingest_event RENAME TO ingest_event_partitioned`);
    await db.query(`ALTER TABLE ingest_event_partitioned RENAME CONSTRAINT ingest_event_pkey TO ingest_event_partitioned_pkey`);
    await db.query(`
      CREATE TABLE ingest_event (
        id           text PRIMARY KEY,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`INSERT INTO ingest_event (id, received_at) SELECT id, min(received_at) FROM ingest_event_partitioned GROUP BY id`);
    await db.query(`DROP TABLE ingest_event_partitioned`);
    await db.query(`CREATE INDEX ingest_event_received_at_idx ON ingest_event (received_at)`);

    await dayPartitionFunctions(db, ['run', 'run_step']);
  }
}
