import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { StoreDeadLetterSearch1796040000000 } from '../database/migrations/1796040000000-StoreDeadLetterSearch.js';
import { undoMigrationsThrough } from '../../test/undo-migrations.js';

describe(StoreDeadLetterSearch1796040000000.name, () => {
  it('makes dead letters stored before it searchable, keeps the search in step with a new error, and goes back', async () => {
    const db = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
    const matching = async (word: string) =>
      (await db.query<{ message_id: string }>(`SELECT message_id FROM dead_letter WHERE search @@ to_tsquery('simple', $1) ORDER BY message_id`, [`${word}:*`])).map(
        (r) => r.message_id,
      );
    try {
      await dataSource.initialize();
      await undoMigrationsThrough(dataSource, StoreDeadLetterSearch1796040000000);
      const insert = (messageId: string, errorClass: string, errorMessage: string) =>
        db.query(
          `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, body)
           VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', $1, 'fp', $2, $3, 1, now(), now(), '\\x7b7d'::bytea)`,
          [messageId, errorClass, errorMessage],
        );
      await insert('old-1', 'AdyenError', 'payout rejected');
      await insert('old-2', 'TimeoutError', 'ledger did not answer');

      await runMigrations(db.migrationUrl, { apiRole: db.roles.api });
      expect(await matching('adyen')).toEqual(['old-1']);
      expect(await matching('ledger')).toEqual(['old-2']);

      // Stored at ingest, and moved with the error; a status change leaves it as it was.
      await insert('new-1', 'ValidationError', 'vatNumber missing');
      await db.query(`UPDATE dead_letter SET error_class = 'AdyenError', error_message = 'account closed' WHERE message_id = 'old-2'`);
      await db.query(`UPDATE dead_letter SET status = 'resolved' WHERE message_id = 'old-1'`);
      expect(await matching('vatnumber')).toEqual(['new-1']);
      expect(await matching('adyen')).toEqual(['old-1', 'old-2']);
      expect(await matching('ledger')).toEqual([]);

      await undoMigrationsThrough(dataSource, StoreDeadLetterSearch1796040000000);
      const columns = await db.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'dead_letter' AND column_name = 'search'`);
      expect(columns).toEqual([]);
      const found = await db.query<{ message_id: string }>(
        `SELECT message_id FROM dead_letter WHERE to_tsvector('simple', error_class || ' ' || error_message) @@ to_tsquery('simple', 'adyen:*') ORDER BY message_id`,
      );
      expect(found.map((r) => r.message_id)).toEqual(['old-1', 'old-2']);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
