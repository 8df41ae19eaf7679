import { RoundhouseClient } from '@roundhouse/sdk';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { signInAs } from './console.js';

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

describe('dead-letter workbench journey', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  beforeAll(async () => {
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

  it('an admin finds the group and opens a message with its runbook; on call for another team, and a viewer, see the sensitive fields masked', async () => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    await signInAs(page, 'ada', baseUrl);
    await page.goto(`${baseUrl}/dead-letters?automation=refund-handling`);
    const group = page.locator('tr[data-fingerprint]').filter({ hasText: 'BankAccountClosedError' });
    await group.waitFor();
    expect(await group.innerText()).toContain('2');
    await group.getByRole('button').first().click();
    await page.waitForURL(/fingerprint=/);
    const rows = page.locator('tr[data-dead-letter-id]');
    await expect.poll(async () => rows.count()).toBe(2);
    await rows.first().getByRole('link', { name: 'BankAccountClosedError' }).click();
    const payload = page.getByLabel('Payload as received');
    await payload.waitFor();
    expect(await payload.innerText()).toContain('DE89370400440532013000');
    expect(await page.getByText('Some fields are hidden').count()).toBe(0);
    await page.getByRole('heading', { name: /Business impact/ }).first().waitFor();
    const detailUrl = page.url();

    // refund-handling belongs to support-engineering: Otto is on call for finance-ops only.
    for (const persona of ['otto', 'vera'] as const) {
      await browser.context.clearCookies();
      await signInAs(page, persona, baseUrl);
      await page.goto(detailUrl);
      await page.getByLabel('Payload as received').waitFor();
      expect(await page.getByLabel('Payload as received').innerText()).not.toContain('DE89370400440532013000');
      expect(await page.getByText('Some fields are hidden').count()).toBe(1);
    }
    await page.close();
  });
});
