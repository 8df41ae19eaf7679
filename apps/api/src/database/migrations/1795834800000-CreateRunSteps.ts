import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Steps inside runs, for the correlation trail: OpenTelemetry child spans sent to /v1/traces (and
 * `step` ingest events). Keyed by automation first, like every hot table; found by correlation id
 * (the trace id) for the trail, and deleted with the runs when they pass the run retention.
 */
export class CreateRunSteps1795834800000 implements MigrationInterface {
  name = 'CreateRunSteps1795834800000';

  async up(db: QueryRunner): Promise<void> {
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
    await db.query(`CREATE INDEX run_step_trail_idx ON run_step (correlation_id, started_at)`);
    await db.query(`CREATE INDEX run_step_started_idx ON run_step (started_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE run_step`);
  }
}
