import { createRequire } from 'node:module';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC compiles the decorators with their metadata, as tsc does for the build.
export default defineConfig({
  plugins: [
    swc.vite({
      module: { type: 'es6' },
      jsc: { target: 'es2022', parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
    }),
  ],
  resolve: {
    conditions: ['@roundhouse/source'],
    // One graphql module for tests and Nest alike (Nest loads its CommonJS build).
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }],
  },
  ssr: { resolve: { conditions: ['@roundhouse/source'] } },
  test: {
    root: import.meta.dirname,
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // expect.poll waits for a state, not a time: up to 10 s on a loaded machine (the default is 1 s).
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    // Two files at a time, each in a process of its own (forks). Most of a file's time is spent waiting
    // (for its api to start, a broker, a poll, another process), so two files can share the
    // machine's two cores. Files keep out of each other's way: each has its own database (a copy of the run's
    // migrated template), its own broker names (a random suffix), free ports and temporary folders,
    // and sets variables only in its own process. `--maxWorkers=1` runs them one at a time.
    pool: 'forks',
    maxWorkers: 2,
  },
});
