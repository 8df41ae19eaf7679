import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dead letters: one row per message (a redelivery of the same message is the same dead letter,
 * seen again), and their groups by error fingerprint, maintained at ingest.
 */
export class CreateDeadLetters1795773600000 implements MigrationInterface {
  name = 'CreateDeadLetters1795773600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dead_letter (
        id                  bigserial PRIMARY KEY,
        automation_slug     text NOT NULL,
        source_kind         text NOT NULL,
        source_queue        text NOT NULL,
        source_exchange     text,
        source_routing_key  text,
        message_id          text NOT NULL,
        fingerprint         text NOT NULL,
        error_class         text NOT NULL,
        error_message       text NOT NULL,
        attempts            integer NOT NULL,
        deliveries          integer NOT NULL DEFAULT 1,
        first_failed_at     timestamptz NOT NULL,
        last_failed_at      timestamptz NOT NULL,
        received_at         timestamptz NOT NULL DEFAULT now(),
        status              text NOT NULL DEFAULT 'pending',
        payload             jsonb NOT NULL,
        headers             jsonb NOT NULL DEFAULT '{}',
        correlation_id      text,
        run_id              text,
        CONSTRAINT dead_letter_message_unique UNIQUE (automation_slug, source_queue, message_id),
        CONSTRAINT dead_letter_status_known CHECK (status IN ('pending', 'reprocessing', 'reprocessed', 'resolved', 'failed_again', 'discarded'))
      )`);
    // Keyset listing, newest failure first, overall and by the filters the workbench offers.
    await db.query(`CREATE INDEX dead_letter_listing_idx ON dead_letter (last_failed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX dead_letter_automation_idx ON dead_letter (automation_slug, last_failed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX dead_letter_fingerprint_idx ON dead_letter (fingerprint, last_failed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX dead_letter_status_idx ON dead_letter (status, last_failed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX dead_letter_correlation_idx ON dead_letter (correlation_id) WHERE correlation_id IS NOT NULL`);
    await db.query(`CREATE INDEX dead_letter_error_search_idx ON dead_letter USING gin (to_tsvector('simple', error_class || ' ' || error_message))`);
    await db.query(`
      CREATE TABLE dead_letter_group (
        fingerprint         text PRIMARY KEY,
        automation_slug     text NOT NULL,
        error_class         text NOT NULL,
        normalized_message  text NOT NULL,
        sample_message      text NOT NULL,
        source_kind         text NOT NULL,
        source_queue        text NOT NULL,
        total               integer NOT NULL,
        first_seen          timestamptz NOT NULL,
        last_seen           timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX dead_letter_group_automation_idx ON dead_letter_group (automation_slug)`);
    // Which payload fields are sensitive (masked for people without payload access).
    await db.query(`ALTER TABLE automation ADD COLUMN payload_policy jsonb`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automation DROP COLUMN payload_policy`);
    await db.query(`DROP TABLE dead_letter_group`);
    await db.query(`DROP TABLE dead_letter`);
  }
}
