import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Canary reprocess: a request may send a first slice of its messages, wait for the runtime's
 * outcomes, and continue to the rest (held until then) only when few enough failed again.
 */
export class StageReprocessCanary1795860000000 implements MigrationInterface {
  name = 'StageReprocessCanary1795860000000';

  async up(db: QueryRunner): Promise<void> {
    // canary: { count | percent, maxFailureRate, size }; canary_decision: { outcome, reason, at, by, succeeded, failed }.
    await db.query(`ALTER TABLE reprocess_request ADD COLUMN canary jsonb, ADD COLUMN canary_decision jsonb`);
    await db.query(`ALTER TABLE reprocess_request ADD CONSTRAINT reprocess_request_canary_object CHECK (canary IS NULL OR jsonb_typeof(canary) = 'object')`);
    await db.query(
      `ALTER TABLE reprocess_request ADD CONSTRAINT reprocess_request_canary_decided CHECK (canary_decision IS NULL OR (canary IS NOT NULL AND canary_decision ->> 'outcome' IN ('passed', 'stopped')))`,
    );
    // in_canary: the item is in the first slice; held: the item waits for the canary's decision before it may be sent.
    await db.query(`ALTER TABLE reprocess_item ADD COLUMN in_canary boolean NOT NULL DEFAULT false, ADD COLUMN held boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX reprocess_item_canary_idx ON reprocess_item (request_id, state) WHERE in_canary`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX reprocess_item_canary_idx`);
    await db.query(`ALTER TABLE reprocess_item DROP COLUMN in_canary, DROP COLUMN held`);
    await db.query(`ALTER TABLE reprocess_request DROP CONSTRAINT reprocess_request_canary_decided, DROP CONSTRAINT reprocess_request_canary_object`);
    await db.query(`ALTER TABLE reprocess_request DROP COLUMN canary, DROP COLUMN canary_decision`);
  }
}
