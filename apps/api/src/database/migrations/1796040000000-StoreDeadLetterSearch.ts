import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 10_000;

/**
 * A dead letter's searchable text is stored once, in `search`, written by a trigger when a dead
 * letter is inserted or moves to a new error (never when only its status changes), and the
 * full-text index is on that column instead of on an expression computed again for every row a
 * listing walks. The status listing index carries `search` (INCLUDE), so a filtered page finds its
 * ids index-only before it fetches its rows.
 *
 * Safe on a big table: it runs outside one transaction. Adding the column is instant (no default);
 * the backfill updates 10,000 rows per statement, each committed on its own; the indexes are built
 * CONCURRENTLY (writes continue) and the old ones dropped CONCURRENTLY once the new ones are valid.
 */
export class StoreDeadLetterSearch1796040000000 implements MigrationInterface {
  transaction = false as const;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dead_letter ADD COLUMN IF NOT EXISTS search tsvector`);
    await db.query(`
      CREATE OR REPLACE FUNCTION dead_letter_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search := to_tsvector('simple', NEW.error_class || ' ' || NEW.error_message);
        RETURN NEW;
      END $$`);
    await db.query(`DROP TRIGGER IF EXISTS dead_letter_search ON dead_letter`);
    await db.query(`CREATE TRIGGER dead_letter_search BEFORE INSERT OR UPDATE OF error_class, error_message ON dead_letter FOR EACH ROW EXECUTE FUNCTION dead_letter_search()`);
    const [range] = (await db.query(`SELECT min(id)::text AS low, max(id)::text AS high FROM dead_letter WHERE search IS NULL`)) as { low: string | null; high: string | null }[];
    if (range !== undefined && range.low !== null && range.high !== null) {
      for (let low = BigInt(range.low); low <= BigInt(range.high); low += BigInt(BATCH)) {
        await db.query(`UPDATE dead_letter SET search = to_tsvector('simple', error_class || ' ' || error_message) WHERE id >= $1::bigint AND id < $2::bigint AND search IS NULL`, [
          low.toString(),
          (low + BigInt(BATCH)).toString(),
        ]);
      }
    }
    await db.query(`DROP INDEX CONCURRENTLY IF EXISTS dead_letter_search_idx`);
    await db.query(`CREATE INDEX CONCURRENTLY dead_letter_search_idx ON dead_letter USING gin (search)`);
    await db.query(`DROP INDEX CONCURRENTLY IF EXISTS dead_letter_status_search_idx`);
    await db.query(`CREATE INDEX CONCURRENTLY dead_letter_status_search_idx ON dead_letter (status, last_failed_at DESC, id DESC) INCLUDE (search)`);
    await db.query(`DROP INDEX CONCURRENTLY IF EXISTS dead_letter_error_search_idx`);
    await db.query(`DROP INDEX CONCURRENTLY IF EXISTS dead_letter_status_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS dead_letter_status_idx ON dead_letter (status, last_failed_at DESC, id DESC)`);
    await db.query(`CREATE INDEX CONCURRENTLY IF NOT EXISTS dead_letter_error_search_idx ON dead_letter USING gin (to_tsvector('simple', error_class || ' ' || error_message))`);
    await db.query(`DROP INDEX CONCURRENTLY IF EXISTS dead_letter_status_search_idx`);
    await db.query(`DROP INDEX CONCURRENTLY IF EXISTS dead_letter_search_idx`);
    await db.query(`DROP TRIGGER IF EXISTS dead_letter_search ON dead_letter`);
    await db.query(`DROP FUNCTION IF EXISTS dead_letter_search()`);
    await db.query(`ALTER TABLE dead_letter DROP COLUMN IF EXISTS search`);
  }
}
