import { DEAD_LETTER_STATUSES, type DeadLetterStatus } from '@roundhouse/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { ACTIONABLE_STATUSES, ITEM_STATES } from '../reprocess/reprocess.types.js';
import { DEAD_LETTER_STATUS, statusCondition, storedStatusCondition } from './dead-letter-query.js';

/**
 * The status filter (statusCondition) is written apart from how a status reads (DEAD_LETTER_STATUS),
 * in a form PostgreSQL can estimate; it must select exactly the dead letters that read as asked, for
 * every stored status and every state of the ledger's latest send.
 */
describe(statusCondition.name, () => {
  let db: TestDatabase;
  const ids = async (condition: string, params: unknown[]) =>
    (await db.query<{ message_id: string }>(`SELECT d.message_id FROM dead_letter d WHERE ${condition} ORDER BY d.message_id`, params)).map((r) => r.message_id);

  beforeAll(async () => {
    db = await createTestDatabase();
    const [request] = await db.query<{ id: string }>(
      `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total, requested_automations)
       VALUES ('reprocess', 'otto', 'Otto', 'NetSuite is back', '{}', ARRAY['invoice-generation'], 100, 1000, '{}') RETURNING id::text AS id`,
    );
    // Every stored status, each with no ledger item, with a latest send in every item state, with a
    // discard item (not a send) on top of an acknowledged send, and with an old outcome under a newer open send.
    const histories: Record<string, { state: string; route: string }[]> = {
      none: [],
      ...Object.fromEntries(ITEM_STATES.map((state) => [state, [{ state, route: 'rabbitmq' }]])),
      'discard-over-acknowledged': [
        { state: 'acknowledged', route: 'rabbitmq' },
        { state: 'queued', route: 'discard' },
      ],
      'dispatched-over-succeeded': [
        { state: 'succeeded', route: 'rabbitmq' },
        { state: 'dispatched', route: 'rabbitmq' },
      ],
    };
    for (const stored of DEAD_LETTER_STATUSES) {
      for (const [history, items] of Object.entries(histories)) {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, body, status)
           VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', $1, 'fp', 'TimeoutError', 'no answer', 1, now(), now(), '\\x7b7d'::bytea, $2) RETURNING id::text AS id`,
          [`${stored}/${history}`, stored],
        );
        for (const item of items) {
          await db.query(`INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route, state) VALUES ($1, $2, 'invoice-generation', $3, $4)`, [
            request?.id,
            row?.id,
            item.route,
            item.state,
          ]);
        }
      }
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  const asked: (readonly DeadLetterStatus[])[] = [...DEAD_LETTER_STATUSES.map((status) => [status]), ACTIONABLE_STATUSES, ['pending', 'reprocessing'], [...DEAD_LETTER_STATUSES]];

  it.each(asked.map((statuses) => [statuses.join(', '), statuses] as const))('selects exactly the dead letters that read as %s', async (_, statuses) => {
    const params: unknown[] = [];
    const condition = statusCondition(statuses, params);

    const expected = await ids(`(${DEAD_LETTER_STATUS}) = ANY ($1::text[])`, [[...statuses]]);
    expect(expected.length).toBeGreaterThan(0);
    expect(await ids(condition, params)).toEqual(expected);
    // The stored statuses alone (what the list's ordered walk narrows by) keep every one of them.
    const storedParams: unknown[] = [];
    expect(await ids(storedStatusCondition(statuses, storedParams), storedParams)).toEqual(expect.arrayContaining(expected));
  });

  it('reads a pending dead letter as pending unless a request holds it or sent it, and as what that request made of it', async () => {
    const pending = async (status: DeadLetterStatus) => {
      const params: unknown[] = [];
      return (await ids(statusCondition([status], params), params)).filter((id) => id.startsWith('pending/'));
    };

    expect(await pending('pending')).toEqual(['pending/cancelled', 'pending/failed', 'pending/none', 'pending/succeeded']);
    expect(await pending('reprocessing')).toEqual(['pending/dispatched', 'pending/dispatched-over-succeeded', 'pending/queued']);
    expect(await pending('reprocessed')).toEqual(['pending/acknowledged', 'pending/discard-over-acknowledged']);
  });
});
