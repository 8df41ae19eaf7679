import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { descriptionOf } from '@/test/dom';
import { aKpi, aViewer, anAutomation, anAutomationChange, someTeams } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { EditAutomationPage } from './EditAutomationPage';

const editable = anAutomation({ slug: 'card-dispute-evidence', title: 'Card dispute evidence', source: 'console', sourceFile: null, canEdit: true, editBlockedReason: null });

const change = anAutomationChange({
  requestedBy: { id: 'omar', name: 'Omar Haddad' },
  sloChanges: ['invoice-latency: objective 95% → 90%'],
  changes: ['invoice-latency: objective 95% → 90%'],
  canDecide: false,
  decideBlockedReason: 'You asked for this change; another owner on the finance-ops team must approve it.',
});

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
    // The form is long and the button at its foot: the notice at the top takes the focus, so it is on screen.
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(api.calls('UpdateAutomation')).toHaveLength(1);
    expect(screen.getByTestId('location').textContent).toBe('/automations/card-dispute-evidence/edit');
  });

  it('shows a change already waiting, says before saving that a save sets it aside, and confirms a save that applies', async () => {
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

    // The SLO section shows what waits, beside the SLOs in force.
    const slos = screen.getByRole('region', { name: 'Service-level objectives' });
    expect(within(slos).getByText('Not applied yet, waiting for approval:')).toBeTruthy();
    expect(within(slos).getByText('invoice-latency: objective 95% → 90%')).toBeTruthy();

    // Before saving, beside the button: what saving will do to the waiting change.
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(descriptionOf(save)).toMatch(
      /^Saving sets aside the SLO change waiting for approval \(asked by you .+\): once this automation changes, it can no longer be approved\. SLO changes made here wait for the finance-ops owners in its place\.$/,
    );

    fireEvent.click(save);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/automations/card-dispute-evidence'));
    const saved = await screen.findByRole('status', { name: 'Saved' });
    expect(saved.textContent).toBe('Saved your changes to “Card dispute evidence”.');
    expect(document.activeElement).toBe(saved);
  });

  it('keeps what a money KPI is to finance through an edit, and lets the owner change it', async () => {
    const withMoney = {
      ...editable,
      kpis: [
        aKpi({
          name: 'cash-recovered',
          title: 'Overdue invoices paid after a reminder',
          unit: 'EUR per month',
          direction: 'higher_is_better',
          source: 'measurement',
          currency: 'EUR',
          money: 'recovered',
        }),
        aKpi({ name: 'fees-paid', title: 'Chargeback fees', unit: 'EUR per month', currency: 'EUR', money: null }),
      ],
    };
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      Automation: () => ({ data: { automation: withMoney } }),
      AutomationPendingChange: () => ({ data: { automation: { slug: editable.slug, pendingChange: null } } }),
      UpdateAutomation: () => ({ data: { updateAutomation: { ...withMoney, pendingChange: null } } }),
      AutomationHealth: () => ({ errors: [{ message: 'not needed here', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    });
    renderApp('/automations/card-dispute-evidence/edit');
    await screen.findByRole('heading', { level: 1, name: 'Edit Card dispute evidence' });
    const kinds = screen.getAllByRole('combobox', { name: /Kind of money/ });
    expect(kinds.map((select) => (select as HTMLSelectElement).value)).toEqual(['recovered', '']);
    expect(within(kinds[1] as HTMLElement).getByRole('option', { name: 'Read from direction and unit' })).toBeTruthy();

    fireEvent.change(kinds[1] as HTMLElement, { target: { value: 'saved' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(api.calls('UpdateAutomation')).toHaveLength(1));
    const sent = api.calls('UpdateAutomation')[0]?.variables as { input: { kpis: { name: string; money?: string }[] } };
    expect(sent.input.kpis.map((kpi) => [kpi.name, kpi.money])).toEqual([
      ['cash-recovered', 'recovered'],
      ['fees-paid', 'saved'],
    ]);
  });

  it('keeps a NATS JetStream binding’s stream, consumer and subject through an edit, and lets the owner change them', async () => {
    const onNats = {
      ...editable,
      runtime: {
        kind: 'nats' as const,
        queue: null,
        deadLetterQueue: null,
        exchange: null,
        routingKey: null,
        stream: 'PAYOUTS',
        consumer: 'payout-settler',
        subject: 'payouts.settle.>',
        serviceName: null,
        reprocessUrl: null,
        signingSecret: null,
        connection: 'ROUNDHOUSE_RUNTIME_FINANCE_NATS_URL',
      },
    };
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      Automation: () => ({ data: { automation: onNats } }),
      AutomationPendingChange: () => ({ data: { automation: { slug: editable.slug, pendingChange: null } } }),
      UpdateAutomation: () => ({ data: { updateAutomation: { ...onNats, pendingChange: null } } }),
      AutomationHealth: () => ({ errors: [{ message: 'not needed here', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
    });
    renderApp('/automations/card-dispute-evidence/edit');
    await screen.findByRole('heading', { level: 1, name: 'Edit Card dispute evidence' });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: /Runtime kind/ }).value).toBe('nats');
    fireEvent.change(screen.getByRole('textbox', { name: /JetStream consumer/ }), { target: { value: 'payout-settler-v2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(api.calls('UpdateAutomation')).toHaveLength(1));
    const sent = api.calls('UpdateAutomation')[0]?.variables as { input: { runtime: Record<string, unknown> } };
    expect(sent.input.runtime).toMatchObject({
      kind: 'nats',
      stream: 'PAYOUTS',
      consumer: 'payout-settler-v2',
      subject: 'payouts.settle.>',
      connection: 'ROUNDHOUSE_RUNTIME_FINANCE_NATS_URL',
    });
  });
});
