import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reprocess and discard requests with their per-item ledger (a crash resumes where it stopped and
 * nothing confirmed is sent twice), the link from a dead letter to the one it failed again from,
 * and the audit trail of actions.
 */
export class CreateReprocessing1795780800000 implements MigrationInterface {
  name = 'CreateReprocessing1795780800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reprocess_request (
        id                bigserial PRIMARY KEY,
        action            text NOT NULL,
        state             text NOT NULL DEFAULT 'running',
        requested_by      text NOT NULL,
        requested_by_name text NOT NULL,
        reason            text NOT NULL,
        selection         jsonb NOT NULL,
        automations       text[] NOT NULL,
        velocity          integer NOT NULL,
        total             integer NOT NULL,
        next_slot_at      timestamptz NOT NULL DEFAULT now(),
        waiting_reason    text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        finished_at       timestamptz,
        CONSTRAINT reprocess_request_action_known CHECK (action IN ('reprocess', 'discard')),
        CONSTRAINT reprocess_request_state_known CHECK (state IN ('requested', 'awaiting_approval', 'running', 'paused', 'cancelled', 'done')),
        CONSTRAINT reprocess_request_velocity_positive CHECK (velocity > 0),
        CONSTRAINT reprocess_request_reason_given CHECK (length(btrim(reason)) > 0)
      )`);
    await db.query(`CREATE INDEX reprocess_request_recent_idx ON reprocess_request (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX reprocess_request_automations_idx ON reprocess_request USING gin (automations)`);
    await db.query(`CREATE INDEX reprocess_request_running_idx ON reprocess_request (id) WHERE state = 'running'`);
    await db.query(`
      CREATE TABLE reprocess_item (
        id                 bigserial PRIMARY KEY,
        request_id         bigint NOT NULL REFERENCES reprocess_request (id) ON DELETE CASCADE,
        dead_letter_id     bigint NOT NULL REFERENCES dead_letter (id) ON DELETE CASCADE,
        automation_slug    text NOT NULL,
        route              text NOT NULL,
        reprocess_id       uuid NOT NULL DEFAULT gen_random_uuid(),
        state              text NOT NULL DEFAULT 'queued',
        attempts           integer NOT NULL DEFAULT 0,
        lease_until        timestamptz,
        not_before         timestamptz,
        last_error         text,
        dispatched_at      timestamptz,
        acknowledged_at    timestamptz,
        finished_at        timestamptz,
        new_dead_letter_id bigint REFERENCES dead_letter (id) ON DELETE SET NULL,
        CONSTRAINT reprocess_item_reprocess_id_unique UNIQUE (reprocess_id),
        CONSTRAINT reprocess_item_route_known CHECK (route IN ('rabbitmq', 'bullmq', 'webhook', 'sdk', 'discard')),
        CONSTRAINT reprocess_item_state_known CHECK (state IN ('queued', 'dispatched', 'acknowledged', 'succeeded', 'failed', 'cancelled'))
      )`);
    // Workers claim a request's next items in order; progress counts by state.
    await db.query(`CREATE INDEX reprocess_item_claim_idx ON reprocess_item (request_id, state, id)`);
    // A dead letter is in at most one request that has not sent it yet.
    await db.query(`CREATE UNIQUE INDEX reprocess_item_one_open_idx ON reprocess_item (dead_letter_id) WHERE state IN ('queued', 'dispatched')`);
    await db.query(`CREATE INDEX reprocess_item_dead_letter_idx ON reprocess_item (dead_letter_id, id DESC)`);
    // SDK runtimes pull the commands offered to their automations.
    await db.query(`CREATE INDEX reprocess_item_offered_idx ON reprocess_item (automation_slug, id) WHERE route = 'sdk' AND state = 'dispatched'`);
    // Retried BullMQ jobs whose outcome the collector watches for.
    await db.query(`CREATE INDEX reprocess_item_retried_jobs_idx ON reprocess_item (automation_slug, id) WHERE route = 'bullmq' AND state = 'acknowledged'`);
    await db.query(`ALTER TABLE dead_letter ADD COLUMN reprocess_of bigint REFERENCES dead_letter (id) ON DELETE SET NULL`);
    await db.query(`
      CREATE TABLE audit_entry (
        id           bigserial PRIMARY KEY,
        at           timestamptz NOT NULL DEFAULT now(),
        actor_id     text NOT NULL,
        actor_name   text NOT NULL,
        action       text NOT NULL,
        target_kind  text NOT NULL,
        target_id    text NOT NULL,
        automations  text[] NOT NULL DEFAULT '{}',
        reason       text,
        detail       jsonb NOT NULL DEFAULT '{}'
      )`);
    await db.query(`CREATE INDEX audit_entry_target_idx ON audit_entry (target_kind, target_id, at DESC)`);
    await db.query(`CREATE INDEX audit_entry_automations_idx ON audit_entry USING gin (automations)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entry`);
    await db.query(`ALTER TABLE dead_letter DROP COLUMN reprocess_of`);
    await db.query(`DROP TABLE reprocess_item`);
    await db.query(`DROP TABLE reprocess_request`);
  }
}
