import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { ensureRoles, randomPassword, type DatabaseRoles } from '../src/database/database-roles.js';
import { runMigrations } from '../src/database/data-source.js';
import { eventually } from './eventually.js';
import { freePort } from './free-port.js';

const run = promisify(execFile);

/** Debian's PostgreSQL binaries, the newest installed (CI has postgresql-15); PG_BIN overrides. */
export const PG_BIN =
  process.env.PG_BIN ??
  path.join(
    '/usr/lib/postgresql',
    (existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : []).filter((version) => /^\d+$/.test(version)).sort((a, b) => Number(b) - Number(a))[0] ?? '15',
    'bin',
  );

/** PostgreSQL refuses to run as root: as root, the test's clusters are the postgres user's. */
const asRoot = process.getuid?.() === 0;

export async function pgTool(tool: string, args: readonly string[]): Promise<string> {
  const command = asRoot ? 'runuser' : path.join(PG_BIN, tool);
  const argv = asRoot ? ['-u', 'postgres', '--', path.join(PG_BIN, tool), ...args] : [...args];
  const { stdout } = await run(command, argv, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

export async function ownedFolder(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(group.trim()));
  }
  return dir;
}

interface Cluster {
  dataDir: string;
  port: number;
  /** The superuser (trust, loopback only): the test's own setup and checks. */
  superuserUrl(database?: string): string;
}

async function startCluster(dataDir: string, port: number): Promise<void> {
  await pgTool('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-o', `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`]);
}

/**
 * A primary PostgreSQL cluster made for the test (initdb in a temporary folder, a free port) with a
 * migrated Roundhouse database, and a streaming replica of it made from its base backup
 * (pg_basebackup -R) on another free port. The machine's own PostgreSQL is never touched.
 */
export interface StreamingReplica {
  primary: Cluster;
  replica: Cluster;
  roles: DatabaseRoles;
  /** The api's role on the primary, and on the replica (the same role: the replica is a copy). */
  apiUrl: string;
  replicaApiUrl: string;
  /** A query as the superuser on the primary or the replica. */
  onPrimary<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  onReplica<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Until the replica has replayed everything the primary has written. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

const DATABASE = 'roundhouse';

function clusterAt(dataDir: string, port: number): Cluster {
  return { dataDir, port, superuserUrl: (database = DATABASE) => `postgres://postgres@127.0.0.1:${port}/${database}` };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function startStreamingReplica(): Promise<StreamingReplica> {
  const folder = await ownedFolder('roundhouse-replica-test-');
  const primary = clusterAt(path.join(folder, 'primary'), await freePort());
  const replica = clusterAt(path.join(folder, 'replica'), await freePort());
  const started: Cluster[] = [];
  const stop = async () => {
    for (const cluster of started.reverse()) {
      await pgTool('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', cluster.dataDir]).catch(() => undefined);
    }
    await rm(folder, { recursive: true, force: true });
  };
  try {
    await pgTool('initdb', ['-D', primary.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    // Replication from loopback is in initdb's pg_hba.conf; a standby's own settings come with its base backup.
    await writeFile(path.join(primary.dataDir, 'postgresql.auto.conf'), 'wal_level = replica\nmax_wal_senders = 4\nfsync = off\n');
    await startCluster(primary.dataDir, primary.port);
    started.push(primary);

    const roles: DatabaseRoles = { owner: { name: 'roundhouse_owner', password: randomPassword() }, api: { name: 'roundhouse_api', password: randomPassword() } };
    const admin = new pg.Client({ connectionString: primary.superuserUrl('postgres') });
    await admin.connect();
    try {
      await ensureRoles(admin, roles);
      await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${roles.owner.name}`);
    } finally {
      await admin.end();
    }
    await query(primary.superuserUrl(), 'REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    const roleUrl = (role: { name: string; password: string }, port: number) => `postgres://${role.name}:${encodeURIComponent(role.password)}@127.0.0.1:${port}/${DATABASE}`;
    await runMigrations(roleUrl(roles.owner, primary.port), { apiRole: roles.api.name });

    // A fast checkpoint: the default spreads it over minutes.
    await pgTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replica.dataDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync']);
    await startCluster(replica.dataDir, replica.port);
    started.push(replica);

    const onPrimary = <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => query<T>(primary.superuserUrl(), sql, params);
    const onReplica = <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => query<T>(replica.superuserUrl(), sql, params);
    const caughtUp = async () => {
      const [position] = await onPrimary<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      await eventually(
        async () => (await onReplica<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [position?.lsn]))[0]?.done,
        (done) => done === true,
        'the replica to replay what the primary wrote',
      );
    };
    const [streaming] = await eventually(
      () => onPrimary<{ state: string }>(`SELECT state FROM pg_stat_replication`),
      (rows) => rows[0]?.state === 'streaming',
      'the replica to stream from the primary',
    );
    if (streaming === undefined) {
      throw new Error('the replica does not stream');
    }
    return {
      primary,
      replica,
      roles,
      apiUrl: roleUrl(roles.api, primary.port),
      replicaApiUrl: roleUrl(roles.api, replica.port),
      onPrimary,
      onReplica,
      caughtUp,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
