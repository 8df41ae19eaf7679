import { expect, test, type Page } from './fixtures.js';
import { FINANCE_OPS } from './support/admin.js';
import { auditTrail } from './support/audit-trail.js';
import { openedRequestId } from './support/reprocess-requests.js';
import { httpRuntime, type ReprocessCommand } from './support/runtime.js';

/** Registered by this journey (finance-ops, runtime kind sdk), so its runs and dead letters touch no other journey's numbers. */
const AUTOMATION = 'chargeback-evidence-submission';
const TITLE = 'Chargeback evidence submission';
const MESSAGES = 30;
const ERROR_CLASS = 'EvidenceUploadRefusedError';

/** The ingest event of the runtime giving up on dispute `n`. */
function deadLetterEvent(n: number, at: string) {
  return {
    id: `e2e-reprocess-dead-letter-${n}`,
    type: 'dead_letter',
    automation: AUTOMATION,
    occurredAt: at,
    messageId: `dispute_e2e_${n}`,
    source: { kind: 'sdk', queue: 'chargebacks.submit' },
    payload: { disputeId: `dp_e2e_${n}`, amount: 1200 + n, currency: 'EUR' },
    headers: { 'x-dispute': `dp_e2e_${n}` },
    errorClass: ERROR_CLASS,
    errorMessage: 'Adyen refused the evidence upload: the defense period is locked',
    attempts: 3,
    correlationId: `dispute-e2e-${n}`,
  };
}

function progressOf(page: Page, state: string) {
  return page.locator(`[data-state="${state}"]`).getByTestId('progress-state-count');
}

test.describe('reprocess journey', () => {
  let worker: ReturnType<typeof httpRuntime>;

  // The automation's runtime, as plain HTTP with a token that may also pick up commands, gave up on thirty disputes.
  test.beforeAll(async ({ admin, baseUrl }) => {
    await admin.registerAutomation({
      ...FINANCE_OPS,
      slug: AUTOMATION,
      title: TITLE,
      description: 'Gathers delivery proof and receipts for disputed card payments and submits them to Adyen before the deadline.',
    });
    const token = await admin.createRuntimeToken({ name: 'chargeback worker reprocess e2e', team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] });
    worker = httpRuntime(baseUrl, token);
    const at = new Date().toISOString();
    const stored = await worker.report(Array.from({ length: MESSAGES }, (_, n) => deadLetterEvent(n + 1, at)));
    expect(stored).toMatchObject({ accepted: MESSAGES, quarantined: 0, forbidden: 0 });
  });

  test('on call reprocesses a whole group, the runtime picks the commands up and reports back, and the console shows them resolved; a viewer may not act', async ({
    signedInAs,
    workbench,
  }) => {
    const page = await signedInAs('otto');

    // The workbench, narrowed to the group, then "everything matching".
    await workbench.openGroup(AUTOMATION, ERROR_CLASS);
    await expect(workbench.rows).toHaveCount(MESSAGES);
    const dialog = await workbench.reprocessAllMatching();
    const confirm = dialog.getByRole('button', { name: `Reprocess ${MESSAGES} messages` });
    await expect(confirm).toBeVisible();
    await expect(dialog).toContainText(`${MESSAGES} dead letters will be sent back to their runtimes`);
    await expect(dialog.getByRole('row', { name: new RegExp(TITLE) })).toContainText('picked up by the runtime through the Roundhouse SDK');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Reason').fill('Adyen reopened the defense period (INC-5120)');
    await expect(confirm).toBeEnabled();
    await confirm.click();

    const requestId = await openedRequestId(page);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Reprocess ${MESSAGES} dead letters`) })).toBeVisible();
    await expect(page.getByText('Adyen reopened the defense period (INC-5120)').first()).toBeVisible();

    // The runtime: claim the commands offered to it, acknowledge them, handle them, report each run.
    const commands: ReprocessCommand[] = [];
    await expect
      .poll(
        async () => {
          commands.push(...(await worker.claim(100)).commands);
          return commands.length;
        },
        { timeout: 60_000, intervals: [500] },
      )
      .toBe(MESSAGES);
    expect(new Set(commands.map((command) => command.requestId))).toEqual(new Set([requestId]));
    expect(new Set(commands.map((command) => command.reprocessId)).size).toBe(MESSAGES);
    expect(await worker.ack(commands.map((command) => command.reprocessId))).toEqual({ acknowledged: MESSAGES });

    const startedAt = new Date().toISOString();
    const finished = commands.map((command) => ({
      id: `e2e-reprocess-run-${command.reprocessId}`,
      type: 'run_finished',
      automation: AUTOMATION,
      occurredAt: new Date().toISOString(),
      runId: `reprocess-${command.deadLetterId}`,
      attempt: 1,
      startedAt,
      durationMs: 420,
      reprocessId: command.reprocessId,
      ...(command.correlationId === undefined ? {} : { correlationId: command.correlationId }),
    }));
    expect(await worker.report(finished)).toMatchObject({ accepted: MESSAGES, quarantined: 0 });

    // The request's page follows by itself: every message succeeded, the request is done.
    await expect(progressOf(page, 'succeeded')).toHaveText(String(MESSAGES), { timeout: 30_000 });
    await expect(page.locator('[data-request-id]')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(page.getByTestId('progress-headline')).toHaveText(`${MESSAGES} of ${MESSAGES} messages finished (100%)`);
    await expect(progressOf(page, 'failed')).toHaveText('0');
    const audit = auditTrail(page);
    await expect(audit.row(/Reprocess requested/)).toBeVisible();
    await expect(audit.row(/Finished sending/)).toBeVisible();

    // One of the dead letters: resolved, with the reprocess in its history.
    const first = commands[0] as ReprocessCommand;
    await page.goto(`/dead-letters/${first.deadLetterId}`);
    await expect(page.getByRole('heading', { level: 1, name: /Resolved/ })).toBeVisible();
    const history = page.getByRole('table', { name: 'Reprocesses and discards of this message, newest first' });
    const entry = history.getByRole('row', { name: new RegExp(`Reprocess #${requestId}`) });
    await expect(entry).toContainText('Otto Operator');
    await expect(entry).toContainText('Succeeded');
    await expect(entry).toContainText(first.reprocessId);

    // A viewer sees the same dead letters, and cannot act on them.
    await signedInAs('vera');
    await workbench.open(AUTOMATION, 'any');
    const toolbar = page.getByRole('toolbar', { name: 'Act on dead letters' });
    const reprocessAll = toolbar.getByRole('button', { name: 'Reprocess all matching…' });
    await expect(toolbar).toContainText('Your role (Viewer) cannot reprocess or discard dead letters.');
    await expect(reprocessAll).toBeDisabled();
    await expect(toolbar.getByRole('button', { name: 'Discard all matching…' })).toBeDisabled();
    await expect(page.getByRole('checkbox')).toHaveCount(0);

    await page.goto(`/dead-letters/${first.deadLetterId}`);
    const reprocessOne = page.getByRole('button', { name: 'Reprocess', exact: true });
    await expect(reprocessOne).toBeDisabled();
  });
});
