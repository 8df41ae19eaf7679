import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aKpiReport, anAlert, anSloStatus } from '@/test/dashboardFactories';
import { aViewer, anAutomation, anAutomationChange } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { AutomationSlosTab } from './AutomationSlosTab';

const backlogSlo = anSloStatus({
  name: 'invoice-backlog',
  title: 'At most 25 failed invoices waiting',
  indicator: 'dead_letter_backlog',
  objective: 99,
  state: 'burning',
  attainedPercent: null,
  errorBudget: null,
  burnRates: [],
  runbook: null,
  deadLetters: { pending: 31, maxBacklog: 25, headroom: -6, oldestPendingSince: null, oldestAgeMs: null, thresholdMs: null, withinLimit: false },
});

describe(AutomationSlosTab.name, () => {
  it('shows each SLO with its state, objective, attainment, budget left, burn rates in words and runbook; the open alerts; the KPIs', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationSlos: () => ({
        data: {
          automationSlos: [
            anSloStatus(),
            anSloStatus({
              name: 'invoice-latency',
              title: '95% of invoices sent within 15 minutes',
              state: 'breached',
              errorBudget: { allowedBad: 100, bad: 130, good: 1870, total: 2000, consumedFraction: 1.3, remainingFraction: -0.3, overspent: true, noData: false },
            }),
            backlogSlo,
          ],
        },
      }),
      Alerts: () => ({ data: { alerts: [anAlert()] } }),
      AutomationKpis: () => ({
        data: { automationKpis: [aKpiReport({ range: { start: '2026-10-28T09:00:00Z', end: '2026-11-27T09:00:00Z', days: 30, label: 'Last 30 days' } })] },
      }),
    });
    renderApp('/automations/invoice-generation');
    const tabs = await screen.findByRole('navigation', { name: 'Automation sections' });
    fireEvent.click(within(tabs).getByRole('link', { name: 'SLOs' }));

    const success = await screen.findByRole('listitem', { name: '99.5% of closed-won deals invoiced without a manual touch' });
    expect(screen.getByTestId('location').textContent).toBe('/automations/invoice-generation/slos');
    expect(api.calls('AutomationSlos')[0]?.variables).toEqual({ slug: 'invoice-generation' });
    expect(success.textContent).toContain('At risk');
    expect(success.textContent).toContain('99.5% over the last 30d');
    expect(success.textContent).toContain('99.32%');
    expect(within(success).getByRole('meter').getAttribute('aria-valuenow')).toBe('25');
    expect(success.textContent).toContain('Ticket (opens a ticket): budget spent 1.3× over the last 3d and 1.6× over the last 6h; alerts at 1× — firing now.');
    expect(success.textContent).toContain('Fast burn (pages the on-call engineer): budget spent 2.1× over the last 1h and 0.8× over the last 5m; alerts at 14.4× — not firing.');
    expect(within(success).getByRole('link', { name: 'Runbook: Failed invoices — triage and reprocess dead letters' }).getAttribute('href')).toBe(
      '/automations/invoice-generation#runbook-reprocess-dead-letters',
    );

    const latency = screen.getByRole('listitem', { name: '95% of invoices sent within 15 minutes' });
    // 130 misses where 100 were allowed: the promise is broken, not at risk.
    expect(latency.textContent).toContain('Breached');
    expect(latency.textContent).toContain('Broken: 130 runs missed where 100 were allowed (130% of the room for failures used).');
    expect(within(latency).getByRole('meter').getAttribute('aria-valuenow')).toBe('0');

    const backlog = screen.getByRole('listitem', { name: 'At most 25 failed invoices waiting' });
    // Over its limit right now, with no budget spent over the window: at risk.
    expect(backlog.textContent).toContain('At risk');
    expect(backlog.textContent).toContain('Now: 31 dead letters waiting (limit 25). Over the limit.');
    expect(backlog.textContent).toContain('No runbook named');

    const alerts = await screen.findByRole('list', { name: 'Open alerts of this automation' });
    expect(api.calls('Alerts')[0]?.variables).toEqual({ automation: 'invoice-generation', state: ['firing', 'acknowledged'], first: 50 });
    expect(alerts.textContent).toContain('Invoices are generated: error budget burning 1.3× over the last 3 days');

    const kpis = await screen.findByRole('table', { name: 'KPIs before and after, Last 30 days' });
    expect(api.calls('AutomationKpis')[0]?.variables).toEqual({ slug: 'invoice-generation', range: { last: '30d' } });
    expect(within(kpis).getByRole('row', { name: /Close-to-invoice cycle time/ }).textContent).toContain('69% better than before; 70% of the way to the target.');

    // The runbook link lands on the runbook itself, on the Overview tab.
    const scrolled: string[] = [];
    // jsdom has no scrollIntoView; the hook calls it when it exists.
    Object.defineProperty(Element.prototype, 'scrollIntoView', {
      configurable: true,
      value: vi.fn(function (this: Element) {
        scrolled.push(this.id);
      }),
    });
    fireEvent.click(within(success).getByRole('link', { name: /^Runbook:/ }));
    expect(await screen.findByRole('heading', { name: 'Failed invoices — triage and reprocess dead letters' })).toBeTruthy();
    await waitFor(() => expect(scrolled).toContain('runbook-reprocess-dead-letters'));
    Reflect.deleteProperty(Element.prototype, 'scrollIntoView');
  });

  it('acknowledges an alert and asks for the alerts and SLOs again', async () => {
    let alert = anAlert();
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationSlos: () => ({ data: { automationSlos: [anSloStatus()] } }),
      AutomationKpis: () => ({ data: { automationKpis: [] } }),
      Alerts: () => ({ data: { alerts: [alert] } }),
      AcknowledgeAlert: ({ id }) => {
        alert = {
          ...alert,
          state: 'acknowledged',
          acknowledgedAt: '2026-11-27T09:05:00Z',
          acknowledgedBy: 'Omar Haddad',
          events: [...alert.events, { at: '2026-11-27T09:05:00Z', kind: 'acknowledged', actor: 'Omar Haddad', detail: null }],
        };
        return { data: { acknowledgeAlert: { ...alert, id: String(id) } } };
      },
    });
    renderApp('/automations/invoice-generation/slos');

    const alerts = await screen.findByRole('list', { name: 'Open alerts of this automation' });
    fireEvent.click(within(alerts).getByRole('button', { name: 'Acknowledge the alert on “99.5% of closed-won deals invoiced without a manual touch”' }));

    await waitFor(() => expect(within(alerts).getByText('Acknowledged', { selector: '[data-tone]' })).toBeTruthy());
    expect(api.calls('AcknowledgeAlert')[0]?.variables).toEqual({ id: 'alert-7', note: null });
    expect(api.calls('Alerts').length).toBeGreaterThanOrEqual(2);
    expect(api.calls('AutomationSlos').length).toBeGreaterThanOrEqual(2);
    expect(alerts.textContent).toContain('Omar Haddad');
    expect(within(alerts).queryByRole('button', { name: /Acknowledge the alert/ })).toBeNull();
  });

  it('shows the api’s refusal when the viewer may not acknowledge', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }) }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationSlos: () => ({ data: { automationSlos: [anSloStatus()] } }),
      AutomationKpis: () => ({ data: { automationKpis: [] } }),
      Alerts: () => ({ data: { alerts: [anAlert()] } }),
      AcknowledgeAlert: () => graphqlError('FORBIDDEN', 'Your role (viewer) cannot acknowledge alerts.'),
    });
    renderApp('/automations/invoice-generation/slos');

    const alerts = await screen.findByRole('list', { name: 'Open alerts of this automation' });
    fireEvent.click(within(alerts).getByRole('button', { name: /Acknowledge the alert/ }));
    expect((await within(alerts).findByRole('alert')).textContent).toBe('Not acknowledged: Your role (viewer) cannot acknowledge alerts.');
    expect(within(alerts).getByText('Firing', { selector: '[data-tone]' })).toBeTruthy();
  });

  it('shows a change to the SLOs that waits for approval above the SLOs in force, to a viewer without the way to approvals', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }) }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationPendingChange: () => ({
        data: {
          automation: {
            slug: 'invoice-generation',
            pendingChange: anAutomationChange({
              automation: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals' },
              requestedBy: { id: 'omar', name: 'Omar Haddad' },
              sloChanges: ['invoice-success: objective 99.5% → 99%'],
              changes: ['invoice-success: objective 99.5% → 99%'],
              canDecide: false,
              decideBlockedReason: 'Only owners of finance-ops decide.',
              canReject: false,
            }),
          },
        },
      }),
      AutomationSlos: () => ({ data: { automationSlos: [anSloStatus()] } }),
      AutomationKpis: () => ({ data: { automationKpis: [] } }),
      Alerts: () => ({ data: { alerts: [] } }),
    });
    renderApp('/automations/invoice-generation/slos');

    const waiting = await screen.findByRole('status', { name: 'SLO change waiting for approval' });
    expect(waiting.textContent).toMatch(
      /^An SLO change waits for approval: Omar Haddad asked for it .+; the finance-ops owners decide\. The SLOs below are the ones in force until then\./,
    );
    expect(within(waiting).getByRole('listitem').textContent).toBe('invoice-success: objective 99.5% → 99%');
    expect(within(waiting).queryByRole('link', { name: 'Open approvals' })).toBeNull();
    await screen.findByRole('listitem', { name: '99.5% of closed-won deals invoiced without a manual touch' });
  });

  it('says nothing beside the SLOs when the change that waits is a move to another team', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationPendingChange: () => ({
        data: {
          automation: {
            slug: 'invoice-generation',
            pendingChange: anAutomationChange({ sloChanges: [], changes: ['owner team: finance-ops → order-ops (it touches revenue)'] }),
          },
        },
      }),
      AutomationSlos: () => ({ data: { automationSlos: [anSloStatus()] } }),
      AutomationKpis: () => ({ data: { automationKpis: [] } }),
      Alerts: () => ({ data: { alerts: [] } }),
    });
    renderApp('/automations/invoice-generation/slos');

    await screen.findByRole('listitem', { name: '99.5% of closed-won deals invoiced without a manual touch' });
    expect(screen.queryByRole('status', { name: 'SLO change waiting for approval' })).toBeNull();
  });
});
