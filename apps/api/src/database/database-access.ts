import pg from 'pg';
import type { Logger } from 'pino';
import { hasPendingMigrations, migrationsFromNewerVersions, runMigrations } from './data-source.js';
import { StartupError } from './startup-error.js';

const CONNECT_TIMEOUT_SECONDS = 10;

/** How start-up's sentences name the two connections: the settings, or the embedded server's roles. */
export interface ConnectionNames {
  api: string;
  migration: string;
}

export const SETTING_NAMES: ConnectionNames = { api: 'DATABASE_URL', migration: 'DATABASE_MIGRATION_URL' };

export const EMBEDDED_NAMES: ConnectionNames = { api: "the embedded PostgreSQL's api role", migration: "the embedded PostgreSQL's owner role" };

export interface PrepareDatabaseOptions {
  /** What the api runs as: every request and background job. */
  apiUrl: string;
  /** The owner of the tables, that migrations run as; the api's connection when absent. */
  migrationUrl?: string;
  names?: ConnectionNames;
  /** Production refuses an api that could rewrite its own audit trail; elsewhere it is a warning. */
  production: boolean;
  log: Logger;
}

interface Identity {
  role: string;
  superuser: boolean;
  database: string;
  /** The server's system identifier, when this role may read it. */
  cluster: string | null;
}

const README = 'see "Access control and audit" in the README';

/** `user@host:port/database` of a connection string, never its password; undefined when it does not parse. */
export function describeTarget(url: string): { text: string; host: string; port: string; user: string; database: string } | undefined {
  try {
    const parsed = new URL(url);
    const target = { host: parsed.hostname, port: parsed.port === '' ? '5432' : parsed.port, user: parsed.username, database: parsed.pathname.slice(1) };
    return { ...target, text: `${target.user === '' ? '' : `${target.user}@`}${target.host}:${target.port}/${target.database}` };
  } catch {
    return undefined;
  }
}

function redact(text: string, password: string): string {
  // A very short password would match ordinary words; PostgreSQL never quotes one back anyway.
  const forms = [password, safeDecode(password)].filter((form) => form.length >= 4);
  return forms.reduce((redacted, form) => redacted.replaceAll(form, '…'), text);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What went wrong connecting, as the end of a sentence; PostgreSQL's own words only where they hold no secret. */
function connectionProblem(error: unknown, url: string): string {
  const { code, message = '' } = error as { code?: string; message?: string };
  const target = describeTarget(url) ?? { host: 'the server', port: '5432', user: '', database: '', text: '' };
  const at = `${target.host}:${target.port}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing answers at ${at}; is PostgreSQL running there, and are the host and port right?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `the host name ${target.host} does not resolve`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${at} cannot be reached`;
    case '28P01':
      return `the server refused the password of ${target.user === '' ? 'the role' : target.user}`;
    case '28000':
    case '3D000':
      // "role … does not exist", "database … does not exist", "no pg_hba.conf entry for host …"
      return `the server says: ${message}`;
    case '57P03':
      return 'the server is starting up or shutting down; try again in a moment';
    case '53300':
      return 'the server has no connection slots left';
    default:
      if (/timeout/i.test(message)) {
        return `${at} did not answer within ${CONNECT_TIMEOUT_SECONDS} seconds`;
      }
      return redact(message, URL.canParse(url) ? new URL(url).password : '') || 'the connection failed';
  }
}

/** Start-up's sentence for a connection that failed: the setting, where it leads (never its password) and what went wrong. */
export function cannotConnect(error: unknown, url: string, name: string): StartupError {
  const target = describeTarget(url);
  const problem = connectionProblem(error, url);
  // "…are the host and port right?" ends its own sentence.
  return new StartupError(`Roundhouse cannot connect to ${name}${target === undefined ? '' : ` (${target.text})`}: ${problem}${/[.?!]$/.test(problem) ? '' : '.'}`);
}

