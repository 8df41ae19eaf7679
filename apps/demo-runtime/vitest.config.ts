import { defineConfig } from 'vitest/config';

/**
 * Workspace libraries resolve to their TypeScript sources (the `@roundhouse/source` export
 * condition, as in tsconfig.base.json), so tests never need a build first. Setting conditions
 * replaces Vite's defaults, so they are repeated after ours.
 */
const SOURCE_CONDITION = '@roundhouse/source';

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, 'module', 'browser', 'development|production'] },
  // No 'module' on the server side: packages whose "module" build is for bundlers only (the
  // OpenTelemetry JS SDK's build/esm has extensionless imports) load as Node loads them.
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'node', 'development|production'] } },
  test: {
    name: 'demo-runtime',
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
