import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's route check says the same thing without a bounded repetition: a lower-case name of
 * 1 to 32 characters (`^[a-z][a-z0-9_]*$` and at most 32 characters, as `^[a-z][a-z0-9_]{0,31}$`
 * said). PostgreSQL's regular expressions unroll `{0,31}` into 31 optional states, and every
 * inserted or updated item runs the check: 7% of a snapshot of 100,000 items under perf
 * (bench/reprocess/README.md), against next to nothing for the unbounded pattern and a length.
 *
 * Safe on a big ledger: outside one transaction. The check is swapped in a short transaction (`NOT
 * VALID`: no scan under its ACCESS EXCLUSIVE lock), then validated under a lock that lets claims and
 * acknowledges go on. Run again after a failure between the two, it does the same.
 */
export class CheckLedgerRouteShapeWithoutRepeat1796130000000 implements MigrationInterface {
  transaction = false as const;

  async up(db: QueryRunner): Promise<void> {
    await swapCheck(db, `route ~ '^[a-z][a-z0-9_]*$' AND length(route) <= 32`);
  }

  async down(db: QueryRunner): Promise<void> {
    await swapCheck(db, `route ~ '^[a-z][a-z0-9_]{0,31}$'`);
  }
}

async function swapCheck(db: QueryRunner, check: string): Promise<void> {
  await db.startTransaction();
  try {
    await db.query(`ALTER TABLE reprocess_item DROP CONSTRAINT IF EXISTS reprocess_item_route_known`);
    await db.query(`ALTER TABLE reprocess_item ADD CONSTRAINT reprocess_item_route_known CHECK (${check}) NOT VALID`);
    await db.commitTransaction();
  } catch (error) {
    await db.rollbackTransaction();
    throw error;
  }
  await db.query(`ALTER TABLE reprocess_item VALIDATE CONSTRAINT reprocess_item_route_known`);
}
