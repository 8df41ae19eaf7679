import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions are recorded on the server: the signed cookie names its session, and a session signed
 * out of, or of an account since disabled, is refused at once even if a copy of the cookie is kept.
 */
export class CreateUserSessions1795809600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_session (
        id          uuid PRIMARY KEY,
        user_id     text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        ended_at    timestamptz
      )`);
    await db.query(`CREATE INDEX user_session_user_idx ON user_session (user_id) WHERE ended_at IS NULL`);
    await db.query(`CREATE INDEX user_session_expires_idx ON user_session (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE user_session`);
  }
}
