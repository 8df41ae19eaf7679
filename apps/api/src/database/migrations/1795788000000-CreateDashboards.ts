import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stakeholder dashboards as code: the validated contents of dashboards/*.yaml, applied whole. */
export class CreateDashboards1795788000000 implements MigrationInterface {
  name = 'CreateDashboards1795788000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dashboard (
        name         text PRIMARY KEY,
        title        text NOT NULL,
        description  text NOT NULL,
        owner        text NOT NULL,
        path         text NOT NULL,
        spec         jsonb NOT NULL,
        applied_at   timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE dashboard`);
  }
}
