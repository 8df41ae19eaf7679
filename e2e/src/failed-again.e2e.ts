import { expect, test } from './fixtures.js';
import { FINANCE_OPS } from './support/admin.js';
import { openedRequestId } from './support/reprocess-requests.js';
import { namedError } from './support/runtime.js';

/** Registered by this journey (finance-ops, runtime kind sdk), so its dead letters touch no other journey's numbers. */
const AUTOMATION = 'psp-fee-reconciliation';
const MESSAGES = 12;
const FAIL_AGAIN = 4;
const OLD_ERROR = 'FeeScheduleMissingError';
const NEW_ERROR = 'AcquirerTimeoutError';

test.describe('failed-again journey', () => {
  test.beforeAll(({ admin }) =>
    admin.registerAutomation({
      ...FINANCE_OPS,
      slug: AUTOMATION,
      title: 'PSP fee reconciliation',
      description: 'Matches the fees Adyen and Stripe deduct from each payout to the contracted fee schedule and books the difference in NetSuite.',
    }),
  );

  test('a reprocess where some fail again: the request links to exactly those, grouped by their new error, and the default view lists them', async ({
    connectRuntime,
    signedInAs,
    workbench,
  }) => {
    // The runtime gave up on twelve fee batches: the fee schedule for a new card scheme was missing.
    const client = await connectRuntime({
      name: 'fee reconciliation worker e2e',
      team: 'finance-ops',
      automations: [AUTOMATION],
      capabilities: ['ingest', 'dead_letters', 'commands'],
    });
    const firstFailedAt = new Date(Date.now() - 3_600_000);
    for (let n = 1; n <= MESSAGES; n += 1) {
      const run = client.startRun(AUTOMATION, { runId: `fee-run-${n}`, correlationId: `fee-batch-${n}` });
      run.fail(namedError(OLD_ERROR, `no fee schedule for card scheme "cartes_bancaires" in contract ADY-2026-${n}`), {
        outcome: 'dead_lettered',
        deadLetter: {
          messageId: `fee-batch-${n}`,
          source: { kind: 'sdk', queue: 'fees.reconcile' },
          payload: { batchId: `fee-batch-${n}`, psp: 'adyen', payoutId: `po_${4700 + n}`, fees: { value: '12.50', currency: 'EUR' } },
          attempts: 3,
          firstFailedAt,
        },
      });
    }
    await client.flush();
    // Once the schedule is fixed, a reprocess goes through — except for the first FAIL_AGAIN batches, where the acquirer times out this time.
    const failing = new Set(Array.from({ length: FAIL_AGAIN }, (_, n) => `fee-batch-${n + 1}`));
    client.onReprocess(
      (command) =>
        client.trackReprocess(command, () => {
          if (command.correlationId !== undefined && failing.has(command.correlationId)) {
            throw namedError(NEW_ERROR, `acquirer did not answer within 30 s for ${command.correlationId}`);
          }
          return 'booked';
        }),
      { automations: [AUTOMATION], pollIntervalMs: 500 },
    );

    // The workbench opens on what needs action; the group of the old error, then everything in it.
    const page = await signedInAs('otto');
    await workbench.openGroup(AUTOMATION, OLD_ERROR);
    await expect(workbench.rows).toHaveCount(MESSAGES);
    const dialog = await workbench.reprocessAllMatching();
    await dialog.getByLabel('Reason').fill('Fee schedule for Cartes Bancaires added to contract ADY-2026 (FIN-812)');
    await dialog.getByRole('button', { name: `Reprocess ${MESSAGES} messages` }).click();
    const requestId = await openedRequestId(page);

    // The runtime handles every command; the request's page offers "the 4 that failed again".
    const link = page.getByRole('link', { name: `the ${FAIL_AGAIN} that failed again` });
    await expect(link).toHaveCount(1, { timeout: 60_000 });
    await link.click();
    await page.waitForURL((url) => url.pathname === '/dead-letters' && url.searchParams.get('request') === requestId && url.searchParams.get('status') === 'failed_again');

    // Exactly those, under the error they failed with this time.
    await expect(workbench.rows).toHaveCount(FAIL_AGAIN);
    await expect(workbench.rows.filter({ hasText: NEW_ERROR }).filter({ hasText: 'Failed again' })).toHaveCount(FAIL_AGAIN);
    await expect(workbench.groups).toHaveCount(1);
    await expect(workbench.groups.first()).toContainText(NEW_ERROR);
    await expect(page.getByRole('search', { name: 'Filter dead letters' })).toContainText(`Sent back by request #${requestId}`);

    // The default view lists them too: needs action is pending and failed again; the old group holds nothing waiting.
    await workbench.open(AUTOMATION);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('needs_action');
    await expect(workbench.rows).toHaveCount(FAIL_AGAIN);
    await expect(workbench.group(OLD_ERROR)).toHaveCount(0);

    // One of them keeps the error it had before on its page.
    await workbench.rows.first().getByRole('link', { name: NEW_ERROR }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(NEW_ERROR) })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Earlier errors, newest first' })).toContainText(OLD_ERROR);
  });
});
