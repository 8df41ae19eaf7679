import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import pg from 'pg';

/** A role that signs in with a password. */
export interface RoleCredentials {
  name: string;
  password: string;
}

/**
 * The two roles Roundhouse runs as: the owner of every table (migrations run as it) and the api's
 * role, which may read and write the tables the api needs but only read and add audit entries.
 */
export interface DatabaseRoles {
  owner: RoleCredentials;
  api: RoleCredentials;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

/** A fresh password: 32 URL-safe characters from the system's cryptographic random source. */
export function randomPassword(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The SCRAM-SHA-256 verifier PostgreSQL keeps for a password (RFC 7677, as `pg_authid` stores it):
 * handed to `ALTER ROLE … PASSWORD`, the password itself never travels in SQL, so it cannot reach
 * the server's log. Our passwords are ASCII, which SASLprep leaves as they are.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * As a superuser: the owner and api roles exist, sign in with these passwords and hold no power
 * beyond their tables (no superuser, no role or database creation, no replication, row security
 * applies). The owner may act as the api role, to hand it the job queue's schema; never the reverse.
 */
export async function ensureRoles(admin: Queryable, roles: DatabaseRoles): Promise<void> {
  for (const role of [roles.owner, roles.api]) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
    const verb = rowCount === 0 ? 'CREATE' : 'ALTER';
    await admin.query(
      `${verb} ROLE ${pg.escapeIdentifier(role.name)} WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${pg.escapeLiteral(scramVerifier(role.password))}`,
    );
  }
  await admin.query(`REVOKE ${pg.escapeIdentifier(roles.owner.name)} FROM ${pg.escapeIdentifier(roles.api.name)}`);
  await admin.query(`GRANT ${pg.escapeIdentifier(roles.api.name)} TO ${pg.escapeIdentifier(roles.owner.name)}`);
}

/**
 * As a superuser, connected to the database: it belongs to the owner role, and no one else may
 * create objects in its `public` schema (PostgreSQL 14 and older let everyone).
 */
export async function ensureDatabaseOwner(admin: Queryable, database: string, owner: string): Promise<void> {
  await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} OWNER TO ${pg.escapeIdentifier(owner)}`);
  await admin.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
}

/**
 * Gives every object of `schema` that `from` owns (tables with their indexes and sequences, views,
 * standalone sequences and types, functions and aggregates) to `to`. Only `ALTER … OWNER TO`
 * statements: nothing of the schema's own code runs.
 */
export async function handOverSchema(db: Queryable, schema: string, from: string, to: string): Promise<number> {
  const { rows } = await db.query<{ statement: string }>(
    `WITH target AS (SELECT (SELECT oid FROM pg_namespace WHERE nspname = $1) AS schema, (SELECT oid FROM pg_roles WHERE rolname = $2) AS owner)
     SELECT format('ALTER %s %s OWNER TO %I', kind, name, $3::text) AS statement FROM (
       SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
              c.oid::regclass::text AS name, c.relowner AS owner
         FROM pg_class c
        WHERE c.relnamespace = (SELECT schema FROM target) AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          -- a sequence that belongs to a column goes with its table
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
       UNION ALL
       SELECT 'TYPE', t.oid::regtype::text, t.typowner
         FROM pg_type t LEFT JOIN pg_class r ON r.oid = t.typrelid
        WHERE t.typnamespace = (SELECT schema FROM target) AND t.typtype IN ('e', 'd', 'r', 'c') AND (t.typrelid = 0 OR r.relkind = 'c')
       UNION ALL
       SELECT 'ROUTINE', p.oid::regprocedure::text, p.proowner FROM pg_proc p WHERE p.pronamespace = (SELECT schema FROM target)
     ) AS object
     WHERE owner = (SELECT owner FROM target)`,
    [schema, from, to],
  );
  // The schema first: an object's new owner must be allowed to create in its schema.
  const schemaOwned = await db.query(`SELECT 1 FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE n.nspname = $1 AND r.rolname = $2`, [schema, from]);
  if (schemaOwned.rowCount !== 0 && schema !== 'public') {
    await db.query(`ALTER SCHEMA ${pg.escapeIdentifier(schema)} OWNER TO ${pg.escapeIdentifier(to)}`);
  }
  for (const { statement } of rows) {
    await db.query(statement);
  }
  return rows.length;
}

/**
 * What the api's role may do with each table of `public` that is not read and written like any
 * other: the audit trail is only read and added to (never UPDATE, DELETE, TRUNCATE or TRIGGER), and
 * only migrations change the list of applied migrations.
 */
const API_TABLE_PRIVILEGES: Readonly<Record<string, string>> = {
  audit_entry: 'SELECT, INSERT',
  migrations: 'SELECT',
};

/**
 * The owner's functions the api's role may call (each refuses what the api may not do): making and
 * dropping the day partitions of raw runs, which only a table's owner may do.
 */
const API_ROUTINES: readonly string[] = ['create_day_partition(regclass, date)', 'drop_day_partition(regclass, date)'];

/**
 * As the owner, after migrations: the api's role gets exactly its privileges on every table and
 * sequence of `public` the owner holds, whatever was granted before, and may call the routines made
 * for it (all in one transaction, so the api never sees a table without them). Run after every
 * migration, so a new table reaches the api.
 */
export async function grantApiRole(db: Queryable, apiRole: string): Promise<void> {
  const role = pg.escapeIdentifier(apiRole);
  const { rows } = await db.query<{ name: string; relname: string; sequence: boolean }>(
    `SELECT c.oid::regclass::text AS name, c.relname, c.relkind = 'S' AS sequence FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_has_role(current_user, c.relowner, 'USAGE')
      ORDER BY c.oid`,
  );
  const statements = rows.flatMap(({ name, relname, sequence }) => {
    const kind = sequence ? 'SEQUENCE' : 'TABLE';
    const privileges = sequence ? 'USAGE, SELECT' : (API_TABLE_PRIVILEGES[relname] ?? 'SELECT, INSERT, UPDATE, DELETE');
    return [`REVOKE ALL ON ${kind} ${name} FROM ${role}`, `GRANT ${privileges} ON ${kind} ${name} TO ${role}`];
  });
  const routines = await db.query<{ routine: string }>(`SELECT to_regprocedure(r)::text AS routine FROM unnest($1::text[]) AS r WHERE to_regprocedure(r) IS NOT NULL`, [
    API_ROUTINES,
  ]);
  statements.push(...routines.rows.map(({ routine }) => `GRANT EXECUTE ON FUNCTION ${routine} TO ${role}`));
  if (statements.length > 0) {
    // One simple query is one transaction: all of it or, on an error, none of it.
    await db.query(statements.join(';\n'));
  }
}
