import { RoundhouseClient } from '@roundhouse/sdk';
import { expect, test } from './fixtures.js';

/** A runtime token for a team, made through the API as an owner would in the console. */
async function tokenFor(baseUrl: string, team: string): Promise<string> {
  const signIn = await fetch(`${baseUrl}/auth/dev-sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"persona":"ada"}' });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  const session = (await (await fetch(`${baseUrl}/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ query: `mutation { createRuntimeToken(input: { name: "dead-letter e2e", team: "${team}" }) { secret } }` }),
  });
  return ((await response.json()) as { data: { createRuntimeToken: { secret: string } } }).data.createRuntimeToken.secret;
}

test.describe('dead-letter workbench journey', () => {
  test.beforeAll(async ({ baseUrl }) => {
    const client = new RoundhouseClient({ url: baseUrl, token: await tokenFor(baseUrl, 'support-engineering'), onDiagnostic: () => undefined });
    for (const refundId of ['refund_e2e_1', 'refund_e2e_2']) {
      const error = new Error(`bank account for refund ${refundId} is closed`);
      error.name = 'BankAccountClosedError';
      client.startRun('refund-handling', { correlationId: refundId }).fail(error, {
        outcome: 'dead_lettered',
        deadLetter: { messageId: refundId, source: { kind: 'sdk', queue: 'refunds.execute' }, payload: { refundId, iban: 'DE89370400440532013000', amount: 120 }, attempts: 3 },
      });
    }
    await client.shutdown();
  });

  test('an admin finds the group and opens a message with its runbook; on call for another team, and a viewer, see the sensitive fields masked', async ({
    baseUrl,
    signedInAs,
  }) => {
    const page = await signedInAs('ada');
    await page.goto(`${baseUrl}/dead-letters?automation=refund-handling`);
    const group = page.locator('tr[data-fingerprint]').filter({ hasText: 'BankAccountClosedError' });
    await expect(group).toContainText('2');
    await group.getByRole('button').first().click();
    await expect(page).toHaveURL(/fingerprint=/);
    const rows = page.locator('tr[data-dead-letter-id]');
    await expect(rows).toHaveCount(2);
    await rows.first().getByRole('link', { name: 'BankAccountClosedError' }).click();
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
