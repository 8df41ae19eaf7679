import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anAlert } from '@/test/dashboardFactories';
import { aViewer } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { AlertsPage } from './AlertsPage';

const paging = anAlert({
  id: 'alert-9',
  automation: 'payout-reconciliation',
  automationTitle: 'Payout reconciliation',
  slo: 'payout-success',
  sloTitle: '99% of payouts reconciled',
  severity: 'page',
  rule: 'fast-burn',
  summary: 'Payouts are reconciled: error budget burning 15.0× over the last hour',
  firedAt: '2026-11-27T08:55:00Z',
  acknowledgedAt: '2026-11-27T08:58:00Z',
  acknowledgedBy: 'Priya Patel',
  state: 'acknowledged',
  runbook: { id: 'payout-mismatch', title: 'Payout mismatches' },
});
const resolved = anAlert({ id: 'alert-3', state: 'resolved', resolvedAt: '2026-11-26T10:00:00Z', summary: 'Invoices are generated: old alert' });

/** The alert cards (not the events of their histories). */
function cards(list: HTMLElement): HTMLElement[] {
  return within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list);
}

describe(AlertsPage.name, () => {
  it('lists open alerts newest first with severity, automation, SLO, summary, time and runbook; resolved ones on request; history on demand', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Alerts: ({ state }) => ({ data: { alerts: state?.includes('resolved') ? [paging, anAlert(), resolved] : [paging, anAlert()] } }),
    });
    renderApp('/alerts');

    const list = await screen.findByRole('list', { name: 'Open alerts, newest first' });
    expect(api.calls('Alerts')[0]?.variables).toEqual({ state: ['firing', 'acknowledged'], teams: ['finance-ops'], first: 50 });
    const items = cards(list);
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(first.textContent).toContain('Page');
    expect(first.textContent).toContain('Acknowledged');
    expect(first.textContent).toContain('Payouts are reconciled: error budget burning 15.0× over the last hour');
    expect(first.textContent).toContain('Priya Patel');
    expect(within(first).getByRole('link', { name: 'Payout reconciliation' }).getAttribute('href')).toBe('/automations/payout-reconciliation');
    expect(within(first).getByRole('link', { name: '99% of payouts reconciled' }).getAttribute('href')).toBe('/automations/payout-reconciliation/slos');
    expect(within(first).getByRole('link', { name: 'Runbook: Payout mismatches' }).getAttribute('href')).toBe('/automations/payout-reconciliation#runbook-payout-mismatch');
    expect(within(first).queryByRole('button', { name: /Acknowledge/ })).toBeNull();
    expect(within(items[1]!).getByRole('button', { name: /Acknowledge the alert/ })).toBeTruthy();

    const history = within(items[1]!).getByText('History (2 events)');
    fireEvent.click(history);
    expect(items[1]!.textContent).toContain('Notification sent');
    expect(items[1]!.textContent).toContain('Slack #finance-ops-oncall');

    fireEvent.click(screen.getByRole('checkbox', { name: 'Include resolved alerts' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/alerts?resolved=1'));
    const all = await screen.findByRole('list', { name: 'Alerts, newest first' });
    expect(api.calls('Alerts').at(-1)?.variables).toEqual({ state: ['firing', 'acknowledged', 'resolved'], teams: ['finance-ops'], first: 50 });
    expect(cards(all)).toHaveLength(3);
    expect(all.textContent).toContain('Resolved');
  });

  it('opens on my teams for someone on a team, with every team’s one click away and the choice in the URL', async () => {
    const otherTeams = anAlert({
      id: 'alert-20',
      automation: 'ticket-triage',
      automationTitle: 'Ticket triage',
      summary: 'Tickets are triaged: error budget burning 14.4× over the last hour',
    });
    const api = mockApi(
      {
        Viewer: () => ({ data: aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator', teams: ['finance-ops'] }) }),
        Alerts: ({ teams }) => ({ data: { alerts: teams === undefined ? [paging, otherTeams] : [paging] } }),
      },
      { session: { user: { id: 'otto', name: 'Otto Operator', role: 'operator', teams: ['finance-ops'] } } },
    );
    renderApp('/alerts');

    const whose = await screen.findByRole('group', { name: 'Whose alerts' });
    expect(within(whose).getByRole('button', { name: 'My teams (finance-ops)' }).getAttribute('aria-pressed')).toBe('true');
    const list = await screen.findByRole('list', { name: 'Open alerts, newest first' });
    expect(cards(list)).toHaveLength(1);
    expect(api.calls('Alerts')[0]?.variables.teams).toEqual(['finance-ops']);

    fireEvent.click(within(whose).getByRole('button', { name: 'All teams' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/alerts?teams=all'));
    await waitFor(() => expect(screen.getByRole('list', { name: 'Open alerts, newest first' }).textContent).toContain('Tickets are triaged'));
    expect(api.calls('Alerts').at(-1)?.variables).toEqual({ state: ['firing', 'acknowledged'], first: 50 });
    expect(within(whose).getByRole('button', { name: 'All teams' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows every team’s alerts, with no choice to make, to someone on no team', async () => {
    const api = mockApi(
      { Viewer: () => ({ data: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }) }), Alerts: () => ({ data: { alerts: [paging] } }) },
      { session: { user: { id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] } } },
    );
    renderApp('/alerts');

    await screen.findByRole('list', { name: 'Open alerts, newest first' });
    expect(api.calls('Alerts')[0]?.variables).toEqual({ state: ['firing', 'acknowledged'], first: 50 });
    expect(screen.queryByRole('group', { name: 'Whose alerts' })).toBeNull();
  });

  it('says when nothing is open', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), Alerts: () => ({ data: { alerts: [] } }) });
    renderApp('/alerts');
    expect(await screen.findByText(/No open alerts/)).toBeTruthy();
  });

  it('shows a viewer why they cannot acknowledge, before they click', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Alerts: () => ({ data: { alerts: [anAlert({ acknowledgeBlockedReason: 'Your role (viewer) cannot acknowledge alerts: operators, owners and admins can.' })] } }),
    });
    renderApp('/alerts');
    const button = await screen.findByRole<HTMLButtonElement>('button', { name: /Acknowledge the alert/ });
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('title')).toBe('Your role (viewer) cannot acknowledge alerts: operators, owners and admins can.');
    expect(screen.getByText('Your role (viewer) cannot acknowledge alerts: operators, owners and admins can.')).toBeTruthy();
  });
});
