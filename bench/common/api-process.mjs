// The api as a separate process (apps/api/dist/main.js), so that its memory and CPU are its own and
// can be read from /proc, and the PostgreSQL processes behind a database, for CPU accounting.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { API_NODE_FLAGS } from '../../scripts/api-node-flags.mjs';

const READY = /Roundhouse is running at http:\/\/[^:]+:(\d+)/;
const TAIL_LINES = 40;

/**
 * Starts the api on a free port of 127.0.0.1 and resolves once it says it is running. Its output is
 * read all along (a full pipe would stall it); warnings and errors are counted, the last lines kept.
 */
export function startApi({ entry, cwd, databaseUrl, nodeArgs = [], startTimeoutMs = 180_000 }) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'development',
    ROUNDHOUSE_DEV_SIGN_IN: 'true',
    ROUNDHOUSE_JOBS: 'false',
    ROUNDHOUSE_APPLY_CATALOG: 'true',
    ROUNDHOUSE_CONSOLE_DIR: '/nonexistent',
    LOG_LEVEL: 'warn',
  };
  // Started with the flags every start of the api uses (scripts/api-node-flags.mjs), as in production.
  const child = spawn(process.execPath, [...API_NODE_FLAGS, ...nodeArgs, entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const api = {
    child,
    pid: child.pid,
    tail: [],
    /** Log lines at warn or above (pino levels 40+), and other stderr lines. */
    problems: 0,
    exited: false,
  };
  let partial = { stdout: '', stderr: '' };
  const take = (stream, text) => {
    const lines = (partial[stream] + text).split('\n');
    partial[stream] = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim() !== '')) {
      api.tail.push(line);
      if (api.tail.length > TAIL_LINES) {
        api.tail.shift();
      }
      const level = /"level":(\d+)/.exec(line);
      if (stream === 'stderr' || (level !== null && Number(level[1]) >= 40)) {
        api.problems += 1;
      }
    }
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (text) => take('stdout', text));
  child.stderr.on('data', (text) => take('stderr', text));
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      api.exited = true;
      resolve({ code, signal });
    });
  });
  api.exitedPromise = exited;

  api.ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the api did not say it was running within ${startTimeoutMs / 1000} s. Its last lines:\n${api.tail.join('\n')}`)),
      startTimeoutMs,
    );
    let seen = '';
    const onData = (text) => {
      seen = (seen + text).slice(-4096);
      const match = READY.exec(seen);
      if (match !== null) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        api.problems = 0; // count what happens once it serves, not start-up notices
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the api exited (${signal ?? `code ${code}`}) before it was running. Its last lines:\n${api.tail.join('\n')}`));
    });
  });
  return api;
}

/** Asks the api to shut down (SIGTERM), and kills it after `graceMs`. Resolves once it is gone. */
export async function stopApi(api, graceMs = 15_000) {
  if (api.exited) {
    return;
  }
  api.child.kill('SIGTERM');
  const timer = setTimeout(() => api.child.kill('SIGKILL'), graceMs);
  await api.exitedPromise;
  clearTimeout(timer);
}

/** VmHWM (peak resident set) and VmRSS of a process, in bytes; undefined without /proc. */
export function memoryOf(pid) {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) {
    return undefined;
  }
  const status = readFileSync(file, 'utf8');
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
  return { peak: kib('VmHWM'), current: kib('VmRSS') };
}

/** CPU time (user + system) of a process in seconds, and its command name; undefined when it is gone. */
function cpuOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' '); // fields[0] is field 3 (state)
    return { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 }; // utime, stime in clock ticks (USER_HZ = 100 on Linux)
  } catch {
    return undefined;
  }
}

export function cpuSecondsOf(pid) {
  return cpuOf(pid)?.seconds;
}

/**
 * CPU seconds so far of each PostgreSQL backend serving `database`, by pid. Only when PostgreSQL runs
 * on this machine (the pids are ours to read); an empty map otherwise.
 */
export async function backendCpu(client, database) {
  const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  const cpu = new Map();
  for (const { pid } of rows) {
    const stat = cpuOf(pid);
    if (stat !== undefined && stat.name.startsWith('postgres')) {
      cpu.set(pid, stat.seconds);
    }
  }
  return cpu;
}

/** CPU seconds the backends spent between two `backendCpu` readings (a backend born in between counts from 0). */
export function backendCpuBetween(before, after) {
  let seconds = 0;
  for (const [pid, end] of after) {
    seconds += end - (before.get(pid) ?? 0);
  }
  return after.size === 0 ? undefined : seconds;
}

/** Busy CPU seconds of the whole machine so far (all CPUs; idle, iowait and steal excluded); undefined without /proc. */
export function machineBusySeconds() {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system] = ticks;
    const [irq, softirq] = ticks.slice(5);
    return (user + nice + system + irq + softirq) / 100; // USER_HZ ticks; guest time is inside user
  } catch {
    return undefined;
  }
}
