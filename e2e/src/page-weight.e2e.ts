import type { Request } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** What the browser fetched as script: where from, how it came, and how many bytes crossed the wire for its body. */
async function scriptsOf(requests: Request[]): Promise<{ path: string; encoding: string | undefined; cacheControl: string | undefined; bytes: number }[]> {
  const scripts = requests.filter((request) => request.resourceType() === 'script');
  return Promise.all(
    scripts.map(async (request) => {
      const headers = (await (await request.response())?.allHeaders()) ?? {};
      return {
        path: new URL(request.url()).pathname,
        encoding: headers['content-encoding'],
        cacheControl: headers['cache-control'],
        bytes: (await request.sizes()).responseBodySize,
      };
    }),
  );
}

test.describe('what the console weighs', () => {
  test('sends the first page compressed, under 250 KB of script, kept a year; other pages bring their own code when visited', async ({ page, signedInAs }) => {
    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));

    await signedInAs('ada');
    await page.waitForLoadState('networkidle');
    const firstPage = await scriptsOf(finished);
    expect(firstPage.length).toBeGreaterThan(0);
    for (const script of firstPage) {
      expect(script.path).toMatch(/^\/assets\//);
      // A few hundred bytes are not worth compressing; anything over a kilobyte is.
      if (script.bytes > 1024) {
        expect(['br', 'gzip']).toContain(script.encoding);
      }
      expect(script.cacheControl).toBe('public, max-age=31536000, immutable');
    }
    const total = firstPage.reduce((sum, script) => sum + script.bytes, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(250 * 1024);

    // The dashboards' charts are not part of the first page: their code arrives when they are opened.
    const before = new Set(firstPage.map((script) => script.path));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const opened = (await scriptsOf(finished)).filter((script) => !before.has(script.path));
    expect(opened.length).toBeGreaterThan(0);
  });
});
