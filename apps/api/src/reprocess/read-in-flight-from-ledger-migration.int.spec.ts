import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { undoMigrationsThrough } from '../../test/undo-migrations.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { ReadInFlightFromLedger1796080000000 } from '../database/migrations/1796080000000-ReadInFlightFromLedger.js';
import { DEAD_LETTER_STATUS } from '../dead-letters/dead-letter-query.js';

describe(ReadInFlightFromLedger1796080000000.name, () => {
  it('keeps what dead letters stored reprocessing read, from the ledger, makes time-ordered reprocess ids, and goes back', async () => {
    const db = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
    const statuses = async () =>
      (
        await db.query<{ message_id: string; stored: string; read: string }>(
          `SELECT d.message_id, d.status AS stored, ${DEAD_LETTER_STATUS} AS read FROM dead_letter d ORDER BY d.message_id`,
        )
      ).map((r) => [r.message_id, r.stored, r.read]);
    try {
      await dataSource.initialize();
      await undoMigrationsThrough(dataSource, ReadInFlightFromLedger1796080000000);
      const [request] = await db.query<{ id: string }>(
        `INSERT INTO reprocess_request (action, requested_by, requested_by_name, reason, selection, automations, velocity, total, requested_automations)
         VALUES ('reprocess', 'otto', 'Otto', 'NetSuite is back', '{}', ARRAY['invoice-generation'], 100, 3, '{}') RETURNING id::text AS id`,
      );
      // Before: the snapshot stored reprocessing; queued (not sent), acknowledged (sent), and one no item holds any more.
      for (const [messageId, state] of [
        ['a-queued', 'queued'],
        ['b-acknowledged', 'acknowledged'],
        ['c-sent-long-ago', null],
      ] as const) {
        const [row] = await db.query<{ id: string }>(
          `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, body, status)
           VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', $1, 'fp', 'TimeoutError', 'no answer', 1, now(), now(), '\\x7b7d'::bytea, 'reprocessing') RETURNING id::text AS id`,
          [messageId],
        );
        if (state !== null) {
          await db.query(`INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route, state) VALUES ($1, $2, 'invoice-generation', 'rabbitmq', $3)`, [
            request?.id,
            row?.id,
            state,
          ]);
        }
      }

      await runMigrations(db.migrationUrl, { apiRole: db.roles.api });
      expect(await statuses()).toEqual([
        ['a-queued', 'pending', 'reprocessing'],
        ['b-acknowledged', 'pending', 'reprocessed'],
        ['c-sent-long-ago', 'reprocessed', 'reprocessed'],
      ]);
      const [item] = await db.query<{ reprocess_id: string }>(
        `INSERT INTO reprocess_item (request_id, dead_letter_id, automation_slug, route, state)
         SELECT $1, id, 'invoice-generation', 'rabbitmq', 'succeeded' FROM dead_letter WHERE message_id = 'c-sent-long-ago' RETURNING reprocess_id::text`,
        [request?.id],
      );
      // Version 7: the first 48 bits are the time in milliseconds.
      expect(item?.reprocess_id).toMatch(/^[\da-f]{8}-[\da-f]{4}-7[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/);
      expect(Math.abs(Number.parseInt(item?.reprocess_id.replace('-', '').slice(0, 12) ?? '0', 16) - Date.now())).toBeLessThan(60_000);

      await undoMigrationsThrough(dataSource, ReadInFlightFromLedger1796080000000);
      expect((await statuses()).map(([messageId, stored]) => [messageId, stored])).toEqual([
        ['a-queued', 'reprocessing'],
        ['b-acknowledged', 'reprocessing'],
        ['c-sent-long-ago', 'reprocessed'],
      ]);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
