import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApi as start, waitForUrl } from './api-process.js';
import { createTestDatabase } from './harness.js';
import { freePort } from './free-port.js';

function postgresRunningIn(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(pidFile);
}

describe('npm start (the api process)', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-start-'));
    await chmod(dataDir, 0o755);
    env = {
      ROUNDHOUSE_DATA_DIR: dataDir,
      PORT: String(await freePort()),
      ROUNDHOUSE_EMBEDDED_PG_PORT: String(await freePort()),
      ROUNDHOUSE_CONSOLE_DIR: '/nonexistent',
    };
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts an embedded PostgreSQL, applies the catalog, prints one URL; a second start is refused in a sentence; SIGTERM leaves nothing running', async () => {
    const first = start(env);
    const url = await waitForUrl(first);
    expect(url).toBe(`http://localhost:${env.PORT}`);
    expect(first.stdout().match(/http:\/\//g)).toHaveLength(1);
    expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ok', database: 'up' });
    expect(postgresRunningIn(dataDir)).toBe(true);

    const second = start(env);
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(/^Roundhouse is already running \(pid \d+\) with its data in .+\. Stop it first/);
    expect(second.stderr()).not.toContain('    at ');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);
    expect(existsSync(path.join(dataDir, 'roundhouse.pid'))).toBe(false);

    // The data stays: a restart finds the initialised cluster and comes up again.
    const again = start(env);
    await waitForUrl(again);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(postgresRunningIn(dataDir)).toBe(false);
  }, 240_000); // two embedded PostgreSQL starts (initdb the first time) on a machine that may be loaded

  it('uses DATABASE_URL when set and starts no embedded PostgreSQL', async () => {
    const db = await createTestDatabase({ migrate: false });
    const otherDir = await mkdtemp(path.join(tmpdir(), 'roundhouse-start-url-'));
    const started = start({ ...env, ROUNDHOUSE_DATA_DIR: otherDir, PORT: String(await freePort()), ...db.env, ROUNDHOUSE_APPLY_CATALOG: 'false' });
    try {
      await waitForUrl(started);
      expect(existsSync(path.join(otherDir, 'postgres'))).toBe(false);
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
      await rm(otherDir, { recursive: true, force: true });
      await db.drop();
    }
  });

  it('stops with a sentence naming the key when a setting is wrong', async () => {
    const started = start({ ...env, PORT: 'eighty' });
    expect(await started.exited).toBe(1);
    expect(started.stderr().trim()).toBe('Invalid configuration. PORT is "eighty": expected a port number (0–65535).');
  });

  it('stops with a sentence when the runtime-variable allow-list names one of Roundhouse’s own settings', async () => {
    const started = start({ ...env, ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: 'RABBITMQ_URL,ROUNDHOUSE_SESSION_SECRET' });
    expect(await started.exited).toBe(1);
    expect(started.stderr().trim()).toBe(
      "Invalid configuration. ROUNDHOUSE_ALLOWED_RUNTIME_VARIABLES: ROUNDHOUSE_SESSION_SECRET is one of Roundhouse's own settings, which catalogs may never name, listed or not: give the runtime a variable of its own (e.g. ROUNDHOUSE_RUNTIME_…) and list that, or none.",
    );
  });
});
