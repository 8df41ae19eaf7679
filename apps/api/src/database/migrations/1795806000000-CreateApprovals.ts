import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties. A reprocess or discard request that the approval policy holds keeps why
 * (`approval_reasons`) and, once a second person decides, who approved or rejected it, when and
 * with what note. A change to a production automation's SLOs waits in `automation_change_request`
 * for its owner team: the definition proposed (as the caller sent it, and as validated), the one
 * it was based on, and the decision. At most one change per automation waits at a time.
 */
export class CreateApprovals1795806000000 implements MigrationInterface {
  name = 'CreateApprovals1795806000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE reprocess_request
        ADD COLUMN approval_reasons text[] NOT NULL DEFAULT '{}',
        ADD COLUMN decision         text,
        ADD COLUMN decided_by       text,
        ADD COLUMN decided_by_name  text,
        ADD COLUMN decided_at       timestamptz,
        ADD COLUMN decision_note    text,
        ADD CONSTRAINT reprocess_request_decision_known CHECK (decision IN ('approved', 'rejected')),
        ADD CONSTRAINT reprocess_request_decision_recorded CHECK ((decision IS NULL) = (decided_by IS NULL) AND (decision IS NULL) = (decided_at IS NULL))`);
    await db.query(`CREATE INDEX reprocess_request_awaiting_idx ON reprocess_request (id) WHERE state = 'awaiting_approval'`);
    await db.query(`
      CREATE TABLE automation_change_request (
        id                  bigserial PRIMARY KEY,
        automation_slug     text NOT NULL REFERENCES automation (slug) ON DELETE CASCADE,
        owner_team          text NOT NULL,
        requested_by        text NOT NULL,
        requested_by_name   text NOT NULL,
        requested_at        timestamptz NOT NULL DEFAULT now(),
        proposed_input      jsonb NOT NULL,
        proposed_definition jsonb NOT NULL,
        base_definition     jsonb NOT NULL,
        state               text NOT NULL DEFAULT 'pending',
        decided_by          text,
        decided_by_name     text,
        decided_at          timestamptz,
        reason              text,
        CONSTRAINT automation_change_request_state_known CHECK (state IN ('pending', 'approved', 'rejected', 'superseded')),
        CONSTRAINT automation_change_request_decided_when_settled CHECK ((state = 'pending') = (decided_at IS NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX automation_change_request_one_pending_idx ON automation_change_request (automation_slug) WHERE state = 'pending'`);
    await db.query(`CREATE INDEX automation_change_request_pending_team_idx ON automation_change_request (owner_team, id) WHERE state = 'pending'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE automation_change_request`);
    await db.query(`DROP INDEX reprocess_request_awaiting_idx`);
    await db.query(`
      ALTER TABLE reprocess_request
        DROP CONSTRAINT reprocess_request_decision_recorded,
        DROP CONSTRAINT reprocess_request_decision_known,
        DROP COLUMN decision_note,
        DROP COLUMN decided_at,
        DROP COLUMN decided_by_name,
        DROP COLUMN decided_by,
        DROP COLUMN decision,
        DROP COLUMN approval_reasons`);
  }
}
