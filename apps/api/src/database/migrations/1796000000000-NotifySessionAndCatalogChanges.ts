import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every api replica keeps, per process, the sessions it found open and the automations' KPI
 * definitions it read, and forgets them when PostgreSQL says they changed (LISTEN, database/
 * change-feed.ts): a session ending (sign-out, its account disabled) notifies
 * `roundhouse_session_ended` with its id; an account's role or teams changing ends its open
 * sessions (their cookies carry the role and teams of their sign-in), which notifies in turn; any
 * change to an automation notifies `roundhouse_automation_changed` with its slug. The notifications
 * are sent when the change commits, to every replica.
 */
export class NotifySessionAndCatalogChanges1796000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION user_session_notify_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('roundhouse_session_ended', NEW.id::text);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER user_session_notify_ended AFTER UPDATE OF ended_at ON user_session
        FOR EACH ROW WHEN (OLD.ended_at IS NULL AND NEW.ended_at IS NOT NULL) EXECUTE FUNCTION user_session_notify_ended()`);
    await db.query(`
      CREATE FUNCTION user_account_end_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE user_session SET ended_at = now() WHERE user_id = NEW.username AND ended_at IS NULL;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER user_account_end_sessions AFTER UPDATE OF role, teams, disabled_at ON user_account
        FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role OR OLD.teams IS DISTINCT FROM NEW.teams OR (OLD.disabled_at IS NULL AND NEW.disabled_at IS NOT NULL))
        EXECUTE FUNCTION user_account_end_sessions()`);
    await db.query(`
      CREATE FUNCTION automation_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('roundhouse_automation_changed', CASE WHEN TG_OP = 'DELETE' THEN OLD.slug ELSE NEW.slug END);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER automation_notify_changed AFTER INSERT OR UPDATE OR DELETE ON automation
        FOR EACH ROW EXECUTE FUNCTION automation_notify_changed()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER automation_notify_changed ON automation`);
    await db.query(`DROP FUNCTION automation_notify_changed()`);
    await db.query(`DROP TRIGGER user_account_end_sessions ON user_account`);
    await db.query(`DROP FUNCTION user_account_end_sessions()`);
    await db.query(`DROP TRIGGER user_session_notify_ended ON user_session`);
    await db.query(`DROP FUNCTION user_session_notify_ended()`);
  }
}
