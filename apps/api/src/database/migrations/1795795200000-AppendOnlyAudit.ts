import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail becomes append-only in the database itself: a trigger refuses every UPDATE,
 * DELETE and TRUNCATE of `audit_entry`, whoever connects (the application's role included), and the
 * table's write privileges other than INSERT are revoked. Entries gain the before/after of what
 * changed and the teams they concern, so owners can be shown their own teams' trail.
 */
export class AppendOnlyAudit1795795200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_entry ADD COLUMN actor_kind text NOT NULL DEFAULT 'person' CHECK (actor_kind IN ('person', 'runtime', 'system'))`);
    await db.query(`ALTER TABLE audit_entry ADD COLUMN teams text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE audit_entry ADD COLUMN before jsonb`);
    await db.query(`ALTER TABLE audit_entry ADD COLUMN after jsonb`);
    await db.query(`UPDATE audit_entry SET actor_kind = 'system' WHERE actor_id = 'roundhouse'`);
    await db.query(`CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_entry_teams_idx ON audit_entry USING gin (teams)`);
    await db.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, at DESC)`);
    await db.query(`
      CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()`);
    await db.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC, CURRENT_USER`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`GRANT UPDATE, DELETE, TRUNCATE ON audit_entry TO CURRENT_USER`);
    await db.query(`DROP TRIGGER audit_entry_no_truncate ON audit_entry`);
    await db.query(`DROP TRIGGER audit_entry_no_update_or_delete ON audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_is_append_only()`);
    await db.query(`DROP INDEX audit_entry_actor_idx`);
    await db.query(`DROP INDEX audit_entry_teams_idx`);
    await db.query(`DROP INDEX audit_entry_at_idx`);
    await db.query(`ALTER TABLE audit_entry DROP COLUMN after, DROP COLUMN before, DROP COLUMN teams, DROP COLUMN actor_kind`);
  }
}
