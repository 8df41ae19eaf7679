import { reprocessDeadLetter, reprocessRunOptions } from '@roundhouse/sdk';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser.js';
import { asAdmin, runtimeClient, signInAs } from './console.js';

/** Registered by this journey: a finance-ops automation that touches billing, so any reprocess of it needs a second person. */
const AUTOMATION = 'supplier-statement-reconciliation';
const MESSAGES = 10;
const ERROR_CLASS = 'StatementBalanceMismatchError';
const REASON = 'Supplier statement import fixed by finance systems (CHG-2317)';
const DECISION = 'canary: 1 of 3 failed again (33.3%), within the 40% you set; sending the other 7';

async function setUp(baseUrl: string): Promise<void> {
  const graphql = await asAdmin(baseUrl);
  await graphql(`mutation Register($input: AutomationInput!) { registerAutomation(input: $input) { slug } }`, {
    input: {
      slug: AUTOMATION,
      title: 'Supplier statement reconciliation',
      description: 'Reconciles monthly supplier statements against open vendor bills in NetSuite and flags differences to accounts payable.',
      type: 'automation',
      lifecycle: 'production',
      owner: 'finance-ops',
      onCall: { name: 'Finance ops primary' },
      riskDomains: ['billing'],
      runtime: { kind: 'sdk' },
    },
  });
}

describe('canary reprocess journey', () => {
  const baseUrl = inject('baseUrl');
  const browser = useBrowser();

  beforeAll(() => setUp(baseUrl));

  it('on call starts a reprocess with a canary, a second operator approves it, the runtime fails one of the first three and the rest follows', async () => {
    // The reconciliation runtime gave up on ten statements; it will handle them again through the SDK.
    const client = await runtimeClient(baseUrl, { team: 'finance-ops', name: 'statement reconciler e2e', automations: [AUTOMATION], capabilities: ['ingest', 'dead_letters', 'commands'] });
    for (let n = 0; n < MESSAGES; n += 1) {
      const error = new Error(`Statement ST-2026-${500 + n} closes at 12,410.00 EUR but the open bills add up to 12,401.00 EUR`);
      error.name = ERROR_CLASS;
      client.deadLetter(AUTOMATION, { messageId: `statement_e2e_${n}`, source: { kind: 'sdk', queue: 'ap.statements.reconcile' }, payload: { statement: `ST-2026-${500 + n}`, vendor: 'V-2210' }, error, attempts: 3 });
    }
    await client.flush();
    const handled: string[] = [];
    client.onReprocess(
      (command) => {
        const run = client.startRun(command.automation, reprocessRunOptions(command));
        handled.push(command.messageId);
        // The first statement handled (one of the canary's) still does not balance; the others do now.
        if (handled.length === 1) {
          const error = new Error('Statement still 9.00 EUR off');
          error.name = ERROR_CLASS;
          run.fail(error, { deadLetter: reprocessDeadLetter(command) });
        } else {
          run.succeed();
        }
      },
      { automations: [AUTOMATION], pollIntervalMs: 500 },
    );

    try {
      await browser.context.clearCookies();
      const page = await browser.context.newPage();

      // Otto asks for a reprocess that starts with a canary: 30% first, at most 40% of them may fail again.
      await signInAs(page, 'otto', baseUrl);
      await page.goto(`${baseUrl}/dead-letters?automation=${AUTOMATION}`);
      await page.locator('tr[data-fingerprint]').filter({ hasText: ERROR_CLASS }).getByRole('button').first().click();
      await page.waitForURL(/fingerprint=/);
      await expect.poll(async () => page.locator('tr[data-dead-letter-id]').count()).toBe(MESSAGES);
      await page.getByRole('button', { name: 'Reprocess all matching…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reason').fill(REASON);
      await dialog.getByRole('checkbox', { name: 'Start with a canary' }).check();
      await dialog.getByLabel('First slice').fill('30');
      await dialog.getByLabel('Most that may fail again (%)').fill('40');
      await expect.poll(async () => dialog.getByTestId('canary-plan').innerText()).toContain('The first 3 messages go out alone. The other 7 follow');
      await dialog.getByRole('button', { name: `Ask for approval: Reprocess ${MESSAGES} messages` }).click();

      await page.waitForURL(/\/reprocess\/\d+$/);
      const requestId = /\/reprocess\/(\d+)$/.exec(page.url())?.[1] ?? '';
      const stages = page.getByRole('region', { name: 'Stages' });
      await expect.poll(async () => stages.getByRole('listitem', { name: 'Canary' }).innerText()).toContain('1. Canary: the first 3 messages — waits for approval');
      expect(await stages.getByRole('listitem', { name: 'The rest' }).innerText()).toContain('2. The rest: 7 messages');
      // Nothing goes out before the approval, and the verdict does not say it is sending.
      expect(await page.getByTestId('canary-verdict').innerText()).toContain('Nothing is sent before the approval.');

      // Oscar, second on call, approves the whole request as it is.
      await browser.context.clearCookies();
      await signInAs(page, 'oscar', baseUrl);
      await page.getByRole('link', { name: 'Approvals, 1 waiting for you' }).click();
      // The card tells Oscar it is a canary, and that his approval covers the whole request.
      const card = page.getByRole('article', { name: `Reprocess request #${requestId}` });
      await expect.poll(async () => card.getByTestId('approval-canary').innerText()).toContain('The first 3 messages go out alone. The other 7 follow');
      await page.getByRole('group', { name: `Decide on request #${requestId}` }).getByRole('button', { name: 'Approve…' }).click();
      const approveDialog = page.getByRole('dialog', { name: `Approve request #${requestId}?` });
      await approveDialog.getByRole('textbox').fill('Canary first, as agreed with AP');
      await approveDialog.getByRole('button', { name: `Approve — send ${MESSAGES} messages` }).click();
      await page.getByText('Nothing waits for your approval').waitFor();

      // The request page shows the canary's outcomes, its decision with the reason, then the rest going out.
      await page.goto(`${baseUrl}/reprocess/${requestId}`);
      const canary = page.getByRole('region', { name: 'Stages' }).getByRole('listitem', { name: 'Canary' });
      await expect.poll(async () => canary.innerText(), { timeout: 30_000 }).toContain(DECISION);
      expect(await canary.innerText()).toContain('1. Canary: the first 3 messages — passed');
      expect(await canary.innerText()).toContain('3 of 3 messages sent · 2 succeeded · 1 failed again · 0 awaiting an outcome');
      await expect.poll(async () => page.locator('[data-request-id]').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
      await expect.poll(async () => page.getByRole('region', { name: 'Stages' }).getByRole('listitem', { name: 'The rest' }).innerText()).toContain('Sent after the canary passed');
      await expect.poll(() => handled.length, { timeout: 30_000 }).toBe(MESSAGES);
      expect(new Set(handled).size).toBe(MESSAGES);

      const trail = page.getByRole('table', { name: 'Audit trail, newest first' });
      await expect.poll(async () => trail.locator('tr[data-action="reprocess.canary.passed"]').innerText()).toContain('Roundhouse');
      expect(await trail.locator('tr[data-action="reprocess.canary.passed"]').innerText()).toContain(DECISION);
      await page.close();
    } finally {
      await client.shutdown();
    }
  });
});
