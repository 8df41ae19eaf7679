import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Local accounts, for self-hosting without an identity provider: a lower-case username, a role and
 * teams like the sign-in session carries, and an argon2id password hash (never the password). A
 * disabled account keeps its row so the audit trail's names still resolve.
 */
export class CreateUserAccounts1795798800000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_account (
        username          text PRIMARY KEY CONSTRAINT user_account_username_is_lower_case CHECK (username = lower(username) AND username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
        display_name      text NOT NULL CONSTRAINT user_account_display_name_not_blank CHECK (btrim(display_name) <> ''),
        role              text NOT NULL CONSTRAINT user_account_role_is_known CHECK (role IN ('viewer', 'operator', 'owner', 'admin')),
        teams             text[] NOT NULL DEFAULT '{}',
        password_hash     text NOT NULL CONSTRAINT user_account_password_hash_is_argon2id CHECK (password_hash LIKE '$argon2id$%'),
        disabled_at       timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        last_signed_in_at timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE user_account`);
  }
}
