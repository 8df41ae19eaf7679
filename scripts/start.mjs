#!/usr/bin/env node
// `npm start`: builds what is needed (Nx caches it) and runs Roundhouse — the api serving the
// console — on the embedded PostgreSQL, or on DATABASE_URL when it is set, with the demo runtime
// reporting beside it (ROUNDHOUSE_DEMO=false turns it off). The demo defaults (dev sign-in on,
// readable log lines) apply unless the environment says otherwise. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_NODE_FLAGS } from './api-node-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_TELEMETRY: 'false',
  ROUNDHOUSE_DEV_SIGN_IN: process.env.NODE_ENV === 'production' ? 'false' : 'true',
  // Readable lines for the person at the terminal; production keeps the api's JSON lines.
  ...(process.env.NODE_ENV === 'production' ? {} : { LOG_FORMAT: 'pretty' }),
  // The demo's NATS automation (catalog/automations/payout-status-sync.yaml) names this variable.
  ...(process.env.NATS_URL === undefined ? {} : { ROUNDHOUSE_RUNTIME_NATS_URL: process.env.NATS_URL }),
  ...process.env,
};
const demo = (env.ROUNDHOUSE_DEMO ?? (env.NODE_ENV === 'production' ? 'false' : 'true')) === 'true';
const projects = ['@roundhouse/api', '@roundhouse/console', ...(demo ? ['@roundhouse/demo-runtime'] : [])];

process.stderr.write('Building Roundhouse (cached after the first time)…\n');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'], {
  cwd: root,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  process.stderr.write('The build failed; see the errors above.\n');
  process.exit(build.status ?? 1);
}

const api = spawn(process.execPath, [...API_NODE_FLAGS, resolve(root, 'apps/api/dist/main.js')], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
let runtime;
api.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const url = /Roundhouse is running at (http:\/\/\S+)/.exec(chunk.toString())?.[1];
  if (url !== undefined && demo && runtime === undefined) {
    runtime = spawn(process.execPath, [resolve(root, 'apps/demo-runtime/dist/main.js')], {
      cwd: root,
      env: { ...env, ROUNDHOUSE_URL: url },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
});
// Both shut themselves down cleanly on these; pass them on and wait for the api.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    runtime?.kill(signal);
    api.kill(signal);
  });
}
api.on('exit', (code, signal) => {
  runtime?.kill('SIGTERM');
  process.exit(code ?? (signal === null ? 1 : 0));
});
