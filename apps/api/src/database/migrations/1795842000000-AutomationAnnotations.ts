import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Backstage `metadata.annotations` and `metadata.labels` on automations, kept as written. */
export class AutomationAnnotations1795842000000 implements MigrationInterface {
  name = 'AutomationAnnotations1795842000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automation ADD COLUMN annotations jsonb NOT NULL DEFAULT '{}', ADD COLUMN labels jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE automation ADD CONSTRAINT automation_annotations_object CHECK (jsonb_typeof(annotations) = 'object' AND jsonb_typeof(labels) = 'object')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE automation DROP CONSTRAINT automation_annotations_object`);
    await db.query(`ALTER TABLE automation DROP COLUMN annotations, DROP COLUMN labels`);
  }
}
