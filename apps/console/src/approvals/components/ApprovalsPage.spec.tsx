import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { aReprocessRequest, aViewer } from '@/test/factories';
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

function aChange(overrides: Partial<AutomationChangeItemFragment> = {}): AutomationChangeItemFragment {
  return {
    id: '7',
    state: 'pending',
    ownerTeam: 'finance-ops',
    automation: { slug: 'card-dispute-evidence', title: 'Card dispute evidence' },
    requestedBy: { id: 'omar', name: 'Omar Owner' },
    requestedAt: '2026-11-27T10:00:00Z',
    sloChanges: ['disputes-submitted: objective 99% → 97.5%; window 30d → 28d'],
    changes: ['disputes-submitted: objective 99% → 97.5%; window 30d → 28d'],
    decidedBy: null,
    decidedAt: null,
    reason: null,
    canDecide: true,
    decideBlockedReason: null,
    canReject: true,
    ...overrides,
  };
}

describe(ApprovalsPage.name, () => {
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
      Approvals: () => ({ data: { approvals: { waitingForYou: 1, reprocessRequests: [], automationChanges: [aChange()] } } }),
      RejectAutomationChange: () => ({ data: { rejectAutomationChange: aChange({ state: 'rejected', canDecide: false, canReject: false }) } }),
    });
    renderApp('/approvals');

    const card = await screen.findByRole('article', { name: 'SLO change to Card dispute evidence' });
    expect(card.textContent).toContain('Asked by Omar Owner');
    expect(within(card).getByRole('listitem').textContent).toBe('disputes-submitted: objective 99% → 97.5%; window 30d → 28d');
    expect((within(card).getByRole<HTMLButtonElement>('button', { name: 'Approve…' })).disabled).toBe(false);

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
            automationChanges: [aChange({ requestedBy: { id: 'ada', name: 'Ada Admin' }, sloChanges: [], changes: ['owner team: finance-ops → order-ops (it touches revenue)'] })],
          },
        },
      }),
      ApproveAutomationChange: () => ({ data: { approveAutomationChange: aChange({ state: 'approved', canDecide: false, canReject: false }) } }),
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
