import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** How `npm run catalog` reaches the running Roundhouse and its embedded database. */
    roundhouseEnv: Record<string, string>;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/**
 * Starts Roundhouse as `npm start` does — the built api serving the built console, on an embedded
 * PostgreSQL with the shipped catalog, dev sign-in on — in a data folder of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-e2e-'));
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const { DATABASE_URL: _useEmbedded, ...env } = process.env;
  const roundhouseEnv = { ROUNDHOUSE_DATA_DIR: dataDir, PORT: String(port), ROUNDHOUSE_EMBEDDED_PG_PORT: String(await freePort()) };
  const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: { ...env, ...roundhouseEnv, ROUNDHOUSE_DEV_SIGN_IN: 'true', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  api.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => api.on('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Roundhouse is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearInterval(timer);
        resolve(match[1]);
      } else if (api.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`Roundhouse did not start:\n${output}`));
      }
    }, 100);
  });
  project.provide('baseUrl', url);
  project.provide('roundhouseEnv', roundhouseEnv);
  return async () => {
    api.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  };
}
