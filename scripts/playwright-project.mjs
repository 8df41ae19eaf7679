#!/usr/bin/env node
// Runs the e2e journeys: `node scripts/playwright-project.mjs <projectRoot> [extra playwright test args]`.
//
// The e2e project's `test` target calls this, from the repository root. Playwright Test runs with
// the project's playwright.config.ts, prints its list report, and writes its JSON report to
// dist/e2e/playwright-report.json; this script turns that report into the shape of the other
// projects' reports (vitest's JSON report) at dist/test-results/<project-folder-name>.json, which
// `npm test` (scripts/test.mjs) sums up. The exit code is Playwright's, except that it is never 0
// when the report shows a failure or when Playwright wrote no report at all.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [projectRoot, ...extraArgs] = process.argv.slice(2);

if (projectRoot === undefined || projectRoot.startsWith('-')) {
  console.error('usage: node scripts/playwright-project.mjs <projectRoot> [playwright test args], e.g. e2e');
  process.exit(2);
}

const projectDir = resolve(workspaceRoot, projectRoot);
const config = join(projectDir, 'playwright.config.ts');
const name = basename(projectDir);
const report = join(workspaceRoot, 'dist', 'test-results', `${name}.json`);
const playwrightReport = join(workspaceRoot, 'dist', name, 'playwright-report.json');

// Stale reports must never stand in for this run.
rmSync(report, { force: true });
rmSync(playwrightReport, { force: true });
mkdirSync(dirname(report), { recursive: true });

if (!existsSync(config)) {
  console.error(`${projectRoot}: no playwright.config.ts.`);
  writeReport([failedFile(projectDir, `no playwright.config.ts in ${projectRoot}`)]);
  process.exit(1);
}

const playwrightPackage = createRequire(import.meta.url).resolve('@playwright/test/package.json');
const playwrightCli = join(dirname(playwrightPackage), 'cli.js');

const run = spawnSync(process.execPath, [playwrightCli, 'test', '--config', config, '--reporter=list,json', ...extraArgs], {
  cwd: workspaceRoot,
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
  stdio: 'inherit',
});

let exitCode = run.status ?? 1;
if (run.error !== undefined) {
  console.error(`${projectRoot}: could not start Playwright: ${run.error.message}`);
}
const files = existsSync(playwrightReport) ? convert(JSON.parse(readFileSync(playwrightReport, 'utf8'))) : [];
const failed = files.some((file) => file.status === 'failed');
if (!existsSync(playwrightReport) || (exitCode !== 0 && !failed)) {
  // Playwright failed without a failing test in its report (broken config, killed): record one
  // failure so the summary cannot read as green.
  const why = run.signal === null ? `Playwright exited with code ${exitCode}` : `Playwright was killed by ${run.signal}`;
  const what = existsSync(playwrightReport) ? 'without a failing test in its report' : 'and wrote no report';
  files.push(failedFile(projectDir, `${why} ${what}; see the output above`));
  exitCode = exitCode === 0 ? 1 : exitCode;
} else if (exitCode === 0 && failed) {
  exitCode = 1;
}
writeReport(files);
process.exitCode = exitCode;

/**
 * Playwright's JSON report, one entry per test file in vitest's report format: a test passed when
 * Playwright expected its outcome, failed when it did not (or passed only on a retry), and was
 * skipped otherwise. Errors outside any test (global setup, a file that does not load) make a
 * failed entry of their own.
 */
function convert(data) {
  const testDir = typeof data.config?.rootDir === 'string' ? data.config.rootDir : projectDir;
  const converted = (Array.isArray(data.suites) ? data.suites : []).map((suite) => {
    const assertionResults = testsOf({ specs: suite.specs, suites: suite.suites }, []).map(({ titles, status }) => ({
      title: titles.at(-1),
      fullName: titles.join(' › '),
      status: { expected: 'passed', unexpected: 'failed', flaky: 'failed' }[status] ?? 'skipped',
    }));
    return {
      name: join(testDir, suite.file ?? suite.title),
      status: assertionResults.some((test) => test.status === 'failed') ? 'failed' : 'passed',
      assertionResults,
    };
  });
  for (const error of Array.isArray(data.errors) ? data.errors : []) {
    const where = error.location?.file ?? projectDir;
    converted.push(failedFile(where, error.message ?? String(error.value ?? 'an error outside the tests')));
  }
  return converted;
}

/** The tests of a describe block (or of a file's top level, without a title), with their titles from the outermost describe. */
function testsOf(suite, titles) {
  const inner = suite.title === undefined ? titles : [...titles, suite.title];
  const specs = (Array.isArray(suite.specs) ? suite.specs : []).flatMap((spec) =>
    (Array.isArray(spec.tests) ? spec.tests : []).map((test) => ({ titles: [...inner, spec.title], status: test.status })),
  );
  return [...specs, ...(Array.isArray(suite.suites) ? suite.suites : []).flatMap((child) => testsOf(child, inner))];
}

function failedFile(fileName, message) {
  return { name: fileName, status: 'failed', message, assertionResults: [] };
}

function writeReport(testResults) {
  writeFileSync(report, JSON.stringify({ success: !testResults.some((file) => file.status === 'failed'), testResults }));
}
