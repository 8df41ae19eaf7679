import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reprocess ids are UUID version 7 (RFC 9562: the time in milliseconds, then 74 random bits), made
 * in SQL since PostgreSQL 15 has no function for it: a snapshot of many items then adds to the
 * right edge of the unique index on reprocess_id instead of to random pages of it (about a quarter
 * of the ledger's insert). Existing ids stay as they are; they remain unique and are still UUIDs.
 */
export class OrderReprocessIdsByTime1796080001000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION roundhouse_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
      $$`);
    await db.query(`ALTER TABLE reprocess_item ALTER COLUMN reprocess_id SET DEFAULT roundhouse_uuid_v7()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_item ALTER COLUMN reprocess_id SET DEFAULT gen_random_uuid()`);
    await db.query(`DROP FUNCTION roundhouse_uuid_v7()`);
  }
}
