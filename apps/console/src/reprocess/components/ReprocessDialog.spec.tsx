import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeadLetterRowFragment, DeadLettersQuery, ReprocessPreviewQueryVariables } from '@/gql/graphql';
import { descriptionOf, valueOf } from '@/test/dom';
import { aDeadLetterGroup, aDeadLetterRow, aReprocessPreview, aReprocessPreviewPart, aReprocessRequest, aViewer, anAuditPage } from '@/test/factories';
import { type Handlers, graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { ReprocessDialog } from './ReprocessDialog';

function page(deadLetters: DeadLetterRowFragment[]): { data: DeadLettersQuery } {
  return { data: { deadLetters: { pageInfo: { hasNextPage: false, endCursor: null }, edges: deadLetters.map((node) => ({ cursor: node.id, node })) } } };
}

const ROWS = [aDeadLetterRow({ id: '101' }), aDeadLetterRow({ id: '102', correlationId: 'deal-4712' }), aDeadLetterRow({ id: '103', correlationId: 'deal-4713' })];

/** The preview counts ids one by one, and a filter as 1,234 (the whole backlog). */
function previewOf({ action, selection }: ReprocessPreviewQueryVariables) {
  const count = Array.isArray(selection.ids) ? selection.ids.length : 1234;
  return { data: { reprocessPreview: aReprocessPreview({ action, count, parts: [aReprocessPreviewPart({ count })] }) } };
}

/** The workbench with three pending dead letters of invoice-generation, for an operator of its team. */
function workbench(overrides: Handlers = {}) {
  return mockApi({
    Viewer: () => ({ data: aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator' }) }),
    AutomationOptions: () => ({ data: { automations: { edges: [] } } }),
    DeadLetterGroups: () => ({ data: { deadLetterGroups: [aDeadLetterGroup()] } }),
    DeadLetters: () => page(ROWS),
    ReprocessPreview: previewOf,
    ReprocessRequest: ({ id }) => ({ data: { reprocessRequest: aReprocessRequest({ id: String(id) }) } }),
    AuditEntries: () => ({ data: anAuditPage([]) }),
    ...overrides,
  });
}

async function openDialog(button: string, url = '/dead-letters') {
  renderApp(url);
  await screen.findByRole('checkbox', { name: 'Select dead letter 101: NetSuiteValidationError' });
  fireEvent.click(screen.getByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

/** Opens the dialog from the workbench already on screen. */
async function openDialogAgain(button: string) {
  fireEvent.click(await screen.findByRole('button', { name: button }));
  return screen.findByRole('dialog');
}

function confirmButton(dialog: HTMLElement, name: string | RegExp): HTMLButtonElement {
  return within(dialog).getByRole<HTMLButtonElement>('button', { name });
}

describe(ReprocessDialog.name, () => {
  it('shows the previewed count and where the messages go, refuses to confirm without a reason, and names the count on the button', async () => {
    const api = workbench();
    renderApp('/dead-letters');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select dead letter 101: NetSuiteValidationError' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select dead letter 103: NetSuiteValidationError' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Act on dead letters' });
    expect(toolbar.textContent).toContain('2 selected dead letters');
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Reprocess 2 selected' }));

    const dialog = await screen.findByRole('dialog', { name: 'Reprocess 2 selected dead letters?' });
    expect(await within(dialog).findByText('2 dead letters will be sent back to their runtimes, at the pace you set below.')).toBeTruthy();
    expect(api.calls('ReprocessPreview')[0]?.variables).toEqual({ action: 'reprocess', selection: { ids: ['101', '103'] } });
    const part = within(dialog).getByRole('row', { name: /Invoice generation from closed-won deals/ });
    expect(part.textContent).toContain('RabbitMQ republish');
    expect(part.textContent).toContain('republished to RabbitMQ (the original exchange and routing key, e.g. "finance")');
    expect(part.textContent).toContain('None');

    // Nothing happens without a reason.
    const confirm = confirmButton(dialog, 'Reprocess 2 messages');
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'NetSuite fixed the billing addresses (INC-4211)' } });
    expect(confirm.disabled).toBe(false);

    // The velocity says how long sending takes, and refuses what the api would.
    const velocity = within(dialog).getByLabelText('Velocity (messages a second)');
    expect(valueOf(velocity)).toBe('100');
    expect(descriptionOf(velocity)).toContain('Under a second at 100 messages a second.');
    fireEvent.change(velocity, { target: { value: '20000' } });
    expect(descriptionOf(velocity)).toContain('Enter a whole number of messages per second from 1 to 10,000.');
    expect(confirm.disabled).toBe(true);
    fireEvent.change(velocity, { target: { value: '1' } });
    expect(descriptionOf(velocity)).toContain('About 2 s at 1 message a second.');
    expect(confirm.disabled).toBe(false);

    // Cancel leaves everything as it was.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('StartReprocess')).toHaveLength(0);
  });

  it('starts the request with the count that was shown, and opens its page even as the list empties under the dialog', async () => {
    let started = false;
    const api = workbench({
      // Once started, the messages are no longer pending: the list the dialog was opened from empties.
      DeadLetters: () => page(started ? [] : ROWS),
      StartReprocess: ({ input }) => {
        started = true;
        const total = input.expectedCount ?? 0;
        const progress = { queued: total, dispatched: 0, acknowledged: 0, succeeded: 0, failed: 0, cancelled: 0 };
        return { data: { startReprocess: aReprocessRequest({ id: '42', total, progress }) } };
      },
    });
    const dialog = await openDialog('Reprocess all matching…');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'NetSuite fixed the billing addresses (INC-4211)' } });
    fireEvent.change(within(dialog).getByLabelText('Velocity (messages a second)'), { target: { value: '250' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Reprocess 1,234 messages' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reprocess/42'));
    expect(api.calls('StartReprocess')[0]?.variables).toEqual({
      input: {
        action: 'reprocess',
        selection: { filter: { needsAction: true, teams: ['finance-ops'] } },
        reason: 'NetSuite fixed the billing addresses (INC-4211)',
        velocity: 250,
        expectedCount: 1234,
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: /Reprocess 1,234 dead letters/ })).toBeTruthy();
  }, 10_000); // two pages, and the request page's chart loads lazily

  it('starts with a canary: a first slice in percent or messages and a failure threshold, said in words and sent with the request', async () => {
    const api = workbench({
      StartReprocess: ({ input }) => ({ data: { startReprocess: aReprocessRequest({ id: '43', total: input.expectedCount ?? 0 }) } }),
    });
    const dialog = await openDialog('Reprocess all matching…');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'NetSuite fixed the billing addresses (INC-4211)' } });
    const canary = within(dialog).getByRole('checkbox', { name: 'Start with a canary' });
    expect(descriptionOf(canary)).toContain('not the broker’s acknowledgement');
    expect(within(dialog).queryByLabelText('First slice')).toBeNull();
    fireEvent.click(canary);

    // 10% of 1,234 rounds up to 124 messages; at most 20% of them may fail again.
    expect(valueOf(within(dialog).getByLabelText('First slice'))).toBe('10');
    expect(within(dialog).getByTestId('canary-plan').textContent).toBe(
      'The first 124 messages go out alone. The other 1,110 follow only when the runtime has reported every outcome of the first and at most 20% of them failed again; otherwise the request stops and they wait again.',
    );
    // A slice that leaves nothing for after it cannot be confirmed.
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Slice in' }), { target: { value: 'count' } });
    fireEvent.change(within(dialog).getByLabelText('First slice'), { target: { value: '1234' } });
    expect(within(dialog).getByRole('alert').textContent).toBe('The first slice must be smaller than the 1,234 messages selected.');
    expect(confirmButton(dialog, 'Reprocess 1,234 messages').disabled).toBe(true);

    fireEvent.change(within(dialog).getByLabelText('First slice'), { target: { value: '50' } });
    fireEvent.change(within(dialog).getByLabelText('Most that may fail again (%)'), { target: { value: '5' } });
    expect(within(dialog).getByTestId('canary-plan').textContent).toContain('The first 50 messages go out alone. The other 1,184 follow');
    fireEvent.click(confirmButton(dialog, 'Reprocess 1,234 messages'));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reprocess/43'));
    expect(api.calls('StartReprocess')[0]?.variables).toEqual({
      input: {
        action: 'reprocess',
        selection: { filter: { needsAction: true, teams: ['finance-ops'] } },
        reason: 'NetSuite fixed the billing addresses (INC-4211)',
        velocity: 100,
        expectedCount: 1234,
        canary: { count: 50, maxFailureRate: 0.05 },
      },
    });
  }, 10_000);

  it('shows the api’s canary problem beside the canary, and offers no canary for a discard', async () => {
    workbench({
      StartReprocess: () =>
        graphqlError('BAD_USER_INPUT', 'The canary is not valid.', [
          { path: 'canary.count', message: 'a first slice of 1230 leaves nothing for after it: the request holds 1230 dead letter(s)', found: '1230' },
        ]),
    });
    const dialog = await openDialog('Reprocess all matching…');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Stripe is answering again' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Start with a canary' }));
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Slice in' }), { target: { value: 'count' } });
    fireEvent.change(within(dialog).getByLabelText('First slice'), { target: { value: '1230' } });
    fireEvent.click(confirmButton(dialog, 'Reprocess 1,234 messages'));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('a first slice of 1230 leaves nothing for after it: the request holds 1230 dead letter(s)');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    const discard = await openDialogAgain('Discard all matching…');
    await within(discard).findByRole('button', { name: /^Discard 1,234 messages/ });
    expect(within(discard).queryByRole('checkbox', { name: 'Start with a canary' })).toBeNull();
  });

  it('acts on everything the URL’s filters match; a discard is a danger button that says they will not be retried', async () => {
    const api = workbench();
    const dialog = await openDialog('Discard all matching…', '/dead-letters?automation=invoice-generation&q=billing');

    expect(
      within(dialog).getByRole('heading', { name: 'Discard every pending or failed-again dead letter of invoice-generation owned by finance-ops with “billing” in the error?' }),
    ).toBeTruthy();
    const confirm = await within(dialog).findByRole<HTMLButtonElement>('button', { name: 'Discard 1,234 messages — they will not be retried' });
    expect(confirm.className).toContain('button--danger');
    expect(within(dialog).getByText('1,234 dead letters will be set aside as discarded. Nothing is sent, and they will not be retried.')).toBeTruthy();
    expect(api.calls('ReprocessPreview')[0]?.variables).toEqual({
      action: 'discard',
      selection: { filter: { automation: 'invoice-generation', needsAction: true, teams: ['finance-ops'], search: 'billing' } },
    });
  });

  it('shows the api’s field problems beside the inputs, and keeps what was typed', async () => {
    workbench({
      StartReprocess: () =>
        graphqlError('BAD_USER_INPUT', 'The request is not valid.', [
          { path: 'reason', message: 'say why, in a few words (it goes in the audit trail)', found: '"ok"' },
          { path: 'velocity', message: 'messages per second', found: '0', allowed: '1 to 10000' },
        ]),
    });
    const dialog = await openDialog('Reprocess all matching…');
    const confirm = await within(dialog).findByRole<HTMLButtonElement>('button', { name: 'Reprocess 1,234 messages' });
    const reason = within(dialog).getByLabelText('Reason');
    fireEvent.change(reason, { target: { value: 'ok' } });
    fireEvent.click(confirm);

    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(reason)).toContain('Say why, in a few words (it goes in the audit trail). Found: "ok".');
    const velocity = within(dialog).getByLabelText('Velocity (messages a second)');
    expect(descriptionOf(velocity)).toContain('Messages per second. Found: 0. Allowed: 1 to 10000.');
    expect(valueOf(reason)).toBe('ok');
    expect(screen.getByRole('dialog')).toBe(dialog);

    // Fixing the reason clears its problem straight away; the velocity's stays until it is changed or sent again.
    fireEvent.change(reason, { target: { value: 'Stripe is answering again' } });
    expect(reason.getAttribute('aria-invalid')).toBeNull();
    expect(descriptionOf(velocity)).toContain('Messages per second.');
    expect(screen.getByTestId('location').textContent).toBe('/dead-letters');
  });

  it('says so when the selection grew since it was counted, and counts again without losing the reason', async () => {
    let counted = 0;
    workbench({
      ReprocessPreview: ({ action }) => {
        counted += 1;
        const count = counted === 1 ? 1234 : 1240;
        return { data: { reprocessPreview: aReprocessPreview({ action, count, parts: [aReprocessPreviewPart({ count })] }) } };
      },
      StartReprocess: () =>
        graphqlError('CONFLICT', 'The selection now holds 1240 dead letters, more than the 1234 you confirmed. Preview it again.', [
          { path: 'expectedCount', message: 'The selection now holds 1240 dead letters, more than the 1234 you confirmed. Preview it again.' },
        ]),
    });
    const dialog = await openDialog('Reprocess all matching…');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Stripe is answering again' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Reprocess 1,234 messages' }));

    const problem = await within(dialog).findByRole('alert');
    expect(problem.textContent).toContain('Nothing was started: the selection changed.');
    expect(problem.textContent).toContain('more than the 1234 you confirmed');
    fireEvent.click(within(problem).getByRole('button', { name: 'Count again' }));

    expect(await within(dialog).findByRole('button', { name: 'Reprocess 1,240 messages' })).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(valueOf(within(dialog).getByLabelText('Reason'))).toBe('Stripe is answering again');
  });

  it('cannot be confirmed when the preview says the viewer may not act on an automation in it', async () => {
    workbench({
      ReprocessPreview: ({ action }) => ({
        data: {
          reprocessPreview: aReprocessPreview({
            action,
            count: 5,
            blockedReason: 'Only people on the owning team can act on dead letters of payout-reconciliation.',
            parts: [
              aReprocessPreviewPart({ count: 3 }),
              aReprocessPreviewPart({
                automation: { slug: 'payout-reconciliation', title: 'Payout reconciliation' },
                sourceKind: 'sdk',
                route: 'sdk',
                destination: 'picked up by the runtime through the Roundhouse SDK',
                count: 2,
                allowed: false,
              }),
            ],
          }),
        },
      }),
    });
    const dialog = await openDialog('Reprocess all matching…');
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'You cannot do this. Only people on the owning team can act on dead letters of payout-reconciliation.',
    );
    expect(within(dialog).getByRole('row', { name: /Payout reconciliation/ }).textContent).toContain('Not allowed');
    // The 2 an SDK runtime pulls go at its pace: the estimate says it is a ceiling, and why.
    expect(descriptionOf(within(dialog).getByLabelText('Velocity (messages a second)'))).toContain(
      "Under a second at 100 messages a second at the most: the runtime's SDK pulls 2 of these and handles only a few at a time",
    );
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Stripe is answering again' } });
    expect(confirmButton(dialog, 'Reprocess 5 messages').disabled).toBe(true);
  });

  it('warns before submitting when the request will wait for approval, and says why', async () => {
    workbench({
      ReprocessPreview: ({ action }) => ({
        data: {
          reprocessPreview: aReprocessPreview({
            action,
            approvalReasons: ['1234 messages is more than the 100 one person may reprocess alone', 'invoice-generation touches revenue and billing'],
          }),
        },
      }),
    });
    const dialog = await openDialog('Reprocess all matching…');
    const warning = await within(dialog).findByRole('note');
    expect(warning.textContent).toBe(
      'This request will wait for approval. 1234 messages is more than the 100 one person may reprocess alone; invoice-generation touches revenue and billing. Nothing is sent until someone else on call approves it; you will find it under Approvals.',
    );
    expect(confirmButton(dialog, 'Ask for approval: Reprocess 1,234 messages')).toBeTruthy();
  });
});
