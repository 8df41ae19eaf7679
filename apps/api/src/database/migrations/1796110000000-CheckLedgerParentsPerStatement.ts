import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's links to its request and its dead letter are checked once per statement instead of
 * once per item. A foreign key runs one query per inserted item and locks the parent row each time
 * (`FOR KEY SHARE`: 100,000 row locks on the dead letters, each one a write to their pages, and the
 * request's row locked 100,000 times): 39% of a snapshot of 100,000 items (bench/reprocess/README.md).
 *
 * What the two foreign keys guaranteed is kept by triggers, serialised by one advisory lock instead
 * of a lock per parent row:
 * - an insert into the ledger takes the lock shared, then checks in one query that every request and
 *   dead letter it names exists (`foreign_key_violation` otherwise);
 * - deleting dead letters or requests takes it exclusively, then deletes their items (the foreign
 *   keys' `ON DELETE CASCADE`); truncating the requests empties the ledger;
 * - an item's request and dead letter never change, nor does the id of a dead letter or a request.
 * A delete waits for the inserts that may have read what it deletes, and an insert that comes after
 * an uncommitted delete waits for it and then no longer finds the parent. Snapshots share the lock,
 * so they do not wait for each other; the api never deletes dead letters or requests. The check and
 * the cascade read other transactions' committed rows, which only READ COMMITTED gives every
 * statement: both refuse to run in another isolation level.
 */
export class CheckLedgerParentsPerStatement1796110000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT reprocess_item_request_id_fkey`);
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT reprocess_item_dead_letter_id_fkey`);
    await db.query(`
      CREATE FUNCTION reprocess_item_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        missing bigint;
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION 'reprocess_item is written in READ COMMITTED transactions only (its links are checked against committed rows)' USING ERRCODE = 'feature_not_supported';
        END IF;
        PERFORM pg_advisory_xact_lock_shared(hashtext('roundhouse:ledger-parents'));
        SELECT a.request_id INTO missing FROM (SELECT DISTINCT request_id FROM added) a
         WHERE NOT EXISTS (SELECT 1 FROM reprocess_request r WHERE r.id = a.request_id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'insert into reprocess_item: request % does not exist', missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'reprocess_item', CONSTRAINT = 'reprocess_item_request_id_exists';
        END IF;
        SELECT a.dead_letter_id INTO missing FROM added a
         WHERE NOT EXISTS (SELECT 1 FROM dead_letter d WHERE d.id = a.dead_letter_id) LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'insert into reprocess_item: dead letter % does not exist', missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'reprocess_item', CONSTRAINT = 'reprocess_item_dead_letter_id_exists';
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER reprocess_item_parents_exist AFTER INSERT ON reprocess_item
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION reprocess_item_check_parents()`);
    await db.query(`
      CREATE FUNCTION reprocess_item_delete_with_parent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('transaction_isolation') <> 'read committed' THEN
          RAISE EXCEPTION '% is deleted from in READ COMMITTED transactions only (its ledger items are deleted with it)', TG_TABLE_NAME USING ERRCODE = 'feature_not_supported';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtext('roundhouse:ledger-parents'));
        IF TG_OP = 'TRUNCATE' THEN
          DELETE FROM reprocess_item;
        ELSIF TG_TABLE_NAME = 'dead_letter' THEN
          DELETE FROM reprocess_item i USING removed r WHERE i.dead_letter_id = r.id;
        ELSE
          DELETE FROM reprocess_item i USING removed r WHERE i.request_id = r.id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER dead_letter_delete_items AFTER DELETE ON dead_letter
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION reprocess_item_delete_with_parent()`);
    await db.query(`
      CREATE TRIGGER reprocess_request_delete_items AFTER DELETE ON reprocess_request
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION reprocess_item_delete_with_parent()`);
    await db.query(`CREATE TRIGGER reprocess_request_truncate_items AFTER TRUNCATE ON reprocess_request FOR EACH STATEMENT EXECUTE FUNCTION reprocess_item_delete_with_parent()`);
    await db.query(`
      CREATE FUNCTION reprocess_item_keep_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Nested: an expression naming a column of one table is prepared only where the row has it.
        IF TG_TABLE_NAME = 'reprocess_item' THEN
          IF NEW.request_id <> OLD.request_id OR NEW.dead_letter_id <> OLD.dead_letter_id THEN
            RAISE EXCEPTION 'a ledger item''s request and dead letter do not change (item %)', OLD.id USING ERRCODE = 'foreign_key_violation', TABLE = 'reprocess_item';
          END IF;
        ELSIF NEW.id <> OLD.id THEN
          RAISE EXCEPTION 'the id of % % does not change (ledger items name it)', TG_TABLE_NAME, OLD.id USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(
      `CREATE TRIGGER reprocess_item_links_fixed BEFORE UPDATE OF request_id, dead_letter_id ON reprocess_item FOR EACH ROW EXECUTE FUNCTION reprocess_item_keep_links()`,
    );
    await db.query(`CREATE TRIGGER dead_letter_id_fixed BEFORE UPDATE OF id ON dead_letter FOR EACH ROW EXECUTE FUNCTION reprocess_item_keep_links()`);
    await db.query(`CREATE TRIGGER reprocess_request_id_fixed BEFORE UPDATE OF id ON reprocess_request FOR EACH ROW EXECUTE FUNCTION reprocess_item_keep_links()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER reprocess_request_id_fixed ON reprocess_request`);
    await db.query(`DROP TRIGGER dead_letter_id_fixed ON dead_letter`);
    await db.query(`DROP TRIGGER reprocess_item_links_fixed ON reprocess_item`);
    await db.query(`DROP FUNCTION reprocess_item_keep_links()`);
    await db.query(`DROP TRIGGER reprocess_request_truncate_items ON reprocess_request`);
    await db.query(`DROP TRIGGER reprocess_request_delete_items ON reprocess_request`);
    await db.query(`DROP TRIGGER dead_letter_delete_items ON dead_letter`);
    await db.query(`DROP FUNCTION reprocess_item_delete_with_parent()`);
    await db.query(`DROP TRIGGER reprocess_item_parents_exist ON reprocess_item`);
    await db.query(`DROP FUNCTION reprocess_item_check_parents()`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_dead_letter_id_fkey FOREIGN KEY (dead_letter_id) REFERENCES dead_letter (id) ON DELETE CASCADE`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_request_id_fkey FOREIGN KEY (request_id) REFERENCES reprocess_request (id) ON DELETE CASCADE`);
  }
}
