import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The latest ledger item sending the dead letter `d` back (not a discard) has not sent it yet, or its outcome is not known yet. */
const TAKEN = `coalesce((SELECT i.state FROM reprocess_item i WHERE i.dead_letter_id = d.id AND i.route <> 'discard' ORDER BY i.id DESC LIMIT 1), '') IN ('queued', 'dispatched', 'acknowledged')`;

/**
 * A dead letter's stored status keeps only outcomes; "in a request" (reprocessing) and "sent,
 * outcome not known yet" (reprocessed) are read from the ledger (DEAD_LETTER_STATUS in
 * dead-letters/dead-letter-query.ts), so a reprocess request no longer writes its dead letters when
 * it takes them. Dead letters stored `reprocessing` become `pending` when a request still holds them
 * (they read as before), and `reprocessed` otherwise (what they read already).
 */
export class ReadInFlightFromLedger1796080000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE dead_letter d SET status = CASE WHEN ${TAKEN} THEN 'pending' ELSE 'reprocessed' END WHERE d.status = 'reprocessing'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE dead_letter d SET status = 'reprocessing' WHERE d.status IN ('pending', 'failed_again', 'reprocessed') AND ${TAKEN}`);
  }
}
