import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The workbench counts pending dead letters per group; at a million rows that needs its own index. */
export class IndexPendingDeadLettersByGroup1795777200000 implements MigrationInterface {
  name = 'IndexPendingDeadLettersByGroup1795777200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX dead_letter_pending_by_group_idx ON dead_letter (fingerprint) WHERE status = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX dead_letter_pending_by_group_idx`);
  }
}
