import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export interface RoundhouseProcess {
  /** Where it answers, e.g. http://127.0.0.1:43121. */
  url: string;
  /** Its data folder and ports: how `npm run catalog` reaches it and its embedded database. */
  env: Record<string, string>;
  /** Stops it (SIGTERM) and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts Roundhouse as `npm start` does — the built api serving the built console, on an embedded
 * PostgreSQL with the shipped catalog — in a data folder of its own, with `env` added (PORT: a free
 * port unless given).
 */
export async function startRoundhouse(env: Record<string, string>): Promise<RoundhouseProcess> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-e2e-'));
  await chmod(dataDir, 0o755);
  const { DATABASE_URL: _useEmbedded, ...inherited } = process.env;
  const roundhouseEnv = { ROUNDHOUSE_DATA_DIR: dataDir, PORT: String(await freePort()), ROUNDHOUSE_EMBEDDED_PG_PORT: String(await freePort()) };
  const api = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    cwd: root,
    env: { ...inherited, ...roundhouseEnv, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  api.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  api.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => api.on('exit', () => resolve()));
  const stop = async () => {
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
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
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, env: { ...roundhouseEnv, ...(env.PORT === undefined ? {} : { PORT: env.PORT }) }, stop };
}
