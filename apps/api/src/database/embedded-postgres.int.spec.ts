import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../test/free-port.js';
import { runMigrations } from './data-source.js';
import { prepareDatabase } from './database-access.js';
import { credentialsPath, type EmbeddedCredentials } from './embedded-credentials.js';
import { loadEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

const PUBLISHED_PASSWORD = 'roundhouse-embedded';

async function query<T extends pg.QueryResultRow>(connection: string | pg.ClientConfig, sql: string): Promise<T[]> {
  const client = new pg.Client(connection);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Everything logged, at every level, as text. */
function capturedLog() {
  let text = '';
  const log = pino({ level: 'trace' }, new Writable({ write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()) }));
  return { log, text: () => text };
}

describe('the embedded PostgreSQL', () => {
  const folders: string[] = [];
  const servers: EmbeddedDatabase[] = [];
  const newDataDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-embedded-'));
    await chmod(dir, 0o755); // the server may run as the system's postgres user
    folders.push(dir);
    return dir;
  };
  const start = async (dataDir: string, log = pino({ level: 'silent' })) => {
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    servers.push(server);
    return server;
  };
  const credentialsOf = async (dataDir: string) => JSON.parse(await readFile(credentialsPath(dataDir), 'utf8')) as EmbeddedCredentials;
  const portOf = (url: string) => Number(new URL(url).port);

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      await server.stop();
    }
    for (const dir of folders.splice(0)) {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives each data folder its own random passwords, kept owner-only, never logged; the published one signs no one in', async () => {
    const [first, second] = [await newDataDir(), await newDataDir()];
    const logged = capturedLog();
    const server = await start(first, logged.log);
    await start(second);

    for (const dir of [first, second]) {
      expect((await stat(credentialsPath(dir))).mode & 0o777).toBe(0o600);
    }
    const [mine, theirs] = [await credentialsOf(first), await credentialsOf(second)];
    const passwords = [mine, theirs].flatMap((c) => [c.superuser.password, c.owner.password, c.api.password]);
    expect(new Set(passwords).size).toBe(6);
    for (const password of [mine.superuser.password, mine.owner.password, mine.api.password]) {
      expect(logged.text()).not.toContain(password);
    }
    expect(logged.text()).toContain('initialising the embedded PostgreSQL');

    const port = portOf(server.url);
    await expect(query({ host: '127.0.0.1', port, user: 'postgres', password: PUBLISHED_PASSWORD, database: 'postgres' }, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    expect(await query(server.url, `SELECT current_user AS role, rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user`)).toEqual([
      { role: 'roundhouse_api', rolsuper: false, rolcreaterole: false },
    ]);
    expect(
      await query(
        server.migrationUrl,
        `SELECT current_user AS role, rolsuper, (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) AS database_owner FROM pg_roles WHERE rolname = current_user`,
      ),
    ).toEqual([{ role: 'roundhouse_owner', rolsuper: false, database_owner: 'roundhouse_owner' }]);
    // Only SCRAM: the password never crosses the connection in clear.
    expect(await query(server.superuserUrl, `SELECT DISTINCT auth_method FROM pg_hba_file_rules WHERE type = 'host'`)).toEqual([{ auth_method: 'scram-sha-256' }]);
  });

  it('replaces the published password of a data folder made before, keeping its data and handing its tables to the owner', async () => {
    const dataDir = await newDataDir();
    const port = await freePort();
    const legacyUrl = `postgres://postgres:${PUBLISHED_PASSWORD}@127.0.0.1:${port}/roundhouse`;
    // A data folder as earlier versions made it: the published password, everything the superuser's.
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const legacy = new EmbeddedPostgres({
      databaseDir: path.join(dataDir, 'postgres'),
      port,
      user: 'postgres',
      password: PUBLISHED_PASSWORD,
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: () => undefined,
      onError: () => undefined,
    });
    await legacy.initialise();
    await legacy.start();
    try {
      await query(Object.assign(new URL(legacyUrl), { pathname: '/postgres' }).toString(), 'CREATE DATABASE roundhouse');
      await runMigrations(legacyUrl);
      await query(
        legacyUrl,
        `INSERT INTO audit_entry (actor_id, actor_name, action, target_kind, target_id, reason) VALUES ('otto', 'Otto Operator', 'discard.requested', 'reprocess_request', '1', 'kept across the upgrade')`,
      );
    } finally {
      await legacy.stop();
    }

    const logged = capturedLog();
    const server = await startEmbeddedPostgres({ dataDir, port, log: logged.log });
    servers.push(server);

    await expect(query(legacyUrl, 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    expect((await stat(credentialsPath(dataDir))).mode & 0o777).toBe(0o600);
    expect(logged.text()).not.toContain((await credentialsOf(dataDir)).superuser.password);
    const owners = await query<{ schema: string; owner: string }>(
      Object.assign(new URL(server.superuserUrl), { pathname: '/roundhouse' }).toString(),
      `SELECT DISTINCT n.nspname AS schema, pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p', 'S') ORDER BY 1, 2`,
    );
    expect(owners).toEqual([
      { schema: 'pgboss', owner: 'roundhouse_api' },
      { schema: 'public', owner: 'roundhouse_owner' },
    ]);
    expect(await query(server.superuserUrl, `SELECT DISTINCT auth_method FROM pg_hba_file_rules WHERE type = 'host'`)).toEqual([{ auth_method: 'scram-sha-256' }]);

    // Start-up goes on as on any start (and production accepts it): the api's role reads the trail, and cannot rewrite it.
    expect(await prepareDatabase({ apiUrl: server.url, migrationUrl: server.migrationUrl, production: true, log: pino({ level: 'silent' }) })).toEqual([]);
    expect(await query(server.url, `SELECT reason FROM audit_entry`)).toEqual([{ reason: 'kept across the upgrade' }]);
    await expect(query(server.url, `UPDATE audit_entry SET reason = 'rewritten'`)).rejects.toMatchObject({ code: '42501' });
  });
});
