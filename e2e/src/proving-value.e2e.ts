import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { openDashboard } from './support/dashboards.js';
import { namedError } from './support/runtime.js';

const AUTOMATION = 'dunning-reminders';
const SLO_TITLE = '99% of due reminders sent on the day they are due';

test.describe('proving value journey', () => {
  test('a finance lead reads the program dashboard, exports a panel; on call acknowledges the alert the failing reminders raise', async ({ connectRuntime, signedInAs }) => {
    // The alert evaluator runs every minute: this journey waits for it.
    test.setTimeout(240_000);
    // The reminders runtime reports: a month's recovered cash, and a bad few minutes — 10 of 40 reminders fail.
    const client = await connectRuntime({ team: 'finance-ops', name: 'dunning worker e2e', automations: [AUTOMATION] });
    client.measure(AUTOMATION, 'overdue-cash-recovered', 512_000);
    for (let i = 0; i < 40; i += 1) {
      const run = client.startRun(AUTOMATION, { correlationId: `dunning-e2e-${i}` });
      if (i % 4 === 0) {
        run.fail(namedError('MailDeliveryError', 'SMTP relay answered 451 Try again later'), { outcome: 'failed' });
      } else {
        run.succeed();
      }
    }
    await client.shutdown();
    expect(client.stats()).toMatchObject({ quarantined: 0, forbidden: 0, dropped: 0 });

    // A finance lead (a viewer) opens the program dashboard.
    const page = await signedInAs('vera');
    await openDashboard(page, 'Finance automation program');
    await expect(page.getByTestId('dashboard-range')).toContainText('Last 90 days');

    const recovered = page.getByRole('region', { name: 'Overdue invoices paid after a reminder' });
    await expect(recovered).toContainText('Before (agreed baseline)');
    await expect(recovered).toContainText(/512[,. ]?000/);
    await expect(recovered.getByRole('figure')).toHaveCount(1);

    // The range lives in the URL: the link is what they share.
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await expect(page).toHaveURL(/[?&]last=7d/);
    await expect(page.getByTestId('dashboard-range')).toContainText('Last 7 days');

    // Each panel's numbers go to a spreadsheet.
    const [download] = await Promise.all([page.waitForEvent('download'), recovered.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('finance-automation-program-overdue-invoices-paid-after-a-reminder.csv');
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\n')[0]).toContain('EUR/month');
    expect(csv).toContain('512000');

    // The SLO table names the broken promise.
    const promises = page.getByRole('region', { name: 'Are the promises kept?' });
    await expect(promises).toContainText(SLO_TITLE);

    // The evaluator (every minute, on pg-boss) pages on the fast burn; a viewer sees why they cannot acknowledge.
    await page.goto('/alerts');
    const card = page.getByRole('listitem', { name: SLO_TITLE }).filter({ hasText: 'over the last 1h' });
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(card).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 150_000, intervals: [5_000] });
    await expect(card.getByRole('button', { name: /Acknowledge the alert/ })).toBeDisabled();
    await expect(card).toContainText('Runbook');

    // The operator on call for finance-ops acknowledges it.
    await signedInAs('otto');
    await page.goto('/alerts');
    await card.getByRole('button', { name: /Acknowledge the alert/ }).click();
    await expect(card).toContainText('Otto Operator');
    await expect(card.getByRole('button', { name: /Acknowledge the alert/ })).toHaveCount(0);
  });
});
