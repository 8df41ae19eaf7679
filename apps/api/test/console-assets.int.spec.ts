import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApi } from './harness.js';

/** A built console as Vite leaves it: index.html, a content-hashed script and its (hidden) source map. */
function builtConsole(): { dir: string; script: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'roundhouse-console-'));
  mkdirSync(path.join(dir, 'assets'));
  // Minified code repeats itself a lot: it compresses as a real bundle does.
  const script = Array.from({ length: 4000 }, (_, i) => `export const field${i % 97}=(a,b)=>a.map(x=>x.id===b?{...x,seen:${i}}:x);`).join('\n');
  writeFileSync(path.join(dir, 'assets', 'index-D9Zbt1TM.js'), script);
  writeFileSync(path.join(dir, 'assets', 'index-D9Zbt1TM.js.map'), '{"version":3,"sources":["../src/main.tsx"],"mappings":""}');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Roundhouse</title><script type="module" src="/assets/index-D9Zbt1TM.js"></script>');
  return { dir, script };
}

describe('the console as the api serves it in production', () => {
  const built = builtConsole();
  const t = useTestApi({
    NODE_ENV: 'production',
    ROUNDHOUSE_DEV_SIGN_IN: 'false',
    ROUNDHOUSE_CONSOLE_DIR: built.dir,
    ROUNDHOUSE_SESSION_SECRET: 'console-assets-test-secret-0123456789abcdef',
  });

  it('sends scripts compressed as the browser accepts (brotli, else gzip), and they arrive as built', async () => {
    for (const [accepts, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
    ] as const) {
      const response = await fetch(`${t.api.url}/assets/index-D9Zbt1TM.js`, { headers: { 'accept-encoding': accepts } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(await response.text()).toBe(built.script);
    }
  });

  it('lets the browser keep hashed assets for a year without asking again, but asks for the page every time', async () => {
    const script = await fetch(`${t.api.url}/assets/index-D9Zbt1TM.js`);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${t.api.url}/catalog`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const favicon = await fetch(`${t.api.url}/favicon.svg`);
    expect(favicon.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('never serves source maps, and answers an asset that does not exist with 404 rather than the page', async () => {
    expect((await fetch(`${t.api.url}/assets/index-D9Zbt1TM.js.map`)).status).toBe(404);
    const missing = await fetch(`${t.api.url}/assets/index-gone1234.js`, { headers: { accept: 'text/html,*/*' } });
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).not.toContain('<title>Roundhouse</title>');
    // Nothing of where the console lies on disk.
    expect(text).not.toMatch(/node_modules|\/tmp\/|roundhouse-console-/);
  });
});
