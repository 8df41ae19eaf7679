import path from 'node:path';
import { defineConfig } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Journeys through the real console, api and embedded PostgreSQL, in Debian's headless Chromium
 * (never a downloaded browser; Playwright gives each launch a fresh temporary profile and removes it
 * after). Every test gets a new browser context, so no cookie or cache crosses from one to the next.
 * One worker: the machine has two cores, and the journeys share the Roundhouse that global setup
 * starts. `scripts/playwright-project.mjs` runs this config and adds the JSON report `npm test` sums.
 */
export default defineConfig({
  testDir: 'src',
  testMatch: '**/*.e2e.ts',
  globalSetup: './src/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  // Web-first assertions wait for what the browser shows: up to 15 s on a loaded machine (the default is 5 s).
  expect: { timeout: 15_000 },
  outputDir: path.join(root, 'dist/e2e/test-output'),
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
