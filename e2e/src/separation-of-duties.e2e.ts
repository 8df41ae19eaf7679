import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.js';
import { FINANCE_OPS } from './support/admin.js';
import { auditTrail } from './support/audit-trail.js';
import { approveRequest, openedRequestId } from './support/reprocess-requests.js';
import { httpRuntime } from './support/runtime.js';

/** Registered by this journey: a finance-ops automation that touches billing, so any reprocess of it needs a second person. */
const AUTOMATION = 'supplier-credit-note-matching';
const TITLE = 'Supplier credit note matching';
const MESSAGES = 3;
const ERROR_CLASS = 'CreditNoteCurrencyMismatchError';
const REASON = 'NetSuite currency table fixed by finance systems (CHG-2291)';

test.describe('separation of duties journey', () => {
  // The matcher's runtime gave up on three credit notes: the currencies did not match.
  test.beforeAll(async ({ admin, baseUrl }) => {
    await admin.registerAutomation({
      ...FINANCE_OPS,
      slug: AUTOMATION,
      title: TITLE,
      description: 'Matches supplier credit notes from the AP inbox to open vendor bills in NetSuite and applies them before the payment run.',
      riskDomains: ['billing'],
    });
    const runtime = httpRuntime(baseUrl, await admin.createRuntimeToken({ name: 'credit note matcher e2e', team: 'finance-ops', capabilities: ['ingest', 'dead_letters'] }));
    const at = new Date().toISOString();
    const stored = await runtime.report(
      Array.from({ length: MESSAGES }, (_, n) => ({
        id: `e2e-sod-dead-letter-${n}`,
        type: 'dead_letter',
        automation: AUTOMATION,
        occurredAt: at,
        messageId: `credit_note_e2e_${n}`,
        source: { kind: 'sdk', queue: 'ap.credit-notes.match' },
        payload: { creditNote: `CN-2026-${1400 + n}`, vendor: 'V-3310', amount: 412.5, currency: 'CHF' },
        errorClass: ERROR_CLASS,
        errorMessage: 'The credit note is in CHF but the bill it settles is in EUR',
        attempts: 4,
      })),
    );
    expect(stored).toMatchObject({ accepted: MESSAGES });
  });

  test('on call asks to reprocess a billing automation, cannot approve it alone, a second operator approves it, and an admin finds both in the audit trail and exports it', async ({
    signedInAs,
    workbench,
  }) => {
    // Otto asks: the dialog says up front that a second person must approve.
    const page = await signedInAs('otto');
    await workbench.openGroup(AUTOMATION, ERROR_CLASS);
    await expect(workbench.rows).toHaveCount(MESSAGES);
    const dialog = await workbench.reprocessAllMatching();
    await dialog.getByLabel('Reason').fill(REASON);
    await dialog.getByRole('button', { name: `Ask for approval: Reprocess ${MESSAGES} messages` }).click();

    const requestId = await openedRequestId(page);
    const approval = page.getByRole('region', { name: 'Approval' });
    await expect(approval).toContainText(`Waiting for approval: ${AUTOMATION} touches billing.`);
    await expect(approval.getByRole('button', { name: 'Approve…' })).toBeDisabled();
    await expect(approval).toContainText('You asked for this request; someone else on call must approve it.');
    await expect(page.locator('[data-request-id]')).toHaveAttribute('data-state', 'awaiting_approval');

    // Oscar, second on call for finance-ops, finds it in his inbox and approves it.
    await signedInAs('oscar');
    await page.getByRole('link', { name: 'Approvals, 1 waiting for you' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Reprocess ${MESSAGES} messages of ${AUTOMATION}` })).toBeVisible();
    await approveRequest(page, requestId, { messages: MESSAGES, note: 'Checked the currency fix in NetSuite sandbox' });

    await page.goto(`/reprocess/${requestId}`);
    await expect(page.locator('[data-request-id]')).toHaveAttribute('data-state', 'running');
    await expect(page.getByRole('status').filter({ hasText: 'Approved by Oscar Operator' })).toContainText('Checked the currency fix in NetSuite sandbox');

    // Ada reads the trail of the automation: who asked, who approved, why; and exports it.
    await signedInAs('ada');
    await page.goto(`/audit?automation=${AUTOMATION}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible();
    const trail = auditTrail(page);
    const approved = trail.entries('approval.approved');
    await expect(approved).toContainText('Oscar Operator');
    await expect(approved).toContainText(`Reprocess request #${requestId}`);
    const requested = trail.entries('reprocess.requested');
    await expect(requested).toContainText('Otto Operator');
    await expect(requested).toContainText(REASON);
    await expect(trail.entries('automation.registered')).toContainText('Ada Admin');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^roundhouse-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^at,actor,actor kind,action,target kind,target id,/);
    expect(lines.some((line) => line.includes('approval.approved') && line.includes('Oscar Operator') && line.includes(requestId))).toBe(true);
    expect(lines.some((line) => line.includes('reprocess.requested') && line.includes(REASON))).toBe(true);
  });
});
