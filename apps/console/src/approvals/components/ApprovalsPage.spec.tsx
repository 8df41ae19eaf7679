import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { aCanary, aReprocessRequest, aViewer, anAutomationChange } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { ApprovalsPage } from './ApprovalsPage';

const OSCAR = aViewer({ id: 'oscar', name: 'Oscar Operator', role: 'operator' });
const OLGA = aViewer({ id: 'olga', name: 'Olga Owner', role: 'owner' });

const waiting = aReprocessRequest({
  id: '31',
  state: 'awaiting_approval',
  total: 240,
  approvalReasons: ['240 messages is more than the 100 one person may reprocess alone', 'invoice-generation touches revenue and billing'],
  canDecide: true,
  canReject: true,
  progress: { queued: 240, dispatched: 0, acknowledged: 0, succeeded: 0, failed: 0, cancelled: 0 },
});

describe(ApprovalsPage.name, () => {
  it('names the selection by its errors, automation and a sample message, not by a hash', async () => {
    const request = aReprocessRequest({
      ...waiting,
      selection: 'every dead letter with group cb33978008a1, status pending',
      errorGroups: [
        {
          automation: 'invoice-generation',
          errorClass: 'NetSuiteValidationError',
          count: 200,
          sampleDeadLetterId: '101',
          sampleMessageId: 'msg-5f2c',
          sampleError: 'customer record CUST-88213 has no billing address for subsidiary 2',
        },
        {
          automation: 'invoice-generation',
          errorClass: 'TimeoutError',
          count: 30,
          sampleDeadLetterId: '140',
          sampleMessageId: 'msg-77aa',
          sampleError: 'NetSuite did not answer in 30s',
        },
      ],
    });
    mockApi({
      Viewer: () => ({ data: OSCAR }),
      Approvals: () => ({ data: { approvals: { waitingForYou: 1, reprocessRequests: [request], automationChanges: [] } } }),
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'Reprocess request #31' });
    const which = within(card).getByRole('list', { name: 'Which dead letters' });
    const items = within(which)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      'NetSuiteValidationError in invoice-generation: 200 messages, such as msg-5f2c — “customer record CUST-88213 has no billing address for subsidiary 2”',
      'TimeoutError in invoice-generation: 30 messages, such as msg-77aa — “NetSuite did not answer in 30s”',
      'and 10 messages failing in other ways',
    ]);
    expect(within(which).getByRole('link', { name: 'msg-5f2c' }).getAttribute('href')).toBe('/dead-letters/101');
    expect(card.textContent).not.toContain('cb33978008a1');
  });

  it('tells the approver a request starts with a canary: the slice, the threshold, and that the approval covers it all', async () => {
    const request = aReprocessRequest({ ...waiting, canary: aCanary({ stage: 'awaiting_approval', size: 24, rest: 216, sent: 0, awaiting: 0, succeeded: 0, failed: 0 }) });
    mockApi({
      Viewer: () => ({ data: OSCAR }),
      Approvals: () => ({
        data: { approvals: { waitingForYou: 1, reprocessRequests: [request, aReprocessRequest({ ...waiting, id: '32', canary: null })], automationChanges: [] } },
      }),
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'Reprocess request #31' });
    expect(within(card).getByTestId('approval-canary').textContent).toBe(
      'Starts with a canary. The first 24 messages go out alone. The other 216 follow only when the runtime has reported every outcome of the first and at most 20% of them failed again; otherwise the request stops and they wait again. Your approval covers the whole request.',
    );
    expect(within(screen.getByRole('article', { name: 'Reprocess request #32' })).queryByTestId('approval-canary')).toBeNull();
  });

  it('lists what waits for the viewer with why and how many, and approves with a note', async () => {
    let inbox = { waitingForYou: 1, reprocessRequests: [waiting], automationChanges: [] as AutomationChangeItemFragment[] };
    const api = mockApi({
      Viewer: () => ({ data: OSCAR }),
      Approvals: () => ({ data: { approvals: inbox } }),
      ApproveReprocess: () => {
        inbox = { waitingForYou: 0, reprocessRequests: [], automationChanges: [] };
        return { data: { approveReprocess: { ...waiting, state: 'running', canDecide: false } } };
      },
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'Reprocess request #31' });
    expect(within(card).getByRole('link', { name: 'Reprocess 240 messages of invoice-generation' }).getAttribute('href')).toBe('/reprocess/31');
    expect(card.textContent).toContain('Asked by Otto Operator');
    expect(card.textContent).toContain('NetSuite fixed the billing addresses (INC-4211)');
    expect(card.textContent).toContain('240 messages is more than the 100 one person may reprocess alone; invoice-generation touches revenue and billing.');
    expect(screen.getByRole('link', { name: 'Approvals, 1 waiting for you' })).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Approve…' }));
    const dialog = screen.getByRole('dialog', { name: 'Approve request #31?' });
    fireEvent.change(within(dialog).getByLabelText('Note (optional)'), { target: { value: 'Checked with treasury' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve — send 240 messages' }));

    await waitFor(() => expect(api.calls('ApproveReprocess')[0]?.variables).toEqual({ id: '31', note: 'Checked with treasury' }));
    expect(await screen.findByText('Nothing waits for your approval')).toBeTruthy();
  });

  it('shows the requester their own request as waiting for someone else: Approve disabled with the reason, Withdraw needs a reason', async () => {
    const own = { ...waiting, canDecide: false, decideBlockedReason: 'You asked for this request; someone else on call must approve it.' };
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator' }) }),
      Approvals: () => ({ data: { approvals: { waitingForYou: 0, reprocessRequests: [own], automationChanges: [] } } }),
      RejectReprocess: () => ({ data: { rejectReprocess: { ...own, state: 'cancelled' } } }),
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'Reprocess request #31' });
    expect(card.textContent).toContain('Waiting for someone else on call.');
    const approve = within(card).getByRole<HTMLButtonElement>('button', { name: 'Approve…' });
    expect(approve.disabled).toBe(true);
    expect(within(card).getByText('You asked for this request; someone else on call must approve it.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Nothing waits for your decision.');

    fireEvent.click(within(card).getByRole('button', { name: 'Withdraw…' }));
    const dialog = screen.getByRole('dialog', { name: 'Withdraw request #31?' });
    const confirm = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Withdraw — nothing is applied' });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Wrong filter' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(api.calls('RejectReprocess')[0]?.variables).toEqual({ id: '31', reason: 'Wrong filter' }));
  });

  it('shows an SLO change as before → after, and rejects it with the reason', async () => {
    const api = mockApi({
      Viewer: () => ({ data: OLGA }),
      Approvals: () => ({ data: { approvals: { waitingForYou: 1, reprocessRequests: [], automationChanges: [anAutomationChange()] } } }),
      RejectAutomationChange: () => ({ data: { rejectAutomationChange: anAutomationChange({ state: 'rejected', canDecide: false, canReject: false }) } }),
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'SLO change to Card dispute evidence' });
    expect(card.textContent).toContain('Asked by Omar Owner');
    expect(within(card).getByRole('listitem').textContent).toBe('disputes-submitted: objective 99% → 97.5%; window 30d → 28d');
    expect(within(card).getByRole<HTMLButtonElement>('button', { name: 'Approve…' }).disabled).toBe(false);

    fireEvent.click(within(card).getByRole('button', { name: 'Reject…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reject the SLO change to Card dispute evidence?' });
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: '97.5% would hide a broken PSP integration' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reject — nothing is applied' }));
    await waitFor(() => expect(api.calls('RejectAutomationChange')[0]?.variables).toEqual({ id: '7', reason: '97.5% would hide a broken PSP integration' }));
  });

  it('shows a move of a risk-domain automation as a change for the owner team, with what moves', async () => {
    const api = mockApi({
      Viewer: () => ({ data: OLGA }),
      Approvals: () => ({
        data: {
          approvals: {
            waitingForYou: 1,
            reprocessRequests: [],
            automationChanges: [
              anAutomationChange({ requestedBy: { id: 'ada', name: 'Ada Admin' }, sloChanges: [], changes: ['owner team: finance-ops → order-ops (it touches revenue)'] }),
            ],
          },
        },
      }),
      ApproveAutomationChange: () => ({ data: { approveAutomationChange: anAutomationChange({ state: 'approved', canDecide: false, canReject: false }) } }),
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'Change to Card dispute evidence' });
    expect(card.textContent).toContain('an owner on the finance-ops team approves moving it');
    expect(within(card).getByRole('listitem').textContent).toBe('owner team: finance-ops → order-ops (it touches revenue)');
    fireEvent.click(within(card).getByRole('button', { name: 'Approve…' }));
    const dialog = screen.getByRole('dialog', { name: /the change to Card dispute evidence/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve — apply the change' }));
    await waitFor(() => expect(api.calls('ApproveAutomationChange')[0]?.variables).toMatchObject({ id: '7' }));
  });

  it('says so when nothing waits', async () => {
    mockApi({
      Viewer: () => ({ data: OSCAR }),
      Approvals: () => ({ data: { approvals: { waitingForYou: 0, reprocessRequests: [], automationChanges: [] } } }),
    });
    renderApp('/approvals');
    expect(await screen.findByRole('heading', { name: 'Nothing waits for your approval' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Approvals' })).toBeTruthy();
  });
});
