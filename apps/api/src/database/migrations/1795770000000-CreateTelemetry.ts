import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Runtime tokens, ingested runs with per-minute rollups maintained at ingest, KPI measurements,
 * activity (last success, last heartbeat) and the quarantine of events that could not be applied.
 */
export class CreateTelemetry1795770000000 implements MigrationInterface {
  name = 'CreateTelemetry1795770000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE runtime_token (
        id            uuid PRIMARY KEY,
        name          text NOT NULL,
        team          text NOT NULL,
        automations   text[] NOT NULL DEFAULT '{}',
        capabilities  text[] NOT NULL,
        secret_hash   bytea NOT NULL,
        prefix        text NOT NULL,
        created_by    text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_used_at  timestamptz,
        revoked_at    timestamptz,
        CONSTRAINT runtime_token_team_fk FOREIGN KEY (team) REFERENCES team (name) ON UPDATE CASCADE,
        CONSTRAINT runtime_token_capabilities_known CHECK (capabilities <@ ARRAY['ingest', 'dead_letters', 'commands']::text[])
      )`);
    await db.query(`CREATE INDEX runtime_token_team_idx ON runtime_token (team)`);

    // Idempotency keys of stored events: an id seen before is a duplicate and changes nothing.
    await db.query(`
      CREATE TABLE ingest_event (
        id           text PRIMARY KEY,
        received_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ingest_event_received_at_idx ON ingest_event (received_at)`);

    // One row per attempt. Every event of an attempt names its start, so the start is in the key and
    // the table can be partitioned by it; the default partition holds everything until daily
    // partitions are added.
    await db.query(`
      CREATE TABLE run (
        automation_slug  text NOT NULL,
        run_id           text NOT NULL,
        attempt          integer NOT NULL,
        started_at       timestamptz NOT NULL,
        correlation_id   text,
        status           text NOT NULL,
        finished_at      timestamptz,
        duration_ms      integer,
        error_class      text,
        error_message    text,
        manual_touch     boolean NOT NULL DEFAULT false,
        counted          boolean NOT NULL DEFAULT false,
        CONSTRAINT run_pkey PRIMARY KEY (automation_slug, run_id, attempt, started_at),
        CONSTRAINT run_status_known CHECK (status IN ('running', 'succeeded', 'failed', 'retrying', 'dead_lettered'))
      ) PARTITION BY RANGE (started_at)`);
    await db.query(`CREATE TABLE run_default PARTITION OF run DEFAULT`);
    await db.query(`CREATE INDEX run_listing_idx ON run (automation_slug, started_at DESC, run_id DESC, attempt DESC)`);
    await db.query(`CREATE INDEX run_started_idx ON run (started_at DESC, automation_slug, run_id DESC, attempt DESC)`);
    await db.query(`CREATE INDEX run_correlation_idx ON run (correlation_id, started_at) WHERE correlation_id IS NOT NULL`);

    // Elementwise sum of histograms, and its aggregate.
    await db.query(`
      CREATE FUNCTION int_array_add(a integer[], b integer[]) RETURNS integer[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN a IS NULL THEN b WHEN b IS NULL THEN a ELSE
          (SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i))
        END
      $$`);
    await db.query(`CREATE AGGREGATE int_array_sum(integer[]) (SFUNC = int_array_add, STYPE = integer[])`);

    await db.query(`
      CREATE TABLE run_rollup_minute (
        automation_slug     text NOT NULL,
        minute              timestamptz NOT NULL,
        succeeded           integer NOT NULL DEFAULT 0,
        failed              integer NOT NULL DEFAULT 0,
        dead_lettered       integer NOT NULL DEFAULT 0,
        retried             integer NOT NULL DEFAULT 0,
        manual_touches      integer NOT NULL DEFAULT 0,
        duration_histogram  integer[] NOT NULL,
        dependency_retries  integer NOT NULL DEFAULT 0,
        dependency_timeouts integer NOT NULL DEFAULT 0,
        circuit_opens       integer NOT NULL DEFAULT 0,
        CONSTRAINT run_rollup_minute_pkey PRIMARY KEY (automation_slug, minute)
      )`);

    await db.query(`
      CREATE TABLE kpi_measurement (
        event_id         text PRIMARY KEY,
        automation_slug  text NOT NULL,
        kpi              text NOT NULL,
        value            double precision NOT NULL,
        measured_at      timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX kpi_measurement_series_idx ON kpi_measurement (automation_slug, kpi, measured_at)`);

    await db.query(`
      CREATE TABLE automation_activity (
        automation_slug    text PRIMARY KEY,
        last_success_at    timestamptz,
        last_heartbeat_at  timestamptz,
        last_instance      text
      )`);

    await db.query(`
      CREATE TABLE quarantined_event (
        id           bigserial PRIMARY KEY,
        received_at  timestamptz NOT NULL DEFAULT now(),
        token_id     uuid,
        team         text NOT NULL,
        automation   text,
        event_type   text,
        reason       text NOT NULL,
        payload      jsonb NOT NULL
      )`);
    await db.query(`CREATE INDEX quarantined_event_team_idx ON quarantined_event (team, id DESC)`);
    await db.query(`CREATE INDEX quarantined_event_automation_idx ON quarantined_event (automation, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE quarantined_event`);
    await db.query(`DROP TABLE automation_activity`);
    await db.query(`DROP TABLE kpi_measurement`);
    await db.query(`DROP TABLE run_rollup_minute`);
    await db.query(`DROP AGGREGATE int_array_sum(integer[])`);
    await db.query(`DROP FUNCTION int_array_add(integer[], integer[])`);
    await db.query(`DROP TABLE run`);
    await db.query(`DROP TABLE ingest_event`);
    await db.query(`DROP TABLE runtime_token`);
  }
}
