import { defineConfig } from 'vitest/config';

/**
 * Workspace libraries resolve to their TypeScript sources (the `@roundhouse/source` export
 * condition, as in tsconfig.base.json), so tests never need a build first. Setting conditions
 * replaces Vite's defaults, so they are repeated after ours.
 */
const SOURCE_CONDITION = '@roundhouse/source';

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] } },
  test: {
    name: 'sdk',
    environment: 'node',
    include: ['src/**/*.spec.ts'],
    // expect.poll waits for a state, not a time: up to 5 s on a loaded machine (the default is 1 s).
    expect: { poll: { timeout: 5_000 } },
  },
});
