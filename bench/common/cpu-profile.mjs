// Where the api's CPU went during a bench's timed phases, from the V8 profile `node --cpu-prof` writes
// when the api exits (BENCH_PROFILE=true). Samples are kept only inside the phases' windows, by the
// monotonic clock that V8's profiler and process.hrtime share on Linux (`monotonicUs()`), so
// start-up, loading and shutdown drop out. The profiler samples wall time: under CPU contention, "busy" includes waiting
// for a CPU.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Now on the clock of the profile's samples, in µs: take one at each end of a window. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** The one .cpuprofile in `dir`, parsed. */
export function readProfile(dir) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file === undefined) {
    throw new Error(`no .cpuprofile in ${dir}: did the api exit cleanly?`);
  }
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

/** Where a function's code lives: a package, the api, Node itself, or V8's own categories. */
function homeOf(callFrame) {
  const { url, functionName } = callFrame;
  if (url === '') {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const parts = url.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) {
    return 'node (built-ins)';
  }
  const app = /\/(apps|libs)\/([^/]+)\//.exec(url);
  return app === null ? url : `${app[1]}/${app[2]}`;
}

/** A short form of a script's url: the path inside its package, or inside the repository. */
function whereIn(url) {
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    return url.slice(modules + '/node_modules/'.length);
  }
  const app = /\/((?:apps|libs)\/.*)$/.exec(url);
  return app === null ? url : app[1];
}

/**
 * Self time by package and by function inside `windows` ({ fromUs, toUs }, µs of the monotonic
 * clock). Returns the totals (ms) and the shares, largest first.
 */
export function summarizeProfile(profile, windows) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byHome = new Map();
  const byFunction = new Map();
  let at = profile.startTime;
  let totalUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (!windows.some((w) => at >= w.fromUs && at <= w.toUs)) {
      return;
    }
    const delta = profile.timeDeltas[index + 1] ?? 0; // a sample stands for the time until the next
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined) {
      return;
    }
    if (frame.functionName === '(idle)') {
      idleUs += delta;
      return;
    }
    totalUs += delta;
    const home = homeOf(frame);
    byHome.set(home, (byHome.get(home) ?? 0) + delta);
    const name = `${frame.functionName || '(anonymous)'} ${frame.url === '' ? '' : `${whereIn(frame.url)}:${frame.lineNumber + 1}`}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
  });
  const ranked = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, share: totalUs === 0 ? 0 : us / totalUs }));
  return { busyMs: totalUs / 1000, idleMs: idleUs / 1000, byHome: ranked(byHome), byFunction: ranked(byFunction) };
}

const num = (value, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A summary as lines: its packages and functions by self time, largest first. */
export function profileLines(title, summary, { packages = 12, functions = 25 } = {}) {
  const pct = (share) => `${num(share * 100, 1)}%`.padStart(6);
  return [
    `${title} (self time; the main thread was busy or waiting for a CPU ${num(summary.busyMs)} ms, idle ${num(summary.idleMs)} ms)`,
    '  by package:',
    ...summary.byHome.slice(0, packages).map((h) => `    ${pct(h.share)}  ${h.name}`),
    '  by function:',
    ...summary.byFunction.slice(0, functions).map((f) => `    ${pct(f.share)}  ${f.name}`),
  ];
}
