import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { consoleRoot, sourceAlias } from './vite.config.ts';

export default defineConfig({
  root: consoleRoot,
  plugins: [react()],
  resolve: { alias: [sourceAlias] },
  test: {
    name: '@roundhouse/console',
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    // A test waits for several screens in turn (5 s each at most, see setup.ts).
    testTimeout: 20_000,
    expect: { poll: { timeout: 5_000 } },
    restoreMocks: true,
    unstubGlobals: true,
  },
});
