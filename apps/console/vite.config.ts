import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const API_ORIGIN = 'http://127.0.0.1:3000';
const API_PATHS = ['/graphql', '/auth', '/healthz', '/readyz', '/audit/export.csv'];

export const consoleRoot = fileURLToPath(new URL('.', import.meta.url));
export const sourceAlias = { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) };

export default defineConfig({
  root: consoleRoot,
  plugins: [react()],
  resolve: {
    alias: [sourceAlias],
    // Workspace libraries are consumed from source, as in the api and the tests.
    conditions: ['@roundhouse/source', ...defaultClientConditions],
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // Written for debugging and error tracking, not referenced from the scripts: the api does not serve them in production.
    sourcemap: 'hidden',
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: API_ORIGIN, changeOrigin: false }])),
  },
  preview: {
    port: 4173,
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: API_ORIGIN, changeOrigin: false }])),
  },
});
