import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROUNDHOUSE_ENV_KEY, type Roundhouse } from './fixtures.js';
import { startRoundhouse } from './support/roundhouse-process.js';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the api and the console when their builds are missing, then starts Roundhouse as
 * `npm start` does, dev sign-in on, for every journey but those that start their own. The
 * returned teardown stops it and removes its data folder.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, 'apps/api/dist/main.js')) || !existsSync(path.join(root, 'apps/console/dist/index.html'))) {
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', '@roundhouse/api', '@roundhouse/console', '--outputStyle=static'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) {
      throw new Error('building the api and the console failed: see the output above');
    }
  }
  const roundhouse = await startRoundhouse({ ROUNDHOUSE_DEV_SIGN_IN: 'true' });
  const shared: Roundhouse = { url: roundhouse.url, env: roundhouse.env };
  process.env[ROUNDHOUSE_ENV_KEY] = JSON.stringify(shared);
  return () => roundhouse.stop();
}
