import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/harness.js';
import { dataSourceOptions, runMigrations } from '../database/data-source.js';
import { KeepDeadLetterBodies1795827600000 } from '../database/migrations/1795827600000-KeepDeadLetterBodies.js';
import { undoMigrationsThrough } from '../../test/undo-migrations.js';

describe(KeepDeadLetterBodies1795827600000.name, () => {
  it('turns every stored payload into the bytes it stood for, and goes back without losing a byte', async () => {
    const db = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(db.migrationUrl));
    try {
      await dataSource.initialize();
      await undoMigrationsThrough(dataSource, KeepDeadLetterBodies1795827600000);
      const binary = Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff]);
      const row = (messageId: string, payload: unknown, headers: Record<string, string>) =>
        db.query(
          `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, payload, headers)
           VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', $1, 'fp', 'E', 'm', 1, now(), now(), $2::jsonb, $3::jsonb)`,
          [messageId, JSON.stringify(payload), JSON.stringify(headers)],
        );
      // Stored by older collectors and SDKs: bytes as base64, text as a string, JSON as JSON (jsonb kept its numbers exactly).
      await row('bytes', binary.toString('base64'), { 'x-roundhouse-payload-encoding': 'base64', 'x-tenant': 'acme' });
      await row('text', 'Grüße;10,50', { 'x-roundhouse-payload-encoding': 'text' });
      await db.query(
        `INSERT INTO dead_letter (automation_slug, source_kind, source_queue, message_id, fingerprint, error_class, error_message, attempts, first_failed_at, last_failed_at, payload)
         VALUES ('invoice-generation', 'rabbitmq', 'q.dlq', 'json', 'fp', 'E', 'm', 1, now(), now(), '{"ledgerId": 9007199254740993, "amount": 10.50}'::jsonb)`,
      );

      await runMigrations(db.migrationUrl, { apiRole: db.roles.api });
      const after = await db.query<{ message_id: string; body: Buffer; content_type: string | null; headers: Record<string, string> }>(
        `SELECT message_id, body, content_type, headers FROM dead_letter ORDER BY message_id`,
      );
      expect(after.map((r) => [r.message_id, r.content_type, r.headers])).toEqual([
        ['bytes', null, { 'x-tenant': 'acme' }],
        ['json', 'application/json', {}],
        ['text', null, {}],
      ]);
      expect(after[0]?.body.equals(binary)).toBe(true);
      expect(after[1]?.body.toString('utf8')).toBe('{"amount": 10.50, "ledgerId": 9007199254740993}');
      expect(after[2]?.body.toString('utf8')).toBe('Grüße;10,50');

      // Down: every body as base64, marked so, which the older code sends back as those bytes.
      await undoMigrationsThrough(dataSource, KeepDeadLetterBodies1795827600000);
      const back = await db.query<{ message_id: string; payload: string; headers: Record<string, string> }>(
        `SELECT message_id, payload, headers FROM dead_letter ORDER BY message_id`,
      );
      expect(Buffer.from(back[0]?.payload ?? '', 'base64').equals(binary)).toBe(true);
      expect(Buffer.from(back[2]?.payload ?? '', 'base64').toString('utf8')).toBe('Grüße;10,50');
      expect(back.every((r) => r.headers['x-roundhouse-payload-encoding'] === 'base64')).toBe(true);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });
});
