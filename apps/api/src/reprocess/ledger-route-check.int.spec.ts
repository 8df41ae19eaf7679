import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { CheckLedgerRouteShapeWithoutRepeat1796130000000 } from '../database/migrations/1796130000000-CheckLedgerRouteShapeWithoutRepeat.js';

const CHECK_VIOLATION = '23514';

/** A ledger item's route is a lower-case name of 1 to 32 characters, as before the check was rewritten. */
describe(CheckLedgerRouteShapeWithoutRepeat1796130000000.name, () => {
  let db: TestDatabase;
  let request: string;
  let deadLetter: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const [created] = await db.query<{ id: string }>(
      `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total, requested_automations)
       VALUES ('reprocess', 'otto', 'Otto', 'NetSuite is back', '{}', ARRAY['invoice-generation'], 100, 0, '{}') RETURNING id::text AS id`,
    );
    request = (created as { id: string }).id;
    const [stored] = await db.query<{ id: string }>(
      `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, body, status)
       VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', 'm-1', 'fp', 'TimeoutError', 'no answer', 1, now(), now(), '\\x7b7d'::bytea, 'pending') RETURNING id::text AS id`,
    );
    deadLetter = (stored as { id: string }).id;
  });

  afterAll(async () => {
    await db.drop();
  });

  /** The SQLSTATE an item with this route is refused with, or undefined when it is stored (and then removed). */
  const refusal = async (route: string): Promise<string | undefined> => {
    try {
      await db.query(`INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route) VALUES ($1::bigint, $2::bigint, 'invoice-generation', $3)`, [
        request,
        deadLetter,
        route,
      ]);
    } catch (error) {
      return (error as pg.DatabaseError).code;
    }
    await db.query(`DELETE FROM reprocess_item WHERE request_id = $1::bigint`, [request]);
    return undefined;
  };

  it('takes a lower-case name of 1 to 32 characters and refuses anything else', async () => {
    for (const route of ['rabbitmq', 'sdk', 'q', 'bull_mq2', `a${'b'.repeat(31)}`]) {
      expect(await refusal(route), route).toBeUndefined();
    }
    for (const route of ['', 'RabbitMQ', '2queues', '_sdk', 'web-hook', 'sqs ', `a${'b'.repeat(32)}`, 'rabbitmq\n']) {
      expect(await refusal(route), JSON.stringify(route)).toBe(CHECK_VIOLATION);
    }
  });
});
