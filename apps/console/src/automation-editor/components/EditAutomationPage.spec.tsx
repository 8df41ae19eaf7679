import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { aViewer, anAutomation, someTeams } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { EditAutomationPage } from './EditAutomationPage';

const editable = anAutomation({ slug: 'card-dispute-evidence', title: 'Card dispute evidence', source: 'console', sourceFile: null, canEdit: true, editBlockedReason: null });

const change: AutomationChangeItemFragment = {
  id: '7',
  state: 'pending',
  ownerTeam: 'finance-ops',
  automation: { slug: 'card-dispute-evidence', title: 'Card dispute evidence' },
  requestedBy: { id: 'omar', name: 'Omar Haddad' },
  requestedAt: '2026-11-27T10:00:00Z',
  sloChanges: ['invoice-latency: objective 95% → 90%'],
  changes: ['invoice-latency: objective 95% → 90%'],
  decidedBy: null,
  decidedAt: null,
  reason: null,
  canDecide: false,
  decideBlockedReason: 'You asked for this change; another owner on the finance-ops team must approve it.',
  canReject: true,
};

describe(EditAutomationPage.name, () => {
  it('says an SLO change of a production automation was sent to the owners for approval, not applied, and stays', async () => {
    let pending: AutomationChangeItemFragment | null = null;
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      Automation: () => ({ data: { automation: editable } }),
      AutomationPendingChange: () => ({ data: { automation: { slug: editable.slug, pendingChange: pending } } }),
      UpdateAutomation: () => {
        pending = change;
        return { data: { updateAutomation: { ...editable, pendingChange: change } } };
      },
    });
    renderApp('/automations/card-dispute-evidence/edit');
    await screen.findByRole('heading', { level: 1, name: 'Edit Card dispute evidence' });
    expect(screen.getByText(/Changes to the SLOs of a production automation wait for another owner of its team\./)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const notice = await screen.findByRole('status', { name: 'Waiting for approval' });
    expect(notice.textContent).toContain('Sent to the finance-ops owners for approval. Nothing is applied until another owner approves it.');
    expect(notice.textContent).toContain('invoice-latency: objective 95% → 90%');
    expect(api.calls('UpdateAutomation')).toHaveLength(1);
    expect(screen.getByTestId('location').textContent).toBe('/automations/card-dispute-evidence/edit');
  });

  it('shows a change already waiting, and leaves the page when a save applies', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      Automation: () => ({ data: { automation: editable } }),
      AutomationPendingChange: () => ({ data: { automation: { slug: editable.slug, pendingChange: change } } }),
      UpdateAutomation: () => ({ data: { updateAutomation: { ...editable, pendingChange: change } } }),
      AutomationHealth: () => ({ errors: [{ message: 'not needed here', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    });
    renderApp('/automations/card-dispute-evidence/edit');
    const notice = await screen.findByRole('status', { name: 'Waiting for approval' });
    expect(notice.textContent).toContain('Waiting for approval: You asked for an SLO change');
    expect(notice.textContent).toContain('the finance-ops owners decide');

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/automations/card-dispute-evidence'));
  });
});
