import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.js';
import { launchApi, waitForUrl } from './api-process.js';
import { freePort } from './free-port.js';
import { createTestDatabase, type TestDatabase } from './harness.js';

const PASSWORD = 'hunter2-not-this-one';

function withUrl(url: string, change: Partial<Pick<URL, 'username' | 'password' | 'hostname' | 'port' | 'pathname'>>): string {
  return Object.assign(new URL(url), change).toString();
}

/** What every api process here is started with: the least that start-up needs. */
const quiet = {
  ROUNDHOUSE_APPLY_CATALOG: 'false',
  ROUNDHOUSE_APPLY_DASHBOARDS: 'false',
  ROUNDHOUSE_JOBS: 'false',
  ROUNDHOUSE_COLLECTORS: 'false',
  ROUNDHOUSE_CONSOLE_DIR: '/nonexistent',
};
const production = { NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: 'a'.repeat(40), ROUNDHOUSE_DEV_SIGN_IN: 'false' };

/** Starts the api, expects it to stop on its own, and returns what it printed on stderr. */
async function refusal(env: Record<string, string>): Promise<string> {
  const started = launchApi({ ...quiet, PORT: String(await freePort()), ...env });
  expect(await started.exited).toBe(1);
  return started.stderr();
}

describe('start-up with a DATABASE_URL that does not work', () => {
  let db: TestDatabase;
  let passwordChecking: EmbeddedDatabase;
  let dataDir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // A server that checks passwords (the shared test server may trust every local connection).
    dataDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-url-'));
    await chmod(dataDir, 0o755);
    passwordChecking = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await passwordChecking?.stop();
    await rm(dataDir, { recursive: true, force: true });
    await db?.drop();
  });

  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'nothing listens at its port',
      async () => `postgres://roundhouse_api:${PASSWORD}@127.0.0.1:${await freePort()}/roundhouse`,
      /: nothing answers at 127\.0\.0\.1:\d+; is PostgreSQL running there, and are the host and port right\?$/,
    ],
    ['its host does not resolve', () => Promise.resolve(`postgres://roundhouse_api:${PASSWORD}@db.invalid:5432/roundhouse`), /: the host name db\.invalid does not resolve\.$/],
    ['its password is wrong', () => Promise.resolve(withUrl(passwordChecking.url, { password: PASSWORD })), /: the server refused the password of roundhouse_api\.$/],
    [
      'it is the superuser with the password published before',
      () => Promise.resolve(withUrl(passwordChecking.superuserUrl, { password: 'roundhouse-embedded' })),
      /: the server refused the password of postgres\.$/,
    ],
    [
      'its database does not exist',
      () => Promise.resolve(withUrl(db.url, { pathname: '/roundhouse_nowhere' })),
      /: the server says: database "roundhouse_nowhere" does not exist\.$/,
    ],
    [
      'a file it names does not exist',
      () => Promise.resolve(`${withUrl(db.url, { password: PASSWORD })}?sslrootcert=/nonexistent/ca.pem`),
      /: ENOENT: no such file or directory, open '\/nonexistent\/ca\.pem'\.$/,
    ],
  ];

  it('refuses a DATABASE_REPLICA_URL that leads to another database or another cluster, in one sentence without its password', async () => {
    const otherDatabase = await refusal({ DATABASE_URL: db.url, DATABASE_REPLICA_URL: withUrl(db.url, { pathname: '/postgres', password: PASSWORD }) });
    expect(otherDatabase.trim().split('\n').at(-1)).toMatch(
      /^DATABASE_REPLICA_URL \(\S+@127\.0\.0\.1:\d+\/postgres\) is not a copy of DATABASE_URL's database: it leads to another database \("postgres", the primary's is "\w+"\)\. /,
    );
    expect(otherDatabase).not.toContain(PASSWORD);

    const otherCluster = await refusal({ DATABASE_URL: db.url, DATABASE_REPLICA_URL: passwordChecking.superuserUrl });
    expect(otherCluster.trim()).toMatch(/is not a copy of DATABASE_URL's database: it leads to another PostgreSQL cluster \(system identifier \d+, the primary's is \d+\)\. /);
  });

  it.each(cases)('stops with one sentence naming DATABASE_URL, without its password, when %s', async (_case, url, reason) => {
    const stderr = await refusal({ DATABASE_URL: await url() });
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^Roundhouse cannot connect to DATABASE_URL \(\S+@[^:\s]+:\d+\/\w+\): /);
    expect(stderr.trim()).toMatch(reason);
    expect(stderr).not.toContain(PASSWORD);
    expect(stderr).not.toContain('roundhouse-embedded');
    expect(stderr).not.toContain('    at ');
  });

  it('stops with one sentence naming DATABASE_URL, without its password, when it is not a URL', async () => {
    const stderr = await refusal({ DATABASE_URL: `postgres://roundhouse_api:${PASSWORD}@[::1/roundhouse` });
    expect(stderr).toBe('Invalid configuration. DATABASE_URL is (hidden): expected a postgres:// URL.\n');
  });

  it('names DATABASE_MIGRATION_URL when that is the one that does not work', async () => {
    const stderr = await refusal({ DATABASE_URL: db.url, DATABASE_MIGRATION_URL: withUrl(passwordChecking.migrationUrl, { password: PASSWORD }) });
    expect(stderr.trim()).toMatch(
      /^Roundhouse cannot connect to DATABASE_MIGRATION_URL \(roundhouse_owner@127\.0\.0\.1:\d+\/roundhouse\): the server refused the password of roundhouse_owner\.$/,
    );
    expect(stderr).not.toContain(PASSWORD);
  });
});

