// Runs one of the api's command-line tools (apps/api/src/cli/<name>.ts) after building the api
// (cached by Nx), with the arguments given after `--`, and exits with its status.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function runApiCommand(name) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', NX_TELEMETRY: 'false' };
  const build = spawnSync('npx', ['nx', 'run', '@roundhouse/api:build', '--outputStyle=static'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    process.exit(build.status ?? 1);
  }
  const run = spawnSync(process.execPath, [resolve(root, `apps/api/dist/cli/${name}.js`), ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
