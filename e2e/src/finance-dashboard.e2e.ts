import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { runtimeClient, signInAs } from './console.js';

const DASHBOARD = 'Finance automation program';

describe('a viewer reads the finance dashboard', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('money never added across units, each line saying what it is; no data said as such; a future range refused with a sentence', async () => {
    // Finance's runtimes report two month-end balances: 12,000 EUR invoiced after the close, 20,000 EUR unreconciled.
    const client = await runtimeClient(baseUrl, { team: 'finance-ops', name: 'finance balances e2e', automations: ['invoice-generation', 'payout-reconciliation'] });
    client.measure('invoice-generation', 'revenue-slipped-at-close', 12_000);
    client.measure('payout-reconciliation', 'unreconciled-cash-at-close', 20_000);
    await client.shutdown();
    expect(client.stats()).toMatchObject({ quarantined: 0, forbidden: 0, dropped: 0 });

    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInAs(page, 'vera', baseUrl);
    await page.getByRole('link', { name: 'Dashboards' }).first().click();
    await page.getByRole('link', { name: DASHBOARD }).click();
    await page.getByRole('heading', { level: 1, name: DASHBOARD }).waitFor();

    // One figure per unit, each saying what the money is: two balances still at stake, never one sum.
    const totals = page.locator('section.dashboard-panel', { has: page.getByRole('heading', { name: 'Hours and money won back' }) });
    const figure = (label: string) => totals.getByRole('group', { name: label, exact: true });
    await expect.poll(async () => figure('Money still at stake, at each month-end').count()).toBe(1);
    expect(await figure('Money still at stake, at each month-end').innerText()).toContain('€12,000 at each month-end');
    expect(await figure('Money still at stake, at each month-end').innerText()).toContain('Before: €182,000 at each month-end, so €170,000 less at stake.');
    expect(await figure('Money still at stake').innerText()).toContain('€20,000');
    expect(await figure('Money still at stake').innerText()).toContain('Before: €312,000, so €292,000 less at stake.');
    const text = await totals.innerText();
    expect(text).not.toContain('€32,000'); // 12,000 at each month-end + 20,000 at one date: not a figure
    expect(text).not.toContain('Money, EUR');
    const row = totals.getByRole('row', { name: /Unreconciled cash/ });
    expect(await row.innerText()).toContain('Money still at stake');

    // Each figure says how it is computed.
    expect(await figure('Money still at stake').locator('[role="tooltip"]').textContent()).toContain('never one figure');
    expect(await figure('Staff time saved').locator('[role="tooltip"]').textContent()).toContain('minutes each task took');

    // The CSV has the same lines: a total per currency, unit and kind, each naming what it is.
    const [download] = await Promise.all([page.waitForEvent('download'), totals.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = (await readFile((await download.path()) ?? '', 'utf8')).split(/\r?\n/);
    expect(csv).toContain('"Money still at stake, total",,,20000,EUR,EUR,312000,20000,,,,');
    expect(csv).toContain('"Money still at stake, total",,,12000,EUR/month-end,EUR,182000,12000,,,,');
    expect(csv.join('\n')).not.toContain('Money, total');

    // A quarter before anything was reported: no data, said as such — not "0 hours".
    await page.goto(`${baseUrl}/dashboards/finance-automation-program?from=2025-01-01&to=2025-03-31`);
    await expect.poll(async () => page.getByTestId('dashboard-range').innerText()).toContain('1 Jan 2025 – 31 Mar 2025');
    await expect.poll(async () => figure('Staff time saved').innerText()).toContain('No data in this range');
    expect(await totals.innerText()).not.toMatch(/\b0 hours\b/);
    const closeToInvoice = page.locator('section.dashboard-panel', { has: page.getByRole('heading', { name: 'Time from closed deal to invoice sent' }) });
    expect(await closeToInvoice.innerText()).toContain('No data in this range');

    // Next year is refused with a sentence and a way back.
    await page.goto(`${baseUrl}/dashboards/finance-automation-program?from=2099-01-01&to=2099-01-31`);
    await page.getByText('These dates cannot be shown').waitFor();
    expect(await page.locator('main').innerText()).toContain('is in the future: nothing has been measured in it yet');
    await page.getByRole('button', { name: 'Show the dashboard’s usual dates' }).click();
    await expect.poll(async () => page.getByTestId('dashboard-range').innerText()).toContain('Last 90 days');
  }, 120_000);
});
