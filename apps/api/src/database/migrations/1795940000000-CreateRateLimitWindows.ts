import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate limits (sign-in, ingest) are counted here, one row per limiter and key (an address, a
 * credential's hash), so every api replica counts against the same budget. A window that has ended
 * is reset by the next hit; rows of windows long ended are deleted by the retention job.
 */
export class CreateRateLimitWindows1795940000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rate_limit_window (
        limiter     text NOT NULL,
        key         text NOT NULL,
        started_at  timestamptz NOT NULL,
        hits        integer NOT NULL,
        PRIMARY KEY (limiter, key)
      )`);
    await db.query(`CREATE INDEX rate_limit_window_started_idx ON rate_limit_window (started_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limit_window`);
  }
}
