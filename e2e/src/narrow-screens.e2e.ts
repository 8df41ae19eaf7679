import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { signInAs } from './console.js';

/** Every section an admin sees, in the order the navigation lists them. */
const SECTIONS = ['Catalog', 'Teams', 'Dashboards', 'Alerts', 'Runs', 'Dead letters', 'Reprocessing', 'Approvals', 'Audit trail', 'Quarantine', 'Runtime tokens'];

/** How far the page reaches beyond the window sideways, in CSS pixels (0: no sideways scrolling). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The number of text lines each named link of the main navigation takes, by its name. */
async function linesPerLink(page: Page): Promise<Record<string, number>> {
  return page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => {
    const lines: Record<string, number> = {};
    for (const link of Array.from(nav.querySelectorAll('a'))) {
      const range = document.createRange();
      range.selectNodeContents(link.firstChild ?? link);
      // One client rect per line box the link's name occupies.
      lines[(link.firstChild?.textContent ?? '').trim()] = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top))).size;
    }
    return lines;
  });
}

describe('the console on narrow and wide screens', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('at 1,200 px the sections sit on one line, each name unbroken, with no menu button', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await signInAs(page, 'ada', baseUrl);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of SECTIONS) {
      await nav.getByRole('link', { name, exact: true }).waitFor();
    }
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    expect(await linesPerLink(page)).toEqual(Object.fromEntries(SECTIONS.map((name) => [name, 1])));
    const tops = await nav.getByRole('link').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
    expect(await sidewaysOverflow(page)).toBe(0);

    // Just below, the sections fold into the menu.
    await page.setViewportSize({ width: 1150, height: 900 });
    await page.getByRole('button', { name: 'Menu' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.close();
  });

  it('at 390 px the sections fold into a menu that opens, leads to a page and closes, and no page scrolls sideways', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, 'ada', baseUrl);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
    expect(await sidewaysOverflow(page)).toBe(0);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    for (const name of SECTIONS) {
      expect(await nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    }
    expect(await linesPerLink(page)).toEqual(Object.fromEntries(SECTIONS.map((name) => [name, 1])));
    expect(await sidewaysOverflow(page)).toBe(0);

    await nav.getByRole('link', { name: 'Dead letters', exact: true }).click();
    await page.waitForURL(/\/dead-letters$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    // Escape closes an open menu and gives focus back to its button.
    await menu.click();
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);

    const pages = ['/', '/automations/invoice-generation', '/automations/invoice-generation/slos', '/dashboards', '/dead-letters', '/runs', '/reprocess', '/alerts', '/audit', '/tokens', '/automations/new'];
    const overflowing: Record<string, number> = {};
    for (const path of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) {
        overflowing[path] = overflow;
      }
    }
    expect(overflowing).toEqual({});
    await page.close();
  });
});
