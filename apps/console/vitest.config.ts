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
    restoreMocks: true,
    unstubGlobals: true,
  },
});
