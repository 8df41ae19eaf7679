import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reprocess item's route is a runtime kind's name (runtimes/registry.ts), 'sdk' or 'discard': the
 * list of kinds lives with the adapters, so adding a kind needs no migration. The column keeps a
 * shape check (a lower-case name), no longer a fixed list.
 */
export class RouteByRuntimeKind1795880000000 implements MigrationInterface {
  name = 'RouteByRuntimeKind1795880000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT reprocess_item_route_known`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_route_known CHECK (route ~ '^[a-z][a-z0-9_]{0,31}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT reprocess_item_route_known`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_route_known CHECK (route IN ('rabbitmq', 'bullmq', 'webhook', 'sdk', 'discard'))`);
  }
}
