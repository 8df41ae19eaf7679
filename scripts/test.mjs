#!/usr/bin/env node
// `npm test`: runs every check of every project, then sums up the tests.
//
//   0. `npm run format:check` (Prettier: the code is formatted as `npm run format` writes it)
//   1. `nx run-many -t typecheck lint check-generated` (committed generated code matches its source)
//   2. `nx run-many -t test --parallel=1` — every project's test target runs
//      scripts/vitest-project.mjs (the e2e journeys: scripts/playwright-project.mjs), which writes
//      dist/test-results/<project-folder>.json in vitest's JSON report format
//   3. reads those reports and prints, as the last line, `N passed, N failed[, N skipped]`.
//
// Projects are discovered through Nx: a new project with a `test` target is picked up by itself.
// The exit code is non-zero when a typecheck, a lint or a test failed, or when no test ran.
//
// Nx's local cache stays on: an unchanged project replays its output and restores its report.
// Set NX_SKIP_NX_CACHE=true to run everything again (CI starts from a clean clone anyway).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(workspaceRoot, 'dist', 'test-results');
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };

const nxPackage = createRequire(import.meta.url).resolve('nx/package.json');
const nxBin = join(dirname(nxPackage), JSON.parse(readFileSync(nxPackage, 'utf8')).bin.nx);

rmSync(resultsDir, { recursive: true, force: true });

const failedSteps = [];
runFormatCheck();
runNx('typecheck, lint and generated-code checks', ['run-many', '-t', 'typecheck', 'lint', 'check-generated', '--nxBail=false', '--outputStyle=static']);
runNx('tests', ['run-many', '-t', 'test', '--parallel=1', '--nxBail=false', '--outputStyle=static']);

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [''];
for (const report of readReports()) {
  const counts = countReport(report.data);
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${report.name}: ${formatCounts(counts)}`);
  lines.push(...counts.failures.map((failure) => `  ✗ ${failure}`));
}
for (const project of projectsWithoutReport()) {
  totals.failed += 1;
  lines.push(
    `${project.name}: no test report at ${project.report}: its tests did not run (did a task they depend on fail? see above), ` +
      `or its test target does not run "node scripts/vitest-project.mjs ${project.root}" (or playwright-project.mjs) with that file in its outputs`,
  );
}
if (failedSteps.length > 0) {
  lines.push(`failed: ${failedSteps.join(', ')} (see the output above)`);
}
if (totals.passed + totals.failed === 0) {
  lines.push('no test ran');
}
lines.push(formatCounts(totals));
console.log(lines.join('\n'));

process.exitCode = failedSteps.length > 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0;

function runFormatCheck() {
  console.log('\n> npm run format:check\n');
  const run = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'format:check'], { cwd: workspaceRoot, env, stdio: 'inherit' });
  if (run.status !== 0) {
    failedSteps.push('format check (run `npm run format`)');
  }
}

function runNx(step, args) {
  console.log(`\n> nx ${args.join(' ')}\n`);
  const run = spawnSync(process.execPath, [nxBin, ...args], { cwd: workspaceRoot, env, stdio: 'inherit' });
  if (run.status !== 0) {
    failedSteps.push(step);
  }
}

function readReports() {
  if (!existsSync(resultsDir)) {
    return [];
  }
  return readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = basename(file, '.json');
      try {
        return { name, data: JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) };
      } catch (error) {
        return { name, data: { testResults: [{ name: file, status: 'failed', message: `unreadable report: ${error.message}`, assertionResults: [] }] } };
      }
    });
}

/** Counts one vitest JSON report. A file that failed without a failing test (it did not load) counts as one failure. */
function countReport(data) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const file of Array.isArray(data?.testResults) ? data.testResults : []) {
    const tests = Array.isArray(file.assertionResults) ? file.assertionResults : [];
    for (const test of tests) {
      if (test.status === 'passed') {
        counts.passed += 1;
      } else if (test.status === 'failed') {
        counts.failed += 1;
        counts.failures.push(`${displayPath(file.name)} › ${test.fullName ?? test.title}`);
      } else {
        counts.skipped += 1; // skipped, pending, todo, disabled
      }
    }
    if (file.status === 'failed' && !tests.some((test) => test.status === 'failed')) {
      counts.failed += 1;
      counts.failures.push(`${displayPath(file.name)}: ${firstLine(file.message) || 'failed outside its tests (while loading, or in a hook)'}`);
    }
  }
  return counts;
}

/** Projects whose test target ran (or should have) but left no report: their tests would go uncounted. */
function projectsWithoutReport() {
  const tempDir = mkdtempSync(join(tmpdir(), 'roundhouse-graph-'));
  const graphFile = join(tempDir, 'graph.json');
  const run = spawnSync(process.execPath, [nxBin, 'graph', `--file=${graphFile}`], { cwd: workspaceRoot, env, stdio: 'ignore' });
  const graph = run.status === 0 && existsSync(graphFile) ? JSON.parse(readFileSync(graphFile, 'utf8')).graph : undefined;
  rmSync(tempDir, { recursive: true, force: true });
  if (graph === undefined) {
    console.log('warning: could not read the Nx project graph to check that every test target wrote a report');
    return [];
  }
  return Object.values(graph.nodes)
    .filter((node) => node.data.targets?.test !== undefined)
    .map((node) => ({ name: node.name, root: node.data.root, report: join('dist', 'test-results', `${basename(node.data.root)}.json`) }))
    .filter((project) => !existsSync(join(workspaceRoot, project.report)));
}

function formatCounts({ passed, failed, skipped }) {
  return skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`;
}

function displayPath(file) {
  return typeof file === 'string' && file.startsWith(workspaceRoot) ? relative(workspaceRoot, file) : String(file);
}

function firstLine(text) {
  return typeof text === 'string' ? (text.split('\n')[0] ?? '').trim() : '';
}