describe('start-up with a DATABASE_URL that could rewrite the audit trail', () => {
  let db: TestDatabase;
  let fresh: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    fresh = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await db?.drop();
    await fresh?.drop();
  });

  const advice =
    'In production that is refused: set DATABASE_URL to a role that may only read and add audit entries, and DATABASE_MIGRATION_URL to the role that owns the tables (see "Access control and audit" in the README).';

  it('refuses a superuser in production, in a sentence naming both settings', async () => {
    const superuser = new URL(db.adminUrl).username;
    const stderr = await refusal({ ...production, DATABASE_URL: db.adminUrl });
    expect(stderr.trim()).toBe(`DATABASE_URL signs in as ${superuser}, which is a superuser: the api could rewrite its own audit trail. ${advice}`);
  });

  it('refuses the owner of audit_entry in production', async () => {
    const stderr = await refusal({ ...production, DATABASE_URL: db.migrationUrl });
    expect(stderr.trim()).toBe(`DATABASE_URL signs in as ${db.roles.owner}, which owns audit_entry: the api could rewrite its own audit trail. ${advice}`);
  });

  it('refuses, in production, to apply migrations as the api role (it would own the tables)', async () => {
    const stderr = await refusal({ ...production, DATABASE_URL: fresh.url });
    expect(stderr.trim()).toBe(
      `The database has migrations to apply and DATABASE_MIGRATION_URL is not set, so they would run as DATABASE_URL's ${fresh.roles.api}, which would then own the tables. ${advice}`,
    );
    expect(await fresh.query(`SELECT to_regclass('public.audit_entry') AS audit`)).toEqual([{ audit: null }]);
  });

  it('says why the api role cannot migrate a new database by itself, and what to set', async () => {
    const stderr = await refusal({ DATABASE_URL: fresh.url });
    expect(stderr.trim()).toMatch(
      new RegExp(
        `^The database could not be brought up to date as DATABASE_URL's ${fresh.roles.api}: permission denied for schema public\\. Set DATABASE_MIGRATION_URL to the role that owns the tables \\(see "Access control and audit" in the README\\)\\.$`,
      ),
    );
  });

  it('starts outside production with the owner, warning loudly', async () => {
    const started = launchApi({ ...quiet, PORT: String(await freePort()), DATABASE_URL: db.migrationUrl });
    try {
      await waitForUrl(started);
      expect(started.stderr()).toContain(
        `Warning: DATABASE_URL signs in as ${db.roles.owner}, which owns audit_entry: the api could rewrite its own audit trail. Outside production this is only a warning;`,
      );
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
    }
  });

  it('starts in production with the api role and the owner for migrations, and says nothing of it', async () => {
    const started = launchApi({ ...quiet, ...production, PORT: String(await freePort()), ...fresh.env });
    try {
      const url = await waitForUrl(started);
      expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ok', database: 'up' });
      expect(started.stderr()).not.toContain('audit trail');
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
    }
  });
});
