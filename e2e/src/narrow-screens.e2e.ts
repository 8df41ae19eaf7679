import { expect, test, type Page } from './fixtures.js';

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

test.describe('the console on narrow and wide screens', () => {
  test('at 1,200 px the sections sit on one line, each name unbroken, with no menu button', async ({ page, signedInAs }) => {
    await page.setViewportSize({ width: 1200, height: 900 });
    await signedInAs('ada');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of SECTIONS) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
    expect(await linesPerLink(page)).toEqual(Object.fromEntries(SECTIONS.map((name) => [name, 1])));
    const tops = await nav.getByRole('link').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(await sidewaysOverflow(page)).toBe(0);

    // Just below, the sections fold into the menu.
    await page.setViewportSize({ width: 1150, height: 900 });
    await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
    await expect(nav).toBeHidden();
  });

  test('at 390 px the sections fold into a menu that opens, leads to a page and closes, and no page scrolls sideways', async ({ page, signedInAs }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signedInAs('ada');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    expect(await sidewaysOverflow(page)).toBe(0);

    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    for (const name of SECTIONS) {
      await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
    }
    expect(await linesPerLink(page)).toEqual(Object.fromEntries(SECTIONS.map((name) => [name, 1])));
    expect(await sidewaysOverflow(page)).toBe(0);

    await nav.getByRole('link', { name: 'Dead letters', exact: true }).click();
    await expect(page).toHaveURL(/\/dead-letters$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();

    // Escape closes an open menu and gives focus back to its button.
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();

    const pages = [
      '/',
      '/automations/invoice-generation',
      '/automations/invoice-generation/slos',
      '/dashboards',
      '/dead-letters',
      '/runs',
      '/reprocess',
      '/alerts',
      '/audit',
      '/tokens',
      '/automations/new',
    ];
    const overflowing: Record<string, number> = {};
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) {
        overflowing[path] = overflow;
      }
    }
    expect(overflowing).toEqual({});
  });
});
