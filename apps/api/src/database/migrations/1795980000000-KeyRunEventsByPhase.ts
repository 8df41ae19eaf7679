import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Run events are kept out twice by the run's natural key and their phase instead of by event id:
 * an attempt's end is applied once (`counted`), and its start once (`start_seen`, new here), so the
 * ingest no longer writes an `ingest_event` row for each run event. `ingest_event` stays for the
 * events that have no natural key of their own (resilience signals, heartbeats, steps, dead letters).
 * Attempts stored before this migration count as started: their start, if it comes again, changes
 * nothing.
 */
export class KeyRunEventsByPhase1795980000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE run ADD COLUMN start_seen boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE run ALTER COLUMN start_seen SET DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE run DROP COLUMN start_seen`);
  }
}
