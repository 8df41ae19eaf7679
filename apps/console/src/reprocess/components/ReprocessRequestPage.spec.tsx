import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { descriptionOf } from '@/test/dom';
import { aReprocessRequest, aViewer, anAuditEntry, anAuditPage } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { ReprocessRequestPage } from './ReprocessRequestPage';

const OTTO = aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator' });

function stateCount(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

describe(ReprocessRequestPage.name, () => {
  it('shows who, why and the progress by state with numbers, shares and what each state means, asked again every second', async () => {
    let asked = 0;
    const api = mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => {
        asked += 1;
        return {
          data: {
            reprocessRequest: aReprocessRequest({
              waitingReason: 'RabbitMQ is unreachable (connect ECONNREFUSED 127.0.0.1:5672); trying again every 4 s.',
              recentErrors: [{ deadLetterId: '101', messageId: 'msg-5f2c', state: 'queued', attempts: 2, error: 'connect ECONNREFUSED 127.0.0.1:5672' }],
              progress:
                asked === 1
                  ? { queued: 100, dispatched: 10, acknowledged: 10, succeeded: 77, failed: 3, cancelled: 0 }
                  : { queued: 40, dispatched: 10, acknowledged: 10, succeeded: 137, failed: 3, cancelled: 0 },
            }),
          },
        };
      },
      AuditEntries: () => ({ data: anAuditPage([anAuditEntry()]) }),
    });
    renderApp('/reprocess/12');

    expect(await screen.findByRole('heading', { level: 1, name: /Reprocess 200 dead letters/ })).toBeTruthy();
    expect(api.calls('ReprocessRequest')[0]?.variables).toEqual({ id: '12' });
    expect(screen.getByText('NetSuite fixed the billing addresses (INC-4211)', { selector: 'dd' })).toBeTruthy();
    expect(screen.getByText(/every dead letter with automation invoice-generation, status pending/).textContent).toContain('200 messages in the snapshot');
    expect(screen.getByText(/RabbitMQ is unreachable/).textContent).toContain('trying again every 4 s');

    expect(screen.getByTestId('progress-headline').textContent).toBe('80 of 200 messages finished (40%)');
    // The states in the order a message moves through them.
    expect(screen.getAllByRole('group', { name: /^(Waiting|Sent|Delivered|Succeeded|Failed again|Cancelled)$/ }).map((group) => group.dataset.state)).toEqual([
      'queued',
      'dispatched',
      'acknowledged',
      'succeeded',
      'failed',
      'cancelled',
    ]);
    expect(stateCount('Waiting').textContent).toContain('100');
    expect(stateCount('Waiting').textContent).toContain('50%');
    expect(stateCount('Succeeded').textContent).toContain('77');
    expect(stateCount('Succeeded').textContent).toContain('38.5%');
    expect(stateCount('Failed again').textContent).toContain('1.5%');
    expect(stateCount('Cancelled').textContent).toContain('0%');
    const meaning = within(stateCount('Delivered')).getByRole('button', { name: 'What delivered means' });
    expect(descriptionOf(meaning)).toBe('Confirmed by the transport; waiting for the runtime to report the outcome.');

    // Live: the numbers move without a reload, and the time remaining follows the observed pick-up rate.
    await waitFor(() => expect(stateCount('Succeeded').textContent).toContain('137'));
    expect(screen.getByTestId('progress-headline').textContent).toBe('140 of 200 messages finished (70%)');
    await waitFor(() => expect(screen.getByTestId('progress-remaining').textContent).toMatch(/^About .+ left, at the observed pick-up rate of [\d.,]+ a second\.$/));

    const errors = screen.getByRole('table', { name: 'Latest failures and retries' });
    expect(within(errors).getByRole('link', { name: 'msg-5f2c' }).getAttribute('href')).toBe('/dead-letters/101');
    expect(within(errors).getByRole('row', { name: /msg-5f2c/ }).textContent).toContain('connect ECONNREFUSED');

    const audit = await screen.findByRole('table', { name: 'Audit trail, newest first' });
    const requested = within(audit).getByRole('row', { name: /Reprocess requested/ });
    expect(requested.textContent).toContain('Otto Operator');
    expect(requested.textContent).toContain('200 messages · at most 100 a second · by RabbitMQ republish');
    expect(api.calls('AuditEntries')[0]?.variables).toEqual({ filter: { targetKind: 'reprocess_request', targetId: '12' }, first: 50, after: null });
  });

  it('links a finished request to exactly the messages that failed again, and offers no link when none did', async () => {
    let failedAgain = 10;
    const api = mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({
        data: {
          reprocessRequest: aReprocessRequest({
            id: '42',
            state: 'done',
            total: 120,
            finishedAt: '2026-11-27T09:05:00Z',
            failedAgain,
            progress: { queued: 0, dispatched: 0, acknowledged: 0, succeeded: 110, failed: 10, cancelled: 0 },
          }),
        },
      }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [] } }),
      DeadLetters: () => ({ data: { deadLetters: { pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
    });
    const { unmount } = renderApp('/reprocess/42');

    const link = await screen.findByRole('link', { name: 'the 10 that failed again' });
    expect(link.getAttribute('href')).toBe('/dead-letters?request=42&status=failed_again&teams=all');
    fireEvent.click(link);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?request=42&status=failed_again&teams=all'));
    // The 10 were counted whoever owns them: the workbench does not narrow them to the signed-in operator's teams.
    await waitFor(() => expect(api.calls('DeadLetters').at(-1)?.variables.filter).toEqual({ status: 'failed_again', reprocessRequest: '42' }));
    expect(api.calls('DeadLetterGroups').at(-1)?.variables).toMatchObject({ teams: null, reprocessRequest: '42' });
    unmount();

    failedAgain = 0;
    renderApp('/reprocess/42');
    expect(await screen.findByRole('heading', { level: 1, name: /Reprocess 120 dead letters/ })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /failed again/ })).toBeNull();
  });

  it('says "estimating…" for the time remaining until messages are seen being picked up, and gives none while paused', async () => {
    let request = aReprocessRequest();
    const api = mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({ data: { reprocessRequest: request } }),
      PauseReprocess: () => {
        request = { ...request, state: 'paused' };
        return { data: { pauseReprocess: request } };
      },
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    expect((await screen.findByTestId('progress-remaining')).textContent).toBe('Time remaining: estimating…');
    // Asked again, and still nothing picked up since the page opened: no rate, so no guess.
    await waitFor(() => expect(api.calls('ReprocessRequest').length).toBeGreaterThanOrEqual(3));
    expect(screen.getByTestId('progress-remaining').textContent).toBe('Time remaining: estimating…');

    fireEvent.click(within(screen.getByRole('group', { name: 'Control this request' })).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(screen.queryByTestId('progress-remaining')).toBeNull());
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  });

  it('pauses and resumes, and cancels only after saying what happens to the messages not sent yet', async () => {
    let request = aReprocessRequest();
    const api = mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({ data: { reprocessRequest: request } }),
      PauseReprocess: () => {
        request = { ...request, state: 'paused' };
        return { data: { pauseReprocess: request } };
      },
      ResumeReprocess: () => {
        request = { ...request, state: 'running' };
        return { data: { resumeReprocess: request } };
      },
      CancelReprocess: () => {
        request = { ...request, state: 'cancelled', finishedAt: '2026-11-27T09:01:00Z', progress: { ...request.progress, queued: 0, dispatched: 0, cancelled: 110 } };
        return { data: { cancelReprocess: request } };
      },
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    const controls = await screen.findByRole('group', { name: 'Control this request' });
    fireEvent.click(within(controls).getByRole('button', { name: 'Pause' }));
    fireEvent.click(await within(controls).findByRole('button', { name: 'Resume' }));
    expect(await within(controls).findByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(api.calls('PauseReprocess')[0]?.variables).toEqual({ id: '12', reason: null });
    expect(api.calls('ResumeReprocess')).toHaveLength(1);

    fireEvent.click(within(controls).getByRole('button', { name: 'Cancel…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel request #12?' });
    expect(dialog.textContent).toContain('Up to 110 messages not sent yet (queued, or offered and not picked up) go back to waiting');
    expect(dialog.textContent).toContain('The 90 messages already sent are not recalled');
    expect(api.calls('CancelReprocess')).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('Reason (optional)'), { target: { value: 'NetSuite is failing again' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the request — stop sending' }));

    expect(await screen.findByRole('heading', { level: 1, name: /Cancelled/ })).toBeTruthy();
    expect(api.calls('CancelReprocess')[0]?.variables).toEqual({ id: '12', reason: 'NetSuite is failing again' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('group', { name: 'Control this request' })).toBeNull();
    expect(stateCount('Cancelled').textContent).toContain('110');
  });

  it('disables the controls with the reason when the viewer may not control the request', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }) }),
      ReprocessRequest: () => ({ data: { reprocessRequest: aReprocessRequest({ canControl: false }) } }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    const pause = await screen.findByRole<HTMLButtonElement>('button', { name: 'Pause' });
    const cancel = screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel…' });
    expect(pause.disabled).toBe(true);
    expect(cancel.disabled).toBe(true);
    await waitFor(() => expect(descriptionOf(pause)).toBe('Your role (Viewer) cannot pause, resume or cancel reprocess requests.'));
    expect(cancel.getAttribute('title')).toBe('Your role (Viewer) cannot pause, resume or cancel reprocess requests.');
    fireEvent.click(cancel);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('PauseReprocess')).toHaveLength(0);
  });

  it('names the owning team when an operator of another team may not control it', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'rita', name: 'Rita', role: 'operator', teams: ['revenue-ops'] }) }),
      ReprocessRequest: () => ({ data: { reprocessRequest: aReprocessRequest({ state: 'paused', canControl: false }) } }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');

    const resume = await screen.findByRole<HTMLButtonElement>('button', { name: 'Resume' });
    expect(resume.disabled).toBe(true);
    await waitFor(() => expect(descriptionOf(resume)).toBe('Only people on the team that owns invoice-generation (or an admin) can pause, resume or cancel this request.'));
  });

  it('says so when there is no such request', async () => {
    mockApi({ ReprocessRequest: ({ id }) => graphqlError('NOT_FOUND', `No reprocess request has the id "${id}".`) });
    renderApp('/reprocess/999');

    const notFound = await screen.findByRole('region', { name: 'No reprocess request 999' });
    expect(within(notFound).getByRole('link', { name: 'All reprocess requests' }).getAttribute('href')).toBe('/reprocess');
  });

  it('shows why a request waits for approval, and lets a second person on call approve it there', async () => {
    let request = aReprocessRequest({
      state: 'awaiting_approval',
      approvalReasons: ['200 messages is more than the 100 one person may reprocess alone', 'invoice-generation touches revenue and billing'],
      canDecide: true,
      canReject: true,
      progress: { queued: 200, dispatched: 0, acknowledged: 0, succeeded: 0, failed: 0, cancelled: 0 },
    });
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ id: 'oscar', name: 'Oscar Operator', role: 'operator' }) }),
      ReprocessRequest: () => ({ data: { reprocessRequest: request } }),
      AuditEntries: () => ({ data: anAuditPage([anAuditEntry()]) }),
      ApproveReprocess: ({ id, note }) => {
        request = {
          ...request,
          state: 'running',
          canDecide: false,
          decision: { decision: 'approved', by: { id: 'oscar', name: 'Oscar Operator' }, at: '2026-11-27T09:05:00Z', note: note ?? null },
        };
        return { data: { approveReprocess: { ...request, id: String(id) } } };
      },
    });
    renderApp('/reprocess/12');

    const approval = await screen.findByRole('region', { name: 'Approval' });
    expect(approval.textContent).toContain(
      'Waiting for approval: 200 messages is more than the 100 one person may reprocess alone; invoice-generation touches revenue and billing. Nothing is sent until someone else on call for invoice-generation approves it.',
    );
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    fireEvent.click(within(approval).getByRole('button', { name: 'Approve…' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Approve request #12?' })).getByRole('button', { name: 'Approve — send 200 messages' }));

    await waitFor(() => expect(api.calls('ApproveReprocess')[0]?.variables).toEqual({ id: '12', note: null }));
    expect((await screen.findByText(/Approved by Oscar Operator/)).closest('p')?.textContent).toContain('It needed a second person because 200 messages is more than the 100');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
  });

  it('disables Approve for the requester, with the reason', async () => {
    mockApi({
      Viewer: () => ({ data: OTTO }),
      ReprocessRequest: () => ({
        data: {
          reprocessRequest: aReprocessRequest({
            state: 'awaiting_approval',
            approvalReasons: ['invoice-generation touches revenue and billing'],
            canDecide: false,
            decideBlockedReason: 'You asked for this request; someone else on call must approve it.',
            canReject: true,
          }),
        },
      }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');
    const approval = await screen.findByRole('region', { name: 'Approval' });
    const approve = within(approval).getByRole<HTMLButtonElement>('button', { name: 'Approve…' });
    expect(approve.disabled).toBe(true);
    expect(descriptionOf(approve)).toBe('You asked for this request; someone else on call must approve it.');
    expect(within(approval).getByRole('button', { name: 'Withdraw…' })).toBeTruthy();
  });

  it('disables Approve for an admin off the owning team, with the reason, and offers no Reject', async () => {
    const separation = 'Separation of duties: only people on the team that owns invoice-generation (on call or owners) approve or reject this request, not admins off that team.';
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'ada', name: 'Ada Admin', role: 'admin', teams: [] }) }),
      ReprocessRequest: () => ({
        data: {
          reprocessRequest: aReprocessRequest({
            state: 'awaiting_approval',
            approvalReasons: ['invoice-generation touches revenue and billing'],
            canControl: true,
            canDecide: false,
            decideBlockedReason: separation,
            canReject: false,
          }),
        },
      }),
      AuditEntries: () => ({ data: anAuditPage([]) }),
    });
    renderApp('/reprocess/12');
    const approval = await screen.findByRole('region', { name: 'Approval' });
    const approve = within(approval).getByRole<HTMLButtonElement>('button', { name: 'Approve…' });
    expect(approve.disabled).toBe(true);
    expect(descriptionOf(approve)).toBe(separation);
    expect(within(approval).queryByRole('button', { name: /Reject|Withdraw/ })).toBeNull();
  });
});
