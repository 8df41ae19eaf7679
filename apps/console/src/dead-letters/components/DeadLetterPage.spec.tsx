import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { descriptionOf } from '@/test/dom';
import { aDeadLetter, aDeadLetterAction, aReprocessPreview, aReprocessRequest, aViewer, anAuditPage, anAutomation } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { DeadLetterPage } from './DeadLetterPage';

describe(DeadLetterPage.name, () => {
  it('shows the message with its context, a masked payload with a notice, its headers and the automation’s runbook', async () => {
    const api = mockApi({
      DeadLetter: () => ({
        data: { deadLetter: aDeadLetter({ payloadMasked: true, payload: '{\n  "dealId": "deal-4711",\n  "iban": "••••"\n}' }) },
      }),
      Automation: () => ({ data: { automation: anAutomation() } }),
    });
    renderApp('/dead-letters/dl-0001');

    expect(await screen.findByRole('heading', { level: 1, name: /NetSuiteValidationError/ })).toBeTruthy();
    expect(api.calls('DeadLetter')[0]?.variables).toEqual({ id: 'dl-0001' });
    expect(screen.getByText('Some fields are hidden: your role cannot see payloads.')).toBeTruthy();
    expect(screen.getByLabelText('Payload as received').textContent).toBe('{\n  "dealId": "deal-4711",\n  "iban": "••••"\n}');

    const facts = screen.getByRole('region', { name: 'Where it came from' });
    expect(within(facts).getByRole('link', { name: 'deal-4711' }).getAttribute('href')).toBe('/trail/deal-4711');
    expect(within(facts).getByRole('link', { name: 'Invoice generation from closed-won deals' }).getAttribute('href')).toBe('/automations/invoice-generation');
    expect(facts.textContent).toContain('invoices.generate.dlq');
    expect(facts.textContent).toContain('msg-5f2c');
    expect(facts.textContent).toContain('run-0001');

    const headers = screen.getByRole('table', { name: 'Message headers' });
    expect(within(headers).getByRole('row', { name: 'x-death-count 1' })).toBeTruthy();

    expect(await screen.findByRole('heading', { name: 'Failed invoices — triage and reprocess dead letters' })).toBeTruthy();
    expect(await screen.findByText('Every failed message is a customer who was not invoiced.')).toBeTruthy();
  });

  it.each([
    {
      who: 'an operator of another team',
      viewer: aViewer({ id: 'rita', name: 'Rita', role: 'operator', teams: ['revenue-ops'] }),
      notice: 'Some fields are hidden: this is another team’s payload (finance-ops).',
      who2: 'People on the finance-ops team or an admin can see them.',
    },
    {
      who: 'a viewer',
      viewer: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }),
      notice: 'Some fields are hidden: your role cannot see payloads.',
      who2: 'An owner of the automation or an admin can see them.',
    },
  ])('tells $who why payload fields are hidden', async ({ viewer, notice, who2 }) => {
    mockApi({
      Viewer: () => ({ data: viewer }),
      DeadLetter: () => ({ data: { deadLetter: aDeadLetter({ payloadMasked: true, payload: '{\n  "iban": "••••"\n}' }) } }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
    });
    renderApp('/dead-letters/dl-0001');

    const note = await screen.findByText(notice);
    expect(note.closest('p')?.textContent).toContain(who2);
  });

  it('shows the payload without a notice when nothing was masked', async () => {
    mockApi({ DeadLetter: () => ({ data: { deadLetter: aDeadLetter() } }), Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }) });
    renderApp('/dead-letters/dl-0001');

    expect((await screen.findByLabelText('Payload as received')).textContent).toContain('"customerId": "CUST-88213"');
    expect(screen.queryByText('Some fields are hidden: your role cannot see payloads.')).toBeNull();
  });

  it('shows numbers as the message wrote them (64-bit integers, trailing zeros), with the body’s content type, encoding and size', async () => {
    const payload = '{\n  "ledgerId": 9007199254740993,\n  "amount": 10.50,\n  "currency": "EUR"\n}';
    mockApi({
      DeadLetter: () => ({ data: { deadLetter: aDeadLetter({ payload, contentType: 'application/json; charset=utf-8', contentEncoding: 'gzip', bodyBytes: 1234 }) } }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
    });
    renderApp('/dead-letters/dl-0001');

    const shown = (await screen.findByLabelText('Payload as received')).textContent ?? '';
    expect(shown).toContain('"ledgerId": 9007199254740993');
    expect(shown).toContain('"amount": 10.50');
    expect(screen.getByLabelText('Body').textContent).toBe('application/json; charset=utf-8 · encoded gzip · 1,234 bytes');
  });

  it('says that a body which is not text is shown as base64 and goes back as its bytes', async () => {
    mockApi({
      DeadLetter: () => ({ data: { deadLetter: aDeadLetter({ payload: '3q2+7w==', payloadFormat: 'base64', contentType: null, bodyBytes: 4 }) } }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
    });
    renderApp('/dead-letters/dl-0001');

    expect((await screen.findByLabelText('Payload as received')).textContent).toBe('3q2+7w==');
    expect(screen.getByText('This body is not text, so it is shown as base64. A reprocess sends its bytes back exactly as they came.')).toBeTruthy();
    expect(screen.getByLabelText('Body').textContent).toBe('no content type · 4 bytes');
  });

  it('says so when there is no such dead letter', async () => {
    mockApi({ DeadLetter: ({ id }) => graphqlError('NOT_FOUND', `No dead letter "${id}"`) });
    renderApp('/dead-letters/dl-gone');

    const notFound = await screen.findByRole('region', { name: 'No dead letter dl-gone' });
    expect(within(notFound).getByRole('link', { name: 'Back to dead letters' }).getAttribute('href')).toBe('/dead-letters');
  });

  it('shows what was done about it: each reprocess with its outcome and key, and the dead letter it failed again from', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      DeadLetter: () => ({
        data: {
          deadLetter: aDeadLetter({
            id: '140',
            status: 'failed_again',
            reprocessOf: '101',
            actions: [
              aDeadLetterAction({
                requestId: '13',
                state: 'failed',
                attempts: 2,
                lastError: 'failed again',
                newDeadLetterId: '141',
                finishedAt: '2026-11-27T10:00:00Z',
              }),
              aDeadLetterAction({ requestId: '12', route: 'sdk', state: 'cancelled', requestState: 'cancelled', reason: 'Wrong group' }),
            ],
          }),
        },
      }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
    });
    renderApp('/dead-letters/140');

    const again = await screen.findByText(/Failed again after reprocessing/);
    expect(again.textContent).toBe('Failed again after reprocessing dead letter #101');
    expect(within(again).getByRole('link', { name: 'dead letter #101' }).getAttribute('href')).toBe('/dead-letters/101');

    const history = screen.getByRole('table', { name: 'Reprocesses and discards of this message, newest first' });
    const failed = within(history).getByRole('row', { name: /Reprocess #13/ });
    expect(within(failed).getByRole('link', { name: 'Reprocess #13' }).getAttribute('href')).toBe('/reprocess/13');
    expect(failed.textContent).toContain('Otto Operator');
    expect(failed.textContent).toContain('NetSuite fixed the billing addresses (INC-4211)');
    expect(failed.textContent).toContain('RabbitMQ republish');
    expect(failed.textContent).toContain('Failed');
    expect(failed.textContent).toContain('2 tries');
    expect(failed.textContent).toContain('failed again');
    expect(failed.textContent).toContain('5b0c8f8e-3f0e-4c59-9a53-2f7a1e0c9d11');
    expect(within(failed).getByRole('link', { name: 'dead letter #141' }).getAttribute('href')).toBe('/dead-letters/141');
    const cancelled = within(history).getByRole('row', { name: /Reprocess #12/ });
    expect(cancelled.textContent).toContain('SDK pull');
    expect(cancelled.textContent).toContain('Wrong group');
  });

  it('reads the newest error at the top and keeps the one it failed with before it failed again', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      DeadLetter: () => ({
        data: {
          deadLetter: aDeadLetter({
            id: '150',
            status: 'failed_again',
            errorClass: 'AdyenRateLimited',
            errorMessage: 'Adyen answered 429 Too Many Requests for payout po_9003; retry after 30 s',
            earlierErrors: [{ errorClass: 'BankAccountClosed', errorMessage: 'NetSuite refused payout po_4711: bank account 553 is closed', until: '2026-11-27T10:00:00Z' }],
          }),
        },
      }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
    });
    renderApp('/dead-letters/150');

    expect(await screen.findByRole('heading', { level: 1, name: /AdyenRateLimited/ })).toBeTruthy();
    const earlier = screen.getByRole('list', { name: 'Earlier errors, newest first' });
    const [item] = within(earlier).getAllByRole('listitem');
    expect(item?.textContent).toContain('BankAccountClosed');
    expect(item?.textContent).toContain('NetSuite refused payout po_4711: bank account 553 is closed');
    expect(
      within(item as HTMLElement)
        .getByRole('time')
        .getAttribute('datetime'),
    ).toBe('2026-11-27T10:00:00Z');
  });

  it('reprocesses this one message through the same dialog, with its id as the selection', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      DeadLetter: () => ({ data: { deadLetter: aDeadLetter({ id: '101' }) } }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
      ReprocessPreview: ({ action }) => ({ data: { reprocessPreview: aReprocessPreview({ action, count: 1 }) } }),
      StartReprocess: () => ({ data: { startReprocess: aReprocessRequest({ id: '14', total: 1 }) } }),
      ReprocessRequest: () => ({ data: { reprocessRequest: aReprocessRequest({ id: '14', total: 1 }) } }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/dead-letters/101');
    await screen.findByRole('heading', { level: 1, name: /NetSuiteValidationError/ });
    const discard = screen.getByRole<HTMLButtonElement>('button', { name: 'Discard' });
    await waitFor(() => expect(discard.disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Reprocess' }));

    const dialog = await screen.findByRole('dialog', { name: 'Reprocess dead letter #101?' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Customer fixed the address' } });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Reprocess 1 message' }));

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/reprocess/14'));
    expect(api.calls('ReprocessPreview')[0]?.variables).toEqual({ action: 'reprocess', selection: { ids: ['101'] } });
    expect(api.calls('StartReprocess')[0]?.variables).toMatchObject({ input: { selection: { ids: ['101'] }, expectedCount: 1, reason: 'Customer fixed the address' } });
  });

  it.each([
    {
      who: 'a viewer',
      viewer: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }),
      deadLetter: aDeadLetter({ id: '101' }),
      why: 'Your role (Viewer) cannot reprocess or discard dead letters. An operator or owner of the automation’s team can.',
    },
    {
      who: 'an operator of another team',
      viewer: aViewer({ id: 'rita', name: 'Rita', role: 'operator', teams: ['revenue-ops'] }),
      deadLetter: aDeadLetter({ id: '101' }),
      why: 'Only people on the finance-ops team (or an admin) can reprocess or discard its dead letters.',
    },
    {
      who: 'anyone, once the message is resolved',
      viewer: aViewer(),
      deadLetter: aDeadLetter({ id: '101', status: 'resolved' }),
      why: 'It is resolved: a reprocess of it succeeded.',
    },
  ])('offers no reprocess or discard to $who, and says why', async ({ viewer, deadLetter, why }) => {
    mockApi({
      Viewer: () => ({ data: viewer }),
      DeadLetter: () => ({ data: { deadLetter } }),
      Automation: () => ({ data: { automation: anAutomation({ runbooks: [] }) } }),
    });
    renderApp('/dead-letters/101');

    const reprocess = await screen.findByRole<HTMLButtonElement>('button', { name: 'Reprocess' });
    await waitFor(() => expect(descriptionOf(reprocess)).toBe(why));
    expect(reprocess.disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Discard' }).disabled).toBe(true);
    fireEvent.click(reprocess);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
