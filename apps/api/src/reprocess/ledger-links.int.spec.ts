import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/eventually.js';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { CheckLedgerParentsPerStatement1796110000000 } from '../database/migrations/1796110000000-CheckLedgerParentsPerStatement.js';

const FOREIGN_KEY_VIOLATION = '23503';

/** The ledger's links to its request and dead letter, kept by statement triggers instead of foreign keys (as the api's role). */
describe(CheckLedgerParentsPerStatement1796110000000.name, () => {
  let db: TestDatabase;
  const clients: pg.Client[] = [];

  /** A connection as the api's role, as the api connects. */
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  const newRequest = async (): Promise<string> => {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total, requested_automations)
       VALUES ('reprocess', 'otto', 'Otto', 'NetSuite is back', '{}', ARRAY['invoice-generation'], 100, 0, '{}') RETURNING id::text AS id`,
    );
    return (row as { id: string }).id;
  };

  const newDeadLetter = async (messageId: string): Promise<string> => {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, body, status)
       VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', $1, 'fp', 'TimeoutError', 'no answer', 1, now(), now(), '\\x7b7d'::bytea, 'pending') RETURNING id::text AS id`,
      [messageId],
    );
    return (row as { id: string }).id;
  };

  const insertItems = (client: pg.Client, requestId: string, deadLetterIds: readonly string[]) =>
    client.query(
      `INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route) SELECT $1::bigint, d, 'invoice-generation', 'rabbitmq' FROM unnest($2::bigint[]) AS d`,
      [requestId, [...deadLetterIds]],
    );

  const itemsOf = async (column: 'request_id' | 'dead_letter_id', id: string): Promise<number> => {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reprocess_item WHERE ${column} = $1::bigint`, [id]);
    return row?.n ?? 0;
  };

  /** How a statement failed (its SQLSTATE and message), or undefined when it did not. */
  const failure = (statement: Promise<unknown>): Promise<{ code: string | undefined; message: string } | undefined> =>
    statement.then(
      () => undefined,
      (error: pg.DatabaseError) => ({ code: error.code, message: error.message }),
    );

  /** Whether the connection's statement waits for a lock (another transaction's). */
  const waitingForLock = async (client: pg.Client): Promise<boolean> => {
    const pid = (client as unknown as { processID: number }).processID;
    const [row] = await db.query<{ wait_event_type: string | null }>(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]);
    return row?.wait_event_type === 'Lock';
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end()));
    await db.drop();
  });

  it('refuses an insert naming a request or a dead letter that does not exist, the whole statement', async () => {
    const api = await connect();
    const request = await newRequest();
    const kept = await newDeadLetter('kept');

    expect(await failure(insertItems(api, '999999', [kept]))).toEqual({ code: FOREIGN_KEY_VIOLATION, message: 'insert into reprocess_item: request 999999 does not exist' });
    expect(await failure(insertItems(api, request, [kept, '888888']))).toEqual({
      code: FOREIGN_KEY_VIOLATION,
      message: 'insert into reprocess_item: dead letter 888888 does not exist',
    });
    expect(await itemsOf('dead_letter_id', kept)).toBe(0);

    await insertItems(api, request, [kept]);
    expect(await itemsOf('dead_letter_id', kept)).toBe(1);
  });

  it('deletes the items of a deleted dead letter or request, and empties the ledger when the requests are truncated', async () => {
    const api = await connect();
    const [first, second] = [await newRequest(), await newRequest()];
    const [gone, stays, elsewhere] = [await newDeadLetter('gone'), await newDeadLetter('stays'), await newDeadLetter('elsewhere')];
    await insertItems(api, first, [gone, stays]);
    await insertItems(api, second, [elsewhere]);

    await api.query(`DELETE FROM dead_letter WHERE id = $1`, [gone]);
    expect([await itemsOf('dead_letter_id', gone), await itemsOf('request_id', first)]).toEqual([0, 1]);

    await api.query(`DELETE FROM reprocess_request WHERE id = $1`, [first]);
    expect([await itemsOf('request_id', first), await itemsOf('request_id', second)]).toEqual([0, 1]);

    await db.query(`TRUNCATE reprocess_request`);
    expect(await db.query(`SELECT id FROM reprocess_item`)).toEqual([]);
  });

  it("never moves an item to another request or dead letter, nor changes a dead letter's or request's id", async () => {
    const api = await connect();
    const request = await newRequest();
    const [held, other] = [await newDeadLetter('held'), await newDeadLetter('other')];
    await insertItems(api, request, [held]);

    await expect(api.query(`UPDATE reprocess_item SET dead_letter_id = $1 WHERE dead_letter_id = $2`, [other, held])).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });
    await expect(api.query(`UPDATE reprocess_item SET request_id = $1 WHERE dead_letter_id = $2`, [await newRequest(), held])).rejects.toMatchObject({
      code: FOREIGN_KEY_VIOLATION,
    });
    await expect(api.query(`UPDATE dead_letter SET id = id + 1000000 WHERE id = $1`, [held])).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });
    await expect(api.query(`UPDATE reprocess_request SET id = id + 1000000 WHERE id = $1`, [request])).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });
    // Updating other columns is what the ledger does all day.
    await api.query(`UPDATE reprocess_item SET state = 'dispatched' WHERE dead_letter_id = $1`, [held]);
    expect(await itemsOf('dead_letter_id', held)).toBe(1);
  });

  it('a delete that comes while a snapshot is open waits for it, then deletes what it took', async () => {
    const [snapshot, deleter] = [await connect(), await connect()];
    const request = await newRequest();
    const taken = await newDeadLetter('taken-while-deleted');

    await snapshot.query('BEGIN');
    await insertItems(snapshot, request, [taken]);
    const deleted = deleter.query(`DELETE FROM dead_letter WHERE id = $1`, [taken]);
    await eventually(() => waitingForLock(deleter), Boolean, 'the delete to wait for the snapshot');
    await snapshot.query('COMMIT');
    await deleted;

    expect(await itemsOf('dead_letter_id', taken)).toBe(0);
  });

  it('a snapshot that comes while a delete is open waits for it, then finds the dead letter gone', async () => {
    const [snapshot, deleter] = [await connect(), await connect()];
    const request = await newRequest();
    const gone = await newDeadLetter('deleted-while-taken');

    await deleter.query('BEGIN');
    await deleter.query(`DELETE FROM dead_letter WHERE id = $1`, [gone]);
    const inserted = insertItems(snapshot, request, [gone]);
    const refused = expect(inserted).rejects.toMatchObject({ code: FOREIGN_KEY_VIOLATION });
    await eventually(() => waitingForLock(snapshot), Boolean, 'the snapshot to wait for the delete');
    await deleter.query('COMMIT');
    await refused;

    expect(await itemsOf('dead_letter_id', gone)).toBe(0);
  });
});
