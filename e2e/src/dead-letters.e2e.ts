import { expect, test } from './fixtures.js';
import { namedError } from './support/runtime.js';

test.describe('dead-letter workbench journey', () => {
  test('an admin finds the group and opens a message with its runbook; on call for another team, and a viewer, see the sensitive fields masked', async ({
    connectRuntime,
    signedInAs,
    workbench,
  }) => {
    // Support engineering's refunds runtime gave up on two refunds: the customers' bank accounts are closed.
    const client = await connectRuntime({ name: 'dead-letter e2e', team: 'support-engineering' });
    for (const refundId of ['refund_e2e_1', 'refund_e2e_2']) {
      client.startRun('refund-handling', { correlationId: refundId }).fail(namedError('BankAccountClosedError', `bank account for refund ${refundId} is closed`), {
        outcome: 'dead_lettered',
        deadLetter: { messageId: refundId, source: { kind: 'sdk', queue: 'refunds.execute' }, payload: { refundId, iban: 'DE89370400440532013000', amount: 120 }, attempts: 3 },
      });
    }
    await client.shutdown();

    const page = await signedInAs('ada');
    await workbench.open('refund-handling');
    await expect(workbench.group('BankAccountClosedError')).toContainText('2');
    await workbench.narrowTo('BankAccountClosedError');
    await expect(workbench.rows).toHaveCount(2);
    await workbench.rows.first().getByRole('link', { name: 'BankAccountClosedError' }).click();
    const payload = page.getByLabel('Payload as received');
    await expect(payload).toContainText('DE89370400440532013000');
    await expect(page.getByText('Some fields are hidden')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /Business impact/ }).first()).toBeVisible();
    const detailUrl = page.url();

    // refund-handling belongs to support-engineering: Otto is on call for finance-ops only.
    for (const persona of ['otto', 'vera'] as const) {
      await signedInAs(persona);
      await page.goto(detailUrl);
      await expect(page.getByText('Some fields are hidden')).toHaveCount(1);
      await expect(page.getByLabel('Payload as received')).toBeVisible();
      await expect(page.getByLabel('Payload as received')).not.toContainText('DE89370400440532013000');
    }
  });
});
