import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reprocessed messages may go back through NATS JetStream (the `nats` route). */
export class ReprocessThroughNats1795890000000 implements MigrationInterface {
  name = 'ReprocessThroughNats1795890000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT reprocess_item_route_known`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_route_known CHECK (route IN ('rabbitmq', 'bullmq', 'nats', 'webhook', 'sdk', 'discard'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Items that went through NATS keep their history as SDK items: the only route the old check knows that sends nothing itself.
    await db.query(`UPDATE reprocess_item SET route = 'sdk' WHERE route = 'nats'`);
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT reprocess_item_route_known`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_route_known CHECK (route IN ('rabbitmq', 'bullmq', 'webhook', 'sdk', 'discard'))`);
  }
}
