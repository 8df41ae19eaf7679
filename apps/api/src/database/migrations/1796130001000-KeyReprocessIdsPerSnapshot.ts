import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reprocess ids for many items at once: `roundhouse_uuid_v7(key, n)` is a UUID version 7 like
 * `roundhouse_uuid_v7()` (the time in milliseconds, then 74 bits nobody can guess), its 74 bits taken
 * from SHA-256 of a random key and a number instead of from a fresh `gen_random_uuid()`. A snapshot
 * draws one random key (one `gen_random_uuid()`) and numbers its items by their dead letter, which it
 * takes at most once: its ids differ from each other and from any other statement's as much as random
 * ids do (74 bits of a keyed hash; a collision, as unlikely as between two random UUIDs, is refused
 * by the unique index and the request is not made). Without the key, one id tells nothing about another (SHA-256 as a keyed
 * function, its output cut to 74 bits).
 *
 * Why: `gen_random_uuid()` asks OpenSSL for fresh bytes on every call (a lock and a `getpid` system
 * call each time), and with the time's conversion through `numeric` the old function was about a
 * third of the CPU of a snapshot of 100,000 items (bench/reprocess/README.md). The time here goes
 * through `date_part` (double precision) instead of `numeric`.
 */
export class KeyReprocessIdsPerSnapshot1796130001000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    // Bits are numbered from the right within each byte (set_bit): 52–55 are byte 6's high half, the
    // version (0111); 70 and 71 the top of byte 8, the variant (10).
    await db.query(`
      CREATE FUNCTION roundhouse_uuid_v7(key bytea, n bigint) RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(set_bit(set_bit(set_bit(set_bit(set_bit(set_bit(
                 overlay(substring(sha256(key || int8send(n)) FROM 1 FOR 16)
                         PLACING substring(int8send(floor(date_part('epoch', clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
                 55, 0), 54, 1), 53, 1), 52, 1), 71, 1), 70, 0), 'hex')::uuid
      $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION roundhouse_uuid_v7(bytea, bigint)`);
  }
}
