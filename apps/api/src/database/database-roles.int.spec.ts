import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, useTestApi, type TestDatabase } from '../../test/harness.js';
import { runMigrations } from './data-source.js';

async function asRole<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs the statements in order in one session; rejects with the first error. */
function attempt(url: string, statements: string[]): Promise<void> {
  return asRole(url, async (client) => {
    for (const statement of statements) {
      await client.query(statement);
    }
  });
}

describe("the api's database role cannot change or remove an audit entry", () => {
  let db: TestDatabase;
  let trail: unknown[];
  const snapshot = () => db.query(`SELECT to_jsonb(a) AS entry FROM audit_entry a ORDER BY id`);
  const walls = () =>
    db.query(`SELECT t.tgname, t.tgenabled, p.prosrc LIKE '%RAISE EXCEPTION%' AS refuses, pg_get_userbyid(c.relowner) AS table_owner, c.relname, c.relnamespace::regnamespace::text AS schema, c.relrowsecurity
                FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_class c ON c.oid = t.tgrelid
               WHERE c.relname = 'audit_entry' AND NOT t.tgisinternal ORDER BY t.tgname`);
  let wallsBefore: unknown[];

  beforeAll(async () => {
    db = await createTestDatabase();
    await db.query(
      `INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id, reason) VALUES ('otto', 'Otto Operator', 'discard.requested', 'reprocess_request', '1', 'duplicates of invoices already sent')`,
    );
    trail = await snapshot();
    wallsBefore = await walls();
  });
  afterAll(() => db.drop());

  it('is neither a superuser nor the owner of audit_entry, nor a member of its owner', async () => {
    const [me] = await asRole(
      db.url,
      async (client) =>
        (
          await client.query<Record<string, unknown>>(
            `SELECT current_user AS role, rolsuper, rolcreaterole, pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'audit_entry'::regclass), 'MEMBER') AS owner FROM pg_roles WHERE rolname = current_user`,
          )
        ).rows,
    );
    expect(me).toEqual({ role: db.roles.api, rolsuper: false, rolcreaterole: false, owner: false });
  });

  it('adds and reads entries', async () => {
    await attempt(db.url, [`INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id) VALUES ('omar', 'Omar Owner', 'token.revoked', 'runtime_token', 't1')`]);
    const rows = await asRole(db.url, async (client) => (await client.query<{ actor_id: string }>(`SELECT actor_id FROM audit_entry ORDER BY id`)).rows);
    expect(rows.map((row) => row.actor_id)).toEqual(['otto', 'omar']);
    trail = await snapshot();
  });

  let superuser: string;
  beforeAll(async () => {
    superuser = (await db.query<{ me: string }>('SELECT current_user AS me'))[0]?.me ?? '';
  });

  const tricks: [string, (roles: TestDatabase['roles'] & { superuser: string }) => string[]][] = [
    ['switching triggers off for the session', () => [`SET session_replication_role = replica`, `DELETE FROM audit_entry`]],
    ['switching triggers off through set_config', () => [`SELECT set_config('session_replication_role', 'replica', false)`]],
    ['switching triggers off for its role at every sign-in', (roles) => [`ALTER ROLE ${roles.api} SET session_replication_role = replica`]],
    ['disabling every trigger of the table', () => [`ALTER TABLE audit_entry DISABLE TRIGGER ALL`]],
    ['disabling its user triggers', () => [`ALTER TABLE audit_entry DISABLE TRIGGER USER`]],
    ['making a trigger fire only for replicas', () => [`ALTER TABLE audit_entry ENABLE REPLICA TRIGGER audit_entry_no_update_or_delete`]],
    ['dropping the trigger', () => [`DROP TRIGGER audit_entry_no_update_or_delete ON audit_entry`]],
    [
      'replacing the function behind the trigger',
      () => [`CREATE OR REPLACE FUNCTION public.audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
    ],
    ['dropping the function behind the trigger', () => [`DROP FUNCTION audit_entry_is_append_only() CASCADE`]],
    ['UPDATE', () => [`UPDATE audit_entry SET reason = 'nothing to see here'`]],
    ['DELETE', () => [`DELETE FROM audit_entry`]],
    ['TRUNCATE', () => [`TRUNCATE audit_entry`]],
    [
      'an upsert over an existing entry',
      () => [
        `INSERT INTO audit_entry (id, actor_id, actor_name, action, target_kind, target_id) SELECT id, 'x', 'x', 'x', 'x', 'x' FROM audit_entry ON CONFLICT (id) DO UPDATE SET reason = 'rewritten'`,
      ],
    ],
    ['MERGE', () => [`MERGE INTO audit_entry a USING (SELECT 1) s ON true WHEN MATCHED THEN UPDATE SET reason = 'rewritten'`]],
    ['locking entries to rewrite them', () => [`SELECT * FROM audit_entry FOR UPDATE`]],
    ['dropping the table', () => [`DROP TABLE audit_entry`]],
    ['renaming the table (to put another in its place)', () => [`ALTER TABLE audit_entry RENAME TO audit_entry_old`]],
    ['moving the table to a schema it owns', () => [`ALTER TABLE audit_entry SET SCHEMA pgboss`]],
    ['taking the table over', (roles) => [`ALTER TABLE audit_entry OWNER TO ${roles.api}`]],
    ['a rule that rewrites what is added', () => [`CREATE RULE audit_rewrite AS ON INSERT TO audit_entry DO INSTEAD NOTHING`]],
    [
      'a trigger of its own (with a function in the schema it owns)',
      () => [
        `CREATE FUNCTION pgboss.audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.reason := 'rewritten'; RETURN NEW; END $$`,
        `CREATE TRIGGER audit_rewrite BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION pgboss.audit_rewrite()`,
      ],
    ],
    ['row security that hides entries', () => [`ALTER TABLE audit_entry ENABLE ROW LEVEL SECURITY`]],
    [
      'granting itself the privileges it lacks',
      (roles) => [`GRANT UPDATE, DELETE, TRUNCATE, TRIGGER ON audit_entry TO ${roles.api}`, `UPDATE audit_entry SET reason = 'rewritten'`],
    ],
    ['granting itself the owner role', (roles) => [`GRANT ${roles.owner} TO ${roles.api}`]],
    ['becoming the owner', (roles) => [`SET ROLE ${roles.owner}`]],
    ['becoming a superuser', (roles) => [`SET ROLE ${roles.superuser}`]],
    ['becoming a superuser for the session', (roles) => [`SET SESSION AUTHORIZATION ${roles.superuser}`]],
    ['making itself a superuser', (roles) => [`ALTER ROLE ${roles.api} SUPERUSER`]],
    ['creating a role', () => [`CREATE ROLE audit_accomplice SUPERUSER`]],
    ['taking over what the owner owns', (roles) => [`REASSIGN OWNED BY ${roles.owner} TO ${roles.api}`]],
    ['running a program on the host', () => [`COPY audit_entry TO PROGRAM 'cat > /dev/null'`]],
    ['reading a program into a table', () => [`COPY audit_entry FROM PROGRAM 'echo'`]],
    ['writing a file on the host', () => [`COPY audit_entry TO '/tmp/audit_entry.copy'`]],
    ['creating objects where the owner looks for them', () => [`CREATE FUNCTION public.now_rewritten() RETURNS int LANGUAGE sql AS 'SELECT 1'`]],
    ['creating a schema of its own', () => [`CREATE SCHEMA audit_shadow`]],
  ];

  it.each(tricks)('refuses %s', async (_trick, statements) => {
    await expect(attempt(db.url, statements({ ...db.roles, superuser }))).rejects.toMatchObject({ code: '42501' });
    expect(await snapshot()).toEqual(trail);
  });

  it('leaves every entry, the table, its owner and its triggers as they were after all the tricks', async () => {
    expect(await snapshot()).toEqual(trail);
    expect(await walls()).toEqual(wallsBefore);
    expect(wallsBefore).toEqual([
      expect.objectContaining({ tgname: 'audit_entry_no_truncate', tgenabled: 'O', refuses: true, table_owner: db.roles.owner, schema: 'public', relrowsecurity: false }),
      expect.objectContaining({ tgname: 'audit_entry_no_update_or_delete', tgenabled: 'O', refuses: true, table_owner: db.roles.owner, schema: 'public', relrowsecurity: false }),
      expect.objectContaining({ tgname: 'audit_entry_stamp', tgenabled: 'O', refuses: false, table_owner: db.roles.owner, schema: 'public', relrowsecurity: false }),
    ]);
  });
});

describe('migrations keep the api role to exactly its privileges', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('grants a table a later migration adds, and takes back privileges on audit_entry granted by hand', async () => {
    await attempt(db.migrationUrl, [`CREATE TABLE later_feature (id int PRIMARY KEY)`]);
    await db.query(`GRANT UPDATE, DELETE, TRIGGER ON audit_entry TO ${db.roles.api}`);
    await expect(attempt(db.url, [`INSERT INTO later_feature VALUES (1)`])).rejects.toMatchObject({ code: '42501' });

    expect(await runMigrations(db.migrationUrl, { apiRole: db.roles.api })).toEqual([]);

    await attempt(db.url, [`INSERT INTO later_feature VALUES (1)`, `UPDATE later_feature SET id = 2`, `DELETE FROM later_feature`]);
    const privileges = await asRole(
      db.url,
      async (client) =>
        (
          await client.query<Record<string, boolean>>(
            `SELECT has_table_privilege('audit_entry', 'SELECT') AS "select", has_table_privilege('audit_entry', 'INSERT') AS "insert", has_any_column_privilege('audit_entry', 'UPDATE') AS "update",
              has_table_privilege('audit_entry', 'DELETE') AS "delete", has_table_privilege('audit_entry', 'TRUNCATE') AS "truncate", has_table_privilege('audit_entry', 'TRIGGER') AS "trigger"`,
          )
        ).rows[0],
    );
    expect(privileges).toEqual({ select: true, insert: true, update: false, delete: false, truncate: false, trigger: false });
  });
});

describe('the running api’s database role, for requests and background jobs', () => {
  const t = useTestApi({ ROUNDHOUSE_JOBS: 'true' });

  it('talks to PostgreSQL as the api role, a non-superuser, for requests and background jobs alike', async () => {
    const [me] = await t.api.app.get(DataSource).query<{ role: string; rolsuper: boolean }[]>(`SELECT current_user AS role, rolsuper FROM pg_roles WHERE rolname = current_user`);
    expect(me).toEqual({ role: t.db.roles.api, rolsuper: false });
    const jobs = await t.db.query<{ usename: string }>(`SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pgboss'`);
    expect(jobs).toEqual([{ usename: t.db.roles.api }]);
  });
});
