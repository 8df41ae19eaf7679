import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';

async function asRole<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('the audit trail in the database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.query(`INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id, reason) VALUES ('otto', 'Otto Operator', 'discard.requested', 'reprocess_request', '1', 'duplicates of invoices already sent')`);
  });
  afterAll(() => db.drop());

  it('takes new entries from the api', async () => {
    await asRole(db.url, (client) => client.query(`INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id) VALUES ('omar', 'Omar Owner', 'token.revoked', 'runtime_token', 't1')`));
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry`))[0]?.n).toBe(2);
  });

  it.each([
    ['UPDATE', `UPDATE audit_entry SET reason = 'nothing to see here'`],
    ['DELETE', `DELETE FROM audit_entry WHERE actor_id = 'otto'`],
    ['TRUNCATE', `TRUNCATE audit_entry`],
  ])('refuses %s to the role that owns the table (its own privilege is revoked) and, by the trigger, to a superuser', async (operation, sql) => {
    await expect(asRole(db.migrationUrl, (client) => client.query(sql))).rejects.toThrow('permission denied for table audit_entry');
    await expect(db.query(sql)).rejects.toThrow(`audit_entry is append-only: ${operation} is not allowed`);
    const rows = await db.query<{ reason: string | null }>(`SELECT reason FROM audit_entry WHERE actor_id = 'otto'`);
    expect(rows).toEqual([{ reason: 'duplicates of invoices already sent' }]);
  });

  it('refuses an application role even when it was granted every privilege on the table', async () => {
    await asRole(db.adminUrl, async (client) => {
      try {
        await client.query(`DROP ROLE IF EXISTS audit_probe`);
        await client.query(`CREATE ROLE audit_probe`);
        await client.query(`GRANT ALL ON audit_entry TO audit_probe`);
        await client.query(`SET ROLE audit_probe`);
        await expect(client.query(`DELETE FROM audit_entry`)).rejects.toThrow('audit_entry is append-only: DELETE is not allowed');
        await client.query(`RESET ROLE`);
      } finally {
        await client.query(`DROP OWNED BY audit_probe`);
        await client.query(`DROP ROLE audit_probe`);
      }
    });
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry`))[0]?.n).toBe(2);
  });
});
