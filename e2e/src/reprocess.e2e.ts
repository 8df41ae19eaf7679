import { asAdmin } from './console.js';
import { expect, test, type Page } from './fixtures.js';

/** Registered by this journey (finance-ops, runtime kind sdk), so its runs and dead letters touch no other journey's numbers. */
const AUTOMATION = 'chargeback-evidence-submission';
const TITLE = 'Chargeback evidence submission';
const MESSAGES = 30;
const ERROR_CLASS = 'EvidenceUploadRefusedError';

/** A reprocess command as the runtime receives it (see @roundhouse/contracts, reprocess-command.v1.ts). */
interface Command {
  reprocessId: string;
  requestId: string;
  automation: string;
  deadLetterId: string;
  messageId: string;
  correlationId?: string;
  payload: unknown;
}

/**
 * A finance-ops automation whose runtime pulls reprocess commands through the SDK, and a runtime
 * token of the team that may report runs and dead letters and pick up commands.
 */
async function setUp(baseUrl: string): Promise<string> {
  const graphql = await asAdmin(baseUrl);
  await graphql(
    `
      mutation Register($input: AutomationInput!) {
        registerAutomation(input: $input) {
          slug
        }
      }
    `,
    {
      input: {
        slug: AUTOMATION,
        title: TITLE,
        description: 'Gathers delivery proof and receipts for disputed card payments and submits them to Adyen before the deadline.',
        type: 'automation',
        lifecycle: 'production',
        owner: 'finance-ops',
        onCall: { name: 'Finance ops primary' },
        runtime: { kind: 'sdk' },
      },
    },
  );
  const created = await graphql<{ createRuntimeToken: { secret: string } }>(`
    mutation {
      createRuntimeToken(input: { name: "chargeback worker reprocess e2e", team: "finance-ops", capabilities: [ingest, dead_letters, commands] }) {
        secret
      }
    }
  `);
  return created.createRuntimeToken.secret;
}

/** The runtime's side, as plain HTTP: what an SDK does under the hood. */
function runtime(baseUrl: string, token: string) {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`POST ${path} answered ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  };
  return {
    report: (events: unknown[]) => post<{ accepted: number; quarantined: number; forbidden: number }>('/ingest/v1/events', events),
    claim: (max: number) => post<{ commands: Command[] }>('/ingest/v1/commands/claim', { max }),
    ack: (reprocessIds: string[]) => post<{ acknowledged: number }>('/ingest/v1/commands/ack', { reprocessIds }),
  };
}

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
  let worker: ReturnType<typeof runtime>;

  test.beforeAll(async ({ baseUrl }) => {
    worker = runtime(baseUrl, await setUp(baseUrl));
    const at = new Date().toISOString();
    const stored = await worker.report(Array.from({ length: MESSAGES }, (_, n) => deadLetterEvent(n + 1, at)));
    expect(stored).toMatchObject({ accepted: MESSAGES, quarantined: 0, forbidden: 0 });
  });

  test('on call reprocesses a whole group, the runtime picks the commands up and reports back, and the console shows them resolved; a viewer may not act', async ({
    baseUrl,
    signedInAs,
  }) => {
    const page = await signedInAs('otto');

    // The workbench, narrowed to the group, then "everything matching".
    await page.goto(`${baseUrl}/dead-letters?automation=${AUTOMATION}`);
    const group = page.locator('tr[data-fingerprint]').filter({ hasText: ERROR_CLASS });
    await group.getByRole('button').first().click();
    await expect(page).toHaveURL(/fingerprint=/);
    await expect(page.locator('tr[data-dead-letter-id]')).toHaveCount(MESSAGES);
    await page.getByRole('button', { name: 'Reprocess all matching…' }).click();

    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: `Reprocess ${MESSAGES} messages` });
    await expect(confirm).toBeVisible();
    await expect(dialog).toContainText(`${MESSAGES} dead letters will be sent back to their runtimes`);
    await expect(dialog.getByRole('row', { name: new RegExp(TITLE) })).toContainText('picked up by the runtime through the Roundhouse SDK');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('Reason').fill('Adyen reopened the defense period (INC-5120)');
    await expect(confirm).toBeEnabled();
    await confirm.click();

    await expect(page).toHaveURL(/\/reprocess\/\d+$/);
    const requestId = /\/reprocess\/(\d+)$/.exec(page.url())?.[1] ?? '';
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Reprocess ${MESSAGES} dead letters`) })).toBeVisible();
    await expect(page.getByText('Adyen reopened the defense period (INC-5120)').first()).toBeVisible();

    // The runtime: claim the commands offered to it, acknowledge them, handle them, report each run.
    const commands: Command[] = [];
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
    const audit = page.getByRole('table', { name: 'Audit trail, newest first' });
    await expect(audit.getByRole('row', { name: /Reprocess requested/ })).toBeVisible();
    await expect(audit.getByRole('row', { name: /Finished sending/ })).toBeVisible();

    // One of the dead letters: resolved, with the reprocess in its history.
    const first = commands[0] as Command;
    await page.goto(`${baseUrl}/dead-letters/${first.deadLetterId}`);
    await expect(page.getByRole('heading', { level: 1, name: /Resolved/ })).toBeVisible();
    const history = page.getByRole('table', { name: 'Reprocesses and discards of this message, newest first' });
    const entry = history.getByRole('row', { name: new RegExp(`Reprocess #${requestId}`) });
    await expect(entry).toContainText('Otto Operator');
    await expect(entry).toContainText('Succeeded');
    await expect(entry).toContainText(first.reprocessId);

    // A viewer sees the same dead letters, and cannot act on them.
    await signedInAs('vera');
    await page.goto(`${baseUrl}/dead-letters?automation=${AUTOMATION}&status=any`);
    const toolbar = page.getByRole('toolbar', { name: 'Act on dead letters' });
    const reprocessAll = toolbar.getByRole('button', { name: 'Reprocess all matching…' });
    await expect(toolbar).toContainText('Your role (Viewer) cannot reprocess or discard dead letters.');
    await expect(reprocessAll).toBeDisabled();
    await expect(toolbar.getByRole('button', { name: 'Discard all matching…' })).toBeDisabled();
    await expect(page.getByRole('checkbox')).toHaveCount(0);

    await page.goto(`${baseUrl}/dead-letters/${first.deadLetterId}`);
    const reprocessOne = page.getByRole('button', { name: 'Reprocess', exact: true });
    await expect(reprocessOne).toBeDisabled();
  });
});
