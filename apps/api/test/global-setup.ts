import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { freePort } from './free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/**
 * A real PostgreSQL for the integration tests: the server in DATABASE_URL when set, otherwise an
 * embedded one in a temporary folder. Each test file makes its own database on it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '') {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL);
    return () => Promise.resolve();
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-test-pg-'));
  await chmod(dataDir, 0o755); // the embedded server may run as the postgres user
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: pino({ level: 'silent' }) });
  project.provide('adminDatabaseUrl', database.url);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
