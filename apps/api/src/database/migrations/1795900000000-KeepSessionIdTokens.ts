import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A session opened by single sign-on keeps the provider's ID token, so signing out can end the
 * provider's session too (RP-initiated logout's `id_token_hint`). Forgotten with the session's record.
 */
export class KeepSessionIdTokens1795900000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE user_session ADD COLUMN id_token text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE user_session DROP COLUMN id_token`);
  }
}
