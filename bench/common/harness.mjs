// What every benchmark in bench/ needs around its measurement: settings from the environment, the
// api built, a database of its own, and cleanup that runs once, on success, failure or Ctrl-C.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A wrong setting: reported as its message alone. */
export class SettingError extends Error {}

export const say = (line) => process.stderr.write(`${line}\n`);

export function intSetting(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingError(`${name} is ${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function flagSetting(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  if (!['true', 'false', '1', '0'].includes(raw)) {
    throw new SettingError(`${name} is ${JSON.stringify(raw)}: expected true or false.`);
  }
  return raw === 'true' || raw === '1';
}

export function buildApi() {
  say('building the api (Nx; cached when nothing changed)…');
  const nxPackage = createRequire(import.meta.url).resolve('nx/package.json');
  const nxBin = join(dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);
  const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
  const build = spawnSync(process.execPath, [nxBin, 'run-many', '-t', 'build', '-p', '@roundhouse/api', '--outputStyle=static'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) {
    throw new Error('building the api failed; see above.');
  }
}

/** Things to undo, last added first, once: on success, on failure and on Ctrl-C (SIGINT or SIGTERM, then exit 130). */
export function cleanupList() {
  const steps = [];
  let done;
  const cleanup = {
    add: (label, step) => steps.push({ label, step }),
    run: () => {
      done ??= (async () => {
        for (const { label, step } of steps.reverse()) {
          await step().catch((error) => say(`cleanup: ${label} failed: ${error.message}`));
        }
      })();
      return done;
    },
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      say(`${signal}: cleaning up…`);
      void cleanup.run().then(() => process.exit(130));
    });
  }
  return cleanup;
}

/** A new database `<prefix>_<random>` on the server of `adminUrl` (a copy of `template` when given: nobody may be connected to it), and how to drop it. */
export async function createDatabase(adminUrl, prefix, { template = null } = {}) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template === null ? '' : ` TEMPLATE ${template}`}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  return { name, url: url.toString(), drop };
}
