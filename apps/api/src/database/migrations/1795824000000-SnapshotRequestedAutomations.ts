import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reprocess or discard request keeps, for each automation it acts on, the owner team and risk
 * domains it had when the request was made (`requested_automations`): the person who approves it
 * must be allowed to for the automations as they were asked about, not as they are after a move.
 * Requests made before this release take their automations as they are now.
 */
export class SnapshotRequestedAutomations1795824000000 implements MigrationInterface {
  name = 'SnapshotRequestedAutomations1795824000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_request ADD COLUMN requested_automations jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE reprocess_request r
         SET requested_automations = COALESCE((
               SELECT jsonb_object_agg(a.slug, jsonb_build_object('ownerTeam', a.owner_team, 'riskDomains', to_jsonb(a.risk_domains)))
                 FROM automation a WHERE a.slug = ANY(r.automations)), '{}'::jsonb)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_request DROP COLUMN requested_automations`);
  }
}
