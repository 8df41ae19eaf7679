import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A runtime token says in so many words whether it covers every automation of its team
 * (`all_automations`) or only the ones it names: an empty list no longer means "all", so a token
 * whose named automations all moved to other teams covers nothing instead of everything.
 *
 * Tokens that name automations another team owns by now (moved before this release, when lists
 * were not kept) lose them, each with a `token.coverage_reduced` entry in the audit trail.
 */
export class RuntimeTokenCoverage1795816800000 implements MigrationInterface {
  name = 'RuntimeTokenCoverage1795816800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE runtime_token ADD COLUMN all_automations boolean`);
    await db.query(`UPDATE runtime_token SET all_automations = cardinality(automations) = 0`);
    await db.query(`ALTER TABLE runtime_token ALTER COLUMN all_automations SET NOT NULL`);
    await db.query(`ALTER TABLE runtime_token ADD CONSTRAINT runtime_token_all_or_named CHECK (NOT all_automations OR cardinality(automations) = 0)`);
    await db.query(`
      WITH stale AS (
        SELECT t.id, t.automations AS before,
               array(SELECT s FROM unnest(t.automations) s WHERE EXISTS (SELECT 1 FROM automation a WHERE a.slug = s AND a.owner_team = t.team)) AS after
          FROM runtime_token t
         WHERE NOT t.all_automations AND t.revoked_at IS NULL
      ), reduced AS (
        UPDATE runtime_token t SET automations = stale.after FROM stale
         WHERE t.id = stale.id AND stale.after <> stale.before
        RETURNING t.id, t.team, stale.before, stale.after
      )
      INSERT INTO audit_entry (actor_id, actor_name, actor_kind, action, target_kind, target_id, automations, teams, reason, before, after, detail)
      SELECT 'roundhouse', 'Roundhouse', 'system', 'token.coverage_reduced', 'runtime_token', reduced.id::text,
             array(SELECT s FROM unnest(reduced.before) s EXCEPT SELECT s FROM unnest(reduced.after) s), ARRAY[reduced.team],
             'These automations belong to other teams now: a token acts only for automations its team owns.',
             jsonb_build_object('automations', reduced.before), jsonb_build_object('automations', reduced.after), '{}'::jsonb
        FROM reduced`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Without the column an empty list means every automation of the team: a token that covers
    // nothing is revoked first, so going back never widens what a token may do.
    await db.query(`
      UPDATE runtime_token SET revoked_at = now(), revoked_by = 'roundhouse'
       WHERE NOT all_automations AND cardinality(automations) = 0 AND revoked_at IS NULL`);
    await db.query(`ALTER TABLE runtime_token DROP CONSTRAINT runtime_token_all_or_named, DROP COLUMN all_automations`);
  }
}