async function signIn(url: string, name: string): Promise<Identity> {
  const failed = (error: unknown) => cannotConnect(error, url, name);
  let client: pg.Client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_SECONDS * 1000 });
    await client.connect();
  } catch (error) {
    throw failed(error);
  }
  try {
    const { rows } = await client.query<Omit<Identity, 'cluster'>>(
      `SELECT current_user AS role, current_database() AS database, r.rolsuper AS superuser FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const cluster = await client.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()').then(
      (result) => result.rows[0]?.id ?? null,
      () => null,
    );
    const identity = rows[0];
    if (identity === undefined) {
      throw new Error('the server does not know the role it signed in as');
    }
    return { ...identity, cluster };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_SECONDS * 1000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface Posture {
  role: string;
  superuser: boolean;
  createrole: boolean;
  table_owner: string | null;
  owns_table: boolean | null;
  owns_trigger_function: boolean | null;
  may_rewrite: boolean | null;
  may_add_triggers: boolean | null;
  parameter_privileges: boolean;
  unreadable: string[];
}

/**
 * As the api's role: every way it could change or remove an audit entry (or switch the trigger that
 * refuses it off), as phrases; and the tables of `public` it cannot read, which the api needs.
 */
async function inspectApiRole(client: pg.Client): Promise<{ risks: string[]; unreadable: string[] }> {
  const { rows } = await client.query<Posture>(
    `SELECT current_user::text AS role, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
            pg_get_userbyid(c.relowner) AS table_owner,
            pg_has_role(current_user, c.relowner, 'MEMBER') AS owns_table,
            EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND pg_has_role(current_user, p.proowner, 'MEMBER')) AS owns_trigger_function,
            has_any_column_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE') AS may_rewrite,
            has_table_privilege(c.oid, 'TRIGGER') AS may_add_triggers,
            current_setting('server_version_num')::int >= 150000 AS parameter_privileges,
            ARRAY(SELECT t.relname::text FROM pg_class t WHERE t.relnamespace = 'public'::regnamespace AND t.relkind IN ('r', 'p') AND NOT t.relispartition
                   AND NOT has_table_privilege(t.oid, 'SELECT') ORDER BY t.relname) AS unreadable
       FROM pg_roles r LEFT JOIN pg_class c ON c.oid = to_regclass('public.audit_entry')
      WHERE r.rolname = current_user`,
  );
  const posture = rows[0];
  if (posture === undefined) {
    return { risks: [], unreadable: [] };
  }
  if (posture.superuser) {
    return { risks: ['is a superuser'], unreadable: [] };
  }
  if (posture.owns_table === true) {
    // An owner can do all of the rest; saying so is enough.
    return {
      risks: [posture.table_owner === posture.role ? 'owns audit_entry' : `is a member of ${posture.table_owner ?? ''}, which owns audit_entry`],
      unreadable: posture.unreadable,
    };
  }
  // PostgreSQL 15 grants parameters; before it, only a superuser may set session_replication_role.
  const mayDisableTriggers =
    posture.parameter_privileges && (await client.query<{ may: boolean }>(`SELECT has_parameter_privilege('session_replication_role', 'SET') AS may`)).rows[0]?.may === true;
  const risks = [
    posture.createrole ? 'may create and grant roles (CREATEROLE)' : undefined,
    posture.owns_trigger_function === true ? 'owns the function behind the append-only trigger of audit_entry' : undefined,
    posture.may_rewrite === true ? 'may update, delete or truncate audit_entry' : undefined,
    posture.may_add_triggers === true ? 'may add triggers to audit_entry' : undefined,
    mayDisableTriggers ? 'may set session_replication_role (which switches triggers off)' : undefined,
  ].filter((risk) => risk !== undefined);
  return { risks, unreadable: posture.unreadable };
}

function joinPhrases(phrases: string[]): string {
  return phrases.length <= 1 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}

/** Production's refusal: the sentence, then what to set. */
function refusal(names: ConnectionNames, sentence: string): StartupError {
  return new StartupError(
    `${sentence} In production that is refused: set ${names.api} to a role that may only read and add audit entries, and ${names.migration} to the role that owns the tables (${README}).`,
  );
}

function couldRewrite(names: ConnectionNames, api: Identity, risks: string[]): string {
  return `${names.api} signs in as ${api.role}, which ${joinPhrases(risks)}: the api could rewrite its own audit trail.`;
}

/** Migrations as the owner; as the api's role only when there is no owner's connection, and never so in production. */
async function migrate(options: PrepareDatabaseOptions, names: ConnectionNames, api: Identity, owner: Identity | undefined): Promise<string[]> {
  try {
    if (owner !== undefined) {
      return await runMigrations(options.migrationUrl ?? '', { apiRole: api.role });
    }
    if (options.production && (await withClient(options.apiUrl, hasPendingMigrations))) {
      throw refusal(
        names,
        `The database has migrations to apply and ${names.migration} is not set, so they would run as ${names.api}'s ${api.role}, which would then own the tables.`,
      );
    }
    return await runMigrations(options.apiUrl);
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') {
      throw error;
    }
    const who = owner === undefined ? `${names.api}'s ${api.role}` : `${names.migration}'s ${owner.role}`;
    const hint =
      owner === undefined
        ? `Set ${names.migration} to the role that owns the tables (${README}).`
        : `That role must own the database and its tables and be allowed to act as ${api.role} (GRANT ${api.role} TO ${owner.role}; ${README}).`;
    throw new StartupError(`The database could not be brought up to date as ${who}: ${(error as Error).message}. ${hint}`);
  }
}

