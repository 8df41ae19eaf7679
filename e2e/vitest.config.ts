import { defineConfig } from 'vitest/config';

// Journeys through the real console, api and embedded PostgreSQL, in headless Chromium.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['src/**/*.e2e.ts'],
    // Journeys already on Playwright Test (playwright.config.ts).
    exclude: ['src/catalog.e2e.ts'],
    environment: 'node',
    globalSetup: ['src/vitest-global-setup.ts'],
    testTimeout: 120_000,
    // expect.poll waits for what the browser shows: up to 15 s on a loaded machine (the default is 1 s).
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
