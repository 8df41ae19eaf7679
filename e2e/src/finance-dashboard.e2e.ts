import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { openDashboard } from './support/dashboards.js';

const DASHBOARD = 'Finance automation program';

test.describe('a viewer reads the finance dashboard', () => {
  test('money never added across units, each line saying what it is; no data said as such; a future range refused with a sentence', async ({ connectRuntime, signedInAs }) => {
    // Finance's runtimes report two month-end balances: 12,000 EUR invoiced after the close, 20,000 EUR unreconciled.
    const client = await connectRuntime({ team: 'finance-ops', name: 'finance balances e2e', automations: ['invoice-generation', 'payout-reconciliation'] });
    client.measure('invoice-generation', 'revenue-slipped-at-close', 12_000);
    client.measure('payout-reconciliation', 'unreconciled-cash-at-close', 20_000);
    await client.shutdown();
    expect(client.stats()).toMatchObject({ quarantined: 0, forbidden: 0, dropped: 0 });

    const page = await signedInAs('vera');
    await openDashboard(page, DASHBOARD);

    // One figure per unit, each saying what the money is: two balances still at stake, never one sum.
    const totals = page.getByRole('region', { name: 'Hours and money won back' });
    const figure = (label: string) => totals.getByRole('group', { name: label, exact: true });
    await expect(figure('Money still at stake, at each month-end')).toHaveCount(1);
    await expect(figure('Money still at stake, at each month-end')).toContainText('€12,000 at each month-end');
    await expect(figure('Money still at stake, at each month-end')).toContainText('Before: €182,000 at each month-end, so €170,000 less at stake.');
    await expect(figure('Money still at stake')).toContainText('€20,000');
    await expect(figure('Money still at stake')).toContainText('Before: €312,000, so €292,000 less at stake.');
    const text = await totals.innerText();
    expect(text).not.toContain('€32,000'); // 12,000 at each month-end + 20,000 at one date: not a figure
    expect(text).not.toContain('Money, EUR');
    const row = totals.getByRole('row', { name: /Unreconciled cash/ });
    await expect(row).toContainText('Money still at stake');

    // Each figure says how it is computed.
    await expect(figure('Money still at stake').locator('[role="tooltip"]')).toContainText('never one figure');
    await expect(figure('Staff time saved').locator('[role="tooltip"]')).toContainText('minutes each task took');

    // The CSV has the same lines: a total per currency, unit and kind, each naming what it is.
    const [download] = await Promise.all([page.waitForEvent('download'), totals.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = (await readFile((await download.path()) ?? '', 'utf8')).split(/\r?\n/);
    expect(csv).toContain('"Money still at stake, total",,,20000,EUR,EUR,312000,20000,,,,');
    expect(csv).toContain('"Money still at stake, total",,,12000,EUR/month-end,EUR,182000,12000,,,,');
    expect(csv.join('\n')).not.toContain('Money, total');

    // A quarter before anything was reported: no data, said as such — not "0 hours".
    await page.goto('/dashboards/finance-automation-program?from=2025-01-01&to=2025-03-31');
    await expect(page.getByTestId('dashboard-range')).toContainText('1 Jan 2025 – 31 Mar 2025');
    await expect(figure('Staff time saved')).toContainText('No data in this range');
    expect(await totals.innerText()).not.toMatch(/\b0 hours\b/);
    const closeToInvoice = page.getByRole('region', { name: 'Time from closed deal to invoice sent' });
    await expect(closeToInvoice).toContainText('No data in this range');

    // Next year is refused with a sentence and a way back.
    await page.goto('/dashboards/finance-automation-program?from=2099-01-01&to=2099-01-31');
    await expect(page.getByText('These dates cannot be shown')).toBeVisible();
    await expect(page.locator('main')).toContainText('is in the future: nothing has been measured in it yet');
    await page.getByRole('button', { name: 'Show the dashboard’s usual dates' }).click();
    await expect(page.getByTestId('dashboard-range')).toContainText('Last 90 days');
  });
});
