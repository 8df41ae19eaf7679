import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLO windows cover (now − W, now] exactly: whole minutes from the rollups, and the partial minutes
 * at both edges from the raw runs, by the time each attempt ended. This index finds those few runs.
 */
export class IndexRunsByFinish1795821000000 implements MigrationInterface {
  name = 'IndexRunsByFinish1795821000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX run_finished_idx ON run (automation_slug, finished_at) WHERE counted`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX run_finished_idx`);
  }
}
