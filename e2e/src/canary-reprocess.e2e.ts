import { reprocessDeadLetter, reprocessRunOptions } from '@roundhouse/sdk';
import { expect, test } from './fixtures.js';
import { FINANCE_OPS } from './support/admin.js';
import { auditTrail } from './support/audit-trail.js';
import { approveRequest, openedRequestId } from './support/reprocess-requests.js';
import { namedError } from './support/runtime.js';

/** Registered by this journey: a finance-ops automation that touches billing, so any reprocess of it needs a second person. */
const AUTOMATION = 'supplier-statement-reconciliation';
const MESSAGES = 10;
const ERROR_CLASS = 'StatementBalanceMismatchError';
const REASON = 'Supplier statement import fixed by finance systems (CHG-2317)';
const DECISION = 'canary: 1 of 3 failed again (33.3%), within the 40% you set; sending the other 7';

test.describe('canary reprocess journey', () => {
  test.beforeAll(({ admin }) =>
    admin.registerAutomation({
      ...FINANCE_OPS,
      slug: AUTOMATION,
      title: 'Supplier statement reconciliation',
      description: 'Reconciles monthly supplier statements against open vendor bills in NetSuite and flags differences to accounts payable.',
      riskDomains: ['billing'],
    }),
  );

  test('on call starts a reprocess with a canary, a second operator approves it, the runtime fails one of the first three and the rest follows', async ({
    connectRuntime,
    signedInAs,
    workbench,
  }) => {
    // The reconciliation runtime gave up on ten statements; it will handle them again through the SDK.
    const client = await connectRuntime({ team: 'finance-ops', name: 'statement reconciler e2e', automations: [AUTOMATION], capabilities: ['ingest', 'dead_letters', 'commands'] });
    for (let n = 0; n < MESSAGES; n += 1) {
      client.deadLetter(AUTOMATION, {
        messageId: `statement_e2e_${n}`,
        source: { kind: 'sdk', queue: 'ap.statements.reconcile' },
        payload: { statement: `ST-2026-${500 + n}`, vendor: 'V-2210' },
        error: namedError(ERROR_CLASS, `Statement ST-2026-${500 + n} closes at 12,410.00 EUR but the open bills add up to 12,401.00 EUR`),
        attempts: 3,
      });
    }
    await client.flush();
    const handled: string[] = [];
    client.onReprocess(
      (command) => {
        const run = client.startRun(command.automation, reprocessRunOptions(command));
        handled.push(command.messageId);
        // The first statement handled (one of the canary's) still does not balance; the others do now.
        if (handled.length === 1) {
          run.fail(namedError(ERROR_CLASS, 'Statement still 9.00 EUR off'), { deadLetter: reprocessDeadLetter(command) });
        } else {
          run.succeed();
        }
      },
      { automations: [AUTOMATION], pollIntervalMs: 500 },
    );

    // Otto asks for a reprocess that starts with a canary: 30% first, at most 40% of them may fail again.
    const page = await signedInAs('otto');
    await workbench.openGroup(AUTOMATION, ERROR_CLASS);
    await expect(workbench.rows).toHaveCount(MESSAGES);
    const dialog = await workbench.reprocessAllMatching();
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('checkbox', { name: 'Start with a canary' }).check();
    await dialog.getByLabel('First slice').fill('30');
    await dialog.getByLabel('Most that may fail again (%)').fill('40');
    await expect(dialog.getByTestId('canary-plan')).toContainText('The first 3 messages go out alone. The other 7 follow');
    await dialog.getByRole('button', { name: `Ask for approval: Reprocess ${MESSAGES} messages` }).click();

    const requestId = await openedRequestId(page);
    const stages = page.getByRole('region', { name: 'Stages' });
    await expect(stages.getByRole('listitem', { name: 'Canary' })).toContainText('1. Canary: the first 3 messages — waits for approval');
    await expect(stages.getByRole('listitem', { name: 'The rest' })).toContainText('2. The rest: 7 messages');
    // Nothing goes out before the approval, and the verdict does not say it is sending.
    await expect(page.getByTestId('canary-verdict')).toContainText('Nothing is sent before the approval.');

    // Oscar, second on call, approves the whole request as it is.
    await signedInAs('oscar');
    await page.getByRole('link', { name: 'Approvals, 1 waiting for you' }).click();
    // The card tells Oscar it is a canary, and that his approval covers the whole request.
    const card = page.getByRole('article', { name: `Reprocess request #${requestId}` });
    await expect(card.getByTestId('approval-canary')).toContainText('The first 3 messages go out alone. The other 7 follow');
    await approveRequest(page, requestId, { messages: MESSAGES, note: 'Canary first, as agreed with AP' });

    // The request page shows the canary's outcomes, its decision with the reason, then the rest going out.
    await page.goto(`/reprocess/${requestId}`);
    const canary = stages.getByRole('listitem', { name: 'Canary' });
    await expect(canary).toContainText(DECISION, { timeout: 30_000 });
    await expect(canary).toContainText('1. Canary: the first 3 messages — passed');
    await expect(canary).toContainText('3 of 3 messages sent · 2 succeeded · 1 failed again · 0 awaiting an outcome');
    await expect(page.locator('[data-request-id]')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(stages.getByRole('listitem', { name: 'The rest' })).toContainText('Sent after the canary passed');
    await expect.poll(() => handled.length, { timeout: 30_000 }).toBe(MESSAGES);
    expect(new Set(handled).size).toBe(MESSAGES);

    const passed = auditTrail(page).entries('reprocess.canary.passed');
    await expect(passed).toContainText('Roundhouse');
    await expect(passed).toContainText(DECISION);
  });
});