/** After migrations: the api's role can read every table, and cannot rewrite the audit trail (refused in production, said loudly elsewhere). */
async function checkApiRole(options: PrepareDatabaseOptions, names: ConnectionNames, api: Identity): Promise<void> {
  const { risks, unreadable } = await withClient(options.apiUrl, inspectApiRole);
  if (unreadable.length > 0) {
    const more = unreadable.length > 3 ? ` and ${unreadable.length - 3} more tables` : '';
    throw new StartupError(
      `${names.api} signs in as ${api.role}, which may not read ${joinPhrases(unreadable.slice(0, 3))}${more}: the role in ${options.migrationUrl === undefined ? names.api : names.migration} must own the tables, so that migrations can grant them (${README}).`,
    );
  }
  if (risks.length === 0) {
    return;
  }
  if (options.production) {
    throw refusal(names, couldRewrite(names, api, risks));
  }
  options.log.warn({ role: api.role, risks }, 'the api could rewrite its own audit trail');
  process.stderr.write(
    `Warning: ${couldRewrite(names, api, risks)} Outside production this is only a warning; set ${names.migration} to the role that owns the tables and ${names.api} to one that may only read and add audit entries (${README}).\n`,
  );
}

/**
 * Start-up's database steps, for the api and the command-line tools alike: sign in with both
 * connections (a wrong one stops start-up with a sentence naming its setting, never its password),
 * apply migrations as the owner, and make sure the api's own role cannot rewrite the audit trail —
 * refused in production, said loudly elsewhere. Returns the migrations applied.
 */
export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<string[]> {
  const names = options.names ?? SETTING_NAMES;
  const api = await signIn(options.apiUrl, names.api);
  const owner = options.migrationUrl === undefined ? undefined : await signIn(options.migrationUrl, names.migration);
  if (owner !== undefined && (owner.database !== api.database || owner.cluster !== api.cluster)) {
    const where = owner.database === api.database ? ' on another server' : '';
    throw new StartupError(`${names.api} and ${names.migration} must lead to the same database, but one reaches ${api.database} and the other ${owner.database}${where}.`);
  }
  if (options.production && api.superuser) {
    throw refusal(names, couldRewrite(names, api, ['is a superuser']));
  }
  const applied = await migrate(options, names, api, owner);
  await checkApiRole(options, names, api);
  await warnOfNewerVersion(options);
  return applied;
}

/**
 * An older version starting on a database a newer one has migrated (a replica restarted during a
 * rolling upgrade, or a rollback) runs on, and says so: tables it reads may have changed under it.
 */
async function warnOfNewerVersion(options: PrepareDatabaseOptions): Promise<void> {
  const newer = await withClient(options.apiUrl, migrationsFromNewerVersions);
  if (newer.length === 0) {
    return;
  }
  options.log.warn({ migrations: newer }, 'a newer version of Roundhouse has migrated this database');
  process.stderr.write(
    `Warning: a newer version of Roundhouse has migrated this database (${joinPhrases(newer)}, which this version does not have). This one runs on, but what those migrations changed may fail here: finish the upgrade, replacing every replica with the new version (see "Upgrades" in the README).\n`,
  );
}
