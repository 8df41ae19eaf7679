import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { runtimeClient, signInAs } from './console.js';

const AUTOMATION = 'dunning-reminders';
const SLO_TITLE = '99% of due reminders sent on the day they are due';

describe('proving value journey', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  it('a finance lead reads the program dashboard, exports a panel; on call acknowledges the alert the failing reminders raise', async () => {
    // The reminders runtime reports: a month's recovered cash, and a bad few minutes — 10 of 40 reminders fail.
    const client = await runtimeClient(baseUrl, { team: 'finance-ops', name: 'dunning worker e2e', automations: [AUTOMATION] });
    client.measure(AUTOMATION, 'overdue-cash-recovered', 512_000);
    for (let i = 0; i < 40; i += 1) {
      const run = client.startRun(AUTOMATION, { correlationId: `dunning-e2e-${i}` });
      if (i % 4 === 0) {
        const error = new Error('SMTP relay answered 451 Try again later');
        error.name = 'MailDeliveryError';
        run.fail(error, { outcome: 'failed' });
      } else {
        run.succeed();
      }
    }
    await client.shutdown();
    expect(client.stats()).toMatchObject({ quarantined: 0, forbidden: 0, dropped: 0 });

    // A finance lead (a viewer) opens the program dashboard.
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInAs(page, 'vera', baseUrl);
    await page.getByRole('link', { name: 'Dashboards' }).first().click();
    await page.getByRole('link', { name: 'Finance automation program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Finance automation program' }).waitFor();
    expect(await page.getByTestId('dashboard-range').innerText()).toContain('Last 90 days');

    const recovered = page.locator('section.dashboard-panel', { has: page.getByRole('heading', { name: 'Overdue invoices paid after a reminder' }) });
    await expect.poll(async () => recovered.innerText()).toContain('Before (agreed baseline)');
    expect(await recovered.innerText()).toMatch(/512[,. ]?000/);
    expect(await recovered.locator('figure.chart').count()).toBe(1);

    // The range lives in the URL: the link is what they share.
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.waitForURL(/[?&]last=7d/);
    await expect.poll(async () => page.getByTestId('dashboard-range').innerText()).toContain('Last 7 days');

    // Each panel's numbers go to a spreadsheet.
    const [download] = await Promise.all([page.waitForEvent('download'), recovered.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('finance-automation-program-overdue-invoices-paid-after-a-reminder.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toContain('EUR/month');
    expect(csv).toContain('512000');

    // The SLO table names the broken promise.
    const promises = page.locator('section.dashboard-panel', { has: page.getByRole('heading', { name: 'Are the promises kept?' }) });
    await expect.poll(async () => promises.innerText()).toContain(SLO_TITLE);

    // The evaluator (every minute, on pg-boss) pages on the fast burn; a viewer sees why they cannot acknowledge.
    await page.goto(`${baseUrl}/alerts`);
    const card = page.getByRole('listitem', { name: SLO_TITLE }).filter({ hasText: 'over the last 1h' });
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          return card.count();
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe(1);
    const viewerButton = card.getByRole('button', { name: /Acknowledge the alert/ });
    expect(await viewerButton.isDisabled()).toBe(true);
    expect(await card.innerText()).toContain('Runbook');

    // The operator on call for finance-ops acknowledges it.
    await browser.context.clearCookies();
    await signInAs(page, 'otto', baseUrl);
    await page.goto(`${baseUrl}/alerts`);
    await card.waitFor();
    await card.getByRole('button', { name: /Acknowledge the alert/ }).click();
    await expect.poll(async () => card.innerText()).toContain('Otto Operator');
    expect(await card.getByRole('button', { name: /Acknowledge the alert/ }).count()).toBe(0);
  }, 240_000);
});
