import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dead letter that fails again with another error moves to the group of its new error; the errors
 * it failed with before are kept, oldest first, for its page. Groups count what waits (pending or
 * failed again), so the index of pending dead letters by group becomes one of waiting ones.
 */
export class KeepEarlierDeadLetterErrors1795850000000 implements MigrationInterface {
  name = 'KeepEarlierDeadLetterErrors1795850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dead_letter ADD COLUMN earlier_errors jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`ALTER TABLE dead_letter ADD CONSTRAINT dead_letter_earlier_errors_list CHECK (jsonb_typeof(earlier_errors) = 'array')`);
    await db.query(`CREATE INDEX dead_letter_waiting_by_group_idx ON dead_letter (fingerprint) WHERE status IN ('pending', 'failed_again')`);
    await db.query(`DROP INDEX dead_letter_pending_by_group_idx`);
    // "The N that failed again" of a request: its items by the dead letter they brought back.
    await db.query(`CREATE INDEX reprocess_item_new_dead_letter_idx ON reprocess_item (new_dead_letter_id) WHERE new_dead_letter_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX reprocess_item_new_dead_letter_idx`);
    await db.query(`CREATE INDEX dead_letter_pending_by_group_idx ON dead_letter (fingerprint) WHERE status = 'pending'`);
    await db.query(`DROP INDEX dead_letter_waiting_by_group_idx`);
    await db.query(`ALTER TABLE dead_letter DROP CONSTRAINT dead_letter_earlier_errors_list`);
    await db.query(`ALTER TABLE dead_letter DROP COLUMN earlier_errors`);
  }
}
