import { randomBytes } from 'node:crypto';
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
    await db.query(
      `INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id, reason) VALUES ('otto', 'Otto Operator', 'discard.requested', 'reprocess_request', '1', 'duplicates of invoices already sent')`,
    );
  });
  afterAll(() => db.drop());

  it('takes new entries from the api', async () => {
    await asRole(db.url, (client) =>
      client.query(`INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id) VALUES ('omar', 'Omar Owner', 'token.revoked', 'runtime_token', 't1')`),
    );
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
    // Roles belong to the whole server, which other test runs share: this one is named for this test alone.
    const probe = `audit_probe_${randomBytes(4).toString('hex')}`;
    await asRole(db.adminUrl, async (client) => {
      try {
        await client.query(`CREATE ROLE ${probe}`);
        await client.query(`GRANT ALL ON audit_entry TO ${probe}`);
        await client.query(`SET ROLE ${probe}`);
        await expect(client.query(`DELETE FROM audit_entry`)).rejects.toThrow('audit_entry is append-only: DELETE is not allowed');
        await client.query(`RESET ROLE`);
      } finally {
        await client.query(`DROP OWNED BY ${probe}`);
        await client.query(`DROP ROLE ${probe}`);
      }
    });
    expect((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry`))[0]?.n).toBe(2);
  });

  describe('an entry the api role inserts with a chosen id or time', () => {
    type Stamp = { id: string; at: Date; actor_id: string };
    const latest = async () => (await db.query<{ id: string }>(`SELECT max(id)::text AS id FROM audit_entry`))[0]?.id ?? '0';

    it.each([
      [
        'a far-off id and a backdated time',
        `INSERT INTO audit_entry (id, at, actor_id, actor_name, action, target_kind, target_id) VALUES (9000000000000000001, '2001-01-01T00:00:00Z', 'mallory', 'Mallory', 'token.revoked', 'runtime_token', 't9') RETURNING id::text, at, actor_id`,
      ],
      [
        'an id below every entry and a time in the future',
        `INSERT INTO audit_entry (id, at, actor_id, actor_name, action, target_kind, target_id) VALUES (-1, 'infinity', 'mallory', 'Mallory', 'token.revoked', 'runtime_token', 't9') RETURNING id::text, at, actor_id`,
      ],
      [
        'the id of an entry already there, skipped on conflict',
        `INSERT INTO audit_entry (id, at, actor_id, actor_name, action, target_kind, target_id) SELECT min(id), '1999-12-31', 'mallory', 'Mallory', 'x', 'x', 'x' FROM audit_entry ON CONFLICT (id) DO NOTHING RETURNING id::text, at, actor_id`,
      ],
      [
        'an explicit DEFAULT-less null id and time',
        `INSERT INTO audit_entry (id, at, actor_id, actor_name, action, target_kind, target_id) VALUES (NULL, NULL, 'mallory', 'Mallory', 'x', 'x', 'x') RETURNING id::text, at, actor_id`,
      ],
    ])('gets the next id and the time of the insert instead, for %s', async (_case, sql) => {
      const before = BigInt(await latest());
      const [{ now }] = (await db.query<{ now: Date }>(`SELECT now() AS now`)) as [{ now: Date }];
      const inserted = await asRole(db.url, async (client) => (await client.query<Stamp>(sql)).rows);
      expect(inserted).toHaveLength(1);
      const [entry] = inserted as [Stamp];
      expect(BigInt(entry.id)).toBeGreaterThan(before);
      expect(entry.at.getTime()).toBeGreaterThanOrEqual(now.getTime() - 1000);
      expect(entry.at.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
      const stored = await db.query<Stamp>(`SELECT id::text, at, actor_id FROM audit_entry WHERE actor_id = 'mallory' AND id = $1`, [entry.id]);
      expect(stored).toEqual([entry]);
      const forged = await db.query(`SELECT id FROM audit_entry WHERE id IN (9000000000000000001, -1) OR at < now() - interval '1 day' OR at > now() + interval '1 day'`);
      expect(forged).toEqual([]);
    });

    it.each([
      ['winding the sequence back', `SELECT setval('audit_entry_id_seq', 1)`],
      ['restarting the sequence', `ALTER SEQUENCE audit_entry_id_seq RESTART WITH 1`],
      ['giving the time column a default of its choosing', `ALTER TABLE audit_entry ALTER COLUMN at SET DEFAULT '2001-01-01'`],
      ['dropping the trigger that stamps entries', `DROP TRIGGER audit_entry_stamp ON audit_entry`],
      ['disabling the trigger that stamps entries', `ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_stamp`],
      ['replacing the function that stamps entries', `CREATE OR REPLACE FUNCTION public.audit_entry_stamp() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
    ])('refuses %s', async (_trick, sql) => {
      await expect(asRole(db.url, (client) => client.query(sql))).rejects.toMatchObject({ code: '42501' });
    });

    it('numbers entries from the sequence in the order they are written, whoever writes them', async () => {
      await asRole(db.url, (client) =>
        client.query(`INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id) VALUES ('amy', 'Amy', 'a', 'x', '1'), ('amy', 'Amy', 'b', 'x', '2')`),
      );
      await asRole(db.migrationUrl, (client) =>
        client.query(`INSERT INTO audit_entry (id, at, actor_id, actor_name, action, target_kind, target_id) VALUES (1, '1970-01-01', 'amy', 'Amy', 'c', 'x', '3')`),
      );
      const rows = await db.query<{ action: string; id: string; at: Date }>(`SELECT action, id::text, at FROM audit_entry WHERE actor_id = 'amy' ORDER BY id`);
      expect(rows.map((row) => row.action)).toEqual(['a', 'b', 'c']);
      expect(rows.every((row, i) => i === 0 || row.at.getTime() >= (rows[i - 1] as { at: Date }).at.getTime())).toBe(true);
      expect(rows.every((row) => Date.now() - row.at.getTime() < 60_000)).toBe(true);
    });
  });
});
