import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config/app.config.js';
import { withDatabase } from './database-url.js';

export interface TestDatabase {
  /** The api's role (not a superuser, not the tables' owner): what the api runs as, as in production. */
  url: string;
  /** The owner of the tables, that migrations run as. */
  migrationUrl: string;
  /** Both, as the api process reads them. */
  env: { DATABASE_URL: string; DATABASE_MIGRATION_URL: string };
  /** A superuser's connection to this database, for a test's own setup and checks. */
  adminUrl: string;
  /** The names of this run's owner and api roles. */
  roles: { owner: string; api: string };
  /** A query as the superuser, for a test's own setup and checks. */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A new database belonging to this run's owner role: a copy of the run's template, which has every
 * migration applied (as the owner, see global-setup.ts), or with `migrate: false` an empty one.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const admin = inject('adminDatabaseUrl');
  const roles = inject('testRoles');
  const name = `roundhouse_test_${randomBytes(6).toString('hex')}`;
  const template = options.migrate === false ? '' : ` TEMPLATE ${pg.escapeIdentifier(inject('templateDatabase'))}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}${template} OWNER ${pg.escapeIdentifier(roles.owner.name)}`).finally(() => client.end());
  const adminUrl = withDatabase(admin, name);
  const pool = new pg.Pool({ connectionString: adminUrl, max: 2 });
  await pool.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  const url = withDatabase(admin, name, roles.api);
  const migrationUrl = withDatabase(admin, name, roles.owner);
  const drop = async () => {
    await pool.end();
    const dropper = new pg.Client({ connectionString: admin });
    await dropper.connect();
    // Let connections that are closing (the api's pool ends its clients without waiting for their
    // sockets) go by themselves: FORCE would terminate them mid-close, and their client would
    // raise the termination as an unhandled error in whatever test file runs next.
    for (let waited = 0; waited < 3_000; waited += 25) {
      const [row] = (await dropper.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])).rows;
      if (row?.n === 0) {
        break;
      }
      await setTimeout(25);
    }
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return {
    url,
    migrationUrl,
    env: { DATABASE_URL: url, DATABASE_MIGRATION_URL: migrationUrl },
    adminUrl,
    roles: { owner: roles.owner.name, api: roles.api.name },
    query: async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => (await pool.query<T>(sql, params)).rows,
    drop,
  };
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: { path: string; message: string; found?: string; allowed?: string }[] } }[];
}

/** The dev personas (src/auth/personas.ts). */
export type Persona = 'ada' | 'omar' | 'olga' | 'otto' | 'oscar' | 'vera';

export interface TestApi {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  /** Dev sign-in as a persona; returns the session cookie to send. */
  signIn(persona: Persona): Promise<string>;
  /** POST /graphql, with the session cookie and its CSRF token (fetched once per cookie) when a cookie is given. */
  graphql<T>(query: string, variables?: Record<string, unknown>, cookie?: string): Promise<GraphQLResult<T>>;
  /** The CSRF token of a session cookie, as the console reads it from GET /auth/session. */
  csrfToken(cookie: string): Promise<string>;
  close(): Promise<void>;
}

/** The real api (every module, the real database) listening on a free port. */
export async function startTestApi(databaseUrl: string, env: Record<string, string> = {}, log: Logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })): Promise<TestApi> {
  const config = loadConfig({
    NODE_ENV: 'test',
    ROUNDHOUSE_DEV_SIGN_IN: 'true',
    ROUNDHOUSE_CONSOLE_DIR: '/nonexistent',
    ROUNDHOUSE_JOBS: 'false',
    ROUNDHOUSE_COLLECTORS: 'false',
    ...env,
  });
  const app = await createApp(config, databaseUrl, log);
  // A free port, unless the test needs to know it beforehand (env.PORT: a redirect URL registered at an identity provider).
  await app.listen(env.PORT === undefined ? 0 : config.PORT, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const csrfTokens = new Map<string, Promise<string>>();
  const csrfToken = (cookie: string): Promise<string> => {
    const known = csrfTokens.get(cookie);
    if (known !== undefined) {
      return known;
    }
    const token = fetch(`${url}/auth/session`, { headers: { cookie } })
      .then((response) => response.json() as Promise<{ csrfToken: string | null }>)
      .then((session) => session.csrfToken ?? '');
    csrfTokens.set(cookie, token);
    return token;
  };
  return {
    app,
    url,
    config,
    async signIn(persona) {
      const response = await fetch(`${url}/auth/dev-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona }),
      });
      const cookie = response.headers.get('set-cookie');
      if (response.status !== 204 || cookie === null) {
        throw new Error(`dev sign-in as ${persona} failed with ${response.status}`);
      }
      return cookie.split(';')[0] ?? '';
    },
    async graphql<T>(query: string, variables: Record<string, unknown> = {}, cookie?: string) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie, 'x-csrf-token': await csrfToken(cookie) }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    csrfToken,
    close: () => app.close(),
  };
}

/**
 * A fresh database with every migration and the real api on it, for one test file. The returned
 * object is filled in before the file's tests run.
 */
export function useTestApi(env: Record<string, string> = {}, log?: () => Logger): { db: TestDatabase; api: TestApi } {
  const context = {} as { db: TestDatabase; api: TestApi };
  beforeAll(async () => {
    context.db = await createTestDatabase();
    context.api = await startTestApi(context.db.url, env, log?.());
  });
  afterAll(async () => {
    await context.api?.close();
    await context.db?.drop();
  });
  return context;
}
