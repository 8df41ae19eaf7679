import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dead letters keep their message as it came: the body's bytes, content type and content encoding
 * (what a reprocess sends back), in place of a JSON payload. Rows stored before keep what they had:
 * a payload an older collector or SDK marked base64 or text becomes the bytes it stood for; a JSON
 * payload becomes its JSON text (PostgreSQL's jsonb keeps numbers exactly, but not key order or
 * spacing), as application/json.
 */
export class KeepDeadLetterBodies1795827600000 implements MigrationInterface {
  name = 'KeepDeadLetterBodies1795827600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dead_letter ADD COLUMN body bytea, ADD COLUMN content_type text, ADD COLUMN content_encoding text`);
    await db.query(`
      UPDATE dead_letter SET
        body = CASE
          WHEN headers ->> 'x-roundhouse-payload-encoding' = 'base64' AND jsonb_typeof(payload) = 'string' THEN decode(payload #>> '{}', 'base64')
          WHEN headers ->> 'x-roundhouse-payload-encoding' = 'text' AND jsonb_typeof(payload) = 'string' THEN convert_to(payload #>> '{}', 'UTF8')
          ELSE convert_to(payload::text, 'UTF8')
        END,
        content_type = CASE
          WHEN headers ->> 'x-roundhouse-payload-encoding' IN ('base64', 'text') AND jsonb_typeof(payload) = 'string' THEN NULL
          ELSE 'application/json'
        END,
        headers = headers - 'x-roundhouse-payload-encoding'`);
    await db.query(`ALTER TABLE dead_letter ALTER COLUMN body SET NOT NULL, DROP COLUMN payload`);
  }

  /** Back to JSON payloads without losing a byte: every body as base64, marked as such (the older code sends those bytes back). */
  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dead_letter ADD COLUMN payload jsonb`);
    await db.query(`UPDATE dead_letter SET payload = to_jsonb(encode(body, 'base64')), headers = headers || '{"x-roundhouse-payload-encoding": "base64"}'::jsonb`);
    await db.query(`ALTER TABLE dead_letter ALTER COLUMN payload SET NOT NULL, DROP COLUMN body, DROP COLUMN content_type, DROP COLUMN content_encoding`);
  }
}
