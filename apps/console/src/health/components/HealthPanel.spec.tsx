import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QuarantineQuery } from '@/gql/graphql';
import { descriptionOf } from '@/test/dom';
import { aHealth, aViewer, anAutomation, anEmptyHealth } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { HealthPanel } from './HealthPanel';

const noQuarantine = (): { data: QuarantineQuery } => ({
  data: { quarantine: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
});

function stat(name: string): HTMLElement {
  return screen.getByRole('group', { name });
}

describe(HealthPanel.name, () => {
  it('shows the headline numbers for the window picked, each saying how it is computed', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationHealth: ({ window }) => ({ data: { automationHealth: aHealth({ window }) } }),
      Quarantine: noQuarantine,
    });
    renderApp('/automations/invoice-generation');

    const tabs = await screen.findByRole('navigation', { name: 'Automation sections' });
    fireEvent.click(within(tabs).getByRole('link', { name: 'Health' }));

    expect(await screen.findByRole('group', { name: 'Success rate' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/automations/invoice-generation/health');
    expect(api.calls('AutomationHealth')[0]?.variables).toEqual({ slug: 'invoice-generation', window: '24h' });

    expect(stat('Throughput').textContent).toContain('1,210');
    expect(stat('Throughput').textContent).toContain('finished attempts in the last 24 hours');
    expect(stat('Success rate').textContent).toContain('97.5%');
    expect(stat('Error rate').textContent).toContain('1.2%');
    expect(stat('Retry rate').textContent).toContain('1.3%');
    expect(stat('p95 latency').textContent).toContain('2.4 s');
    expect(stat('p95 latency').textContent).toContain('p50 840 ms · p99 1 min 1 s');
    expect(stat('Last success').querySelector('time')?.getAttribute('datetime')).toBe('2026-11-27T08:58:00Z');
    expect(stat('Last heartbeat').querySelector('time')?.getAttribute('datetime')).toBe('2026-11-27T08:59:30Z');

    const how = within(stat('Error rate')).getByRole('button', { name: 'How error rate is computed' });
    expect(descriptionOf(how)).toContain('Runs that failed or were dead-lettered, divided by runs that ended in the window');

    // The window lives in the URL and is what the api is asked for.
    fireEvent.click(within(screen.getByRole('group', { name: 'Time window' })).getByRole('button', { name: '7d' }));
    await waitFor(() => expect(stat('Throughput').textContent).toContain('in the last 7 days'));
    expect(screen.getByTestId('location').textContent).toBe('/automations/invoice-generation/health?window=7d');
    expect(api.calls('AutomationHealth').at(-1)?.variables).toEqual({ slug: 'invoice-generation', window: '7d' });
    expect(screen.getByRole('button', { name: '7d' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says “no data yet” for the rates when nothing finished in the window, but keeps the last success', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ role: 'viewer', teams: [] }) }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationHealth: () => ({ data: { automationHealth: anEmptyHealth({ window: '1h', lastSuccessAt: '2026-11-27T06:00:00Z' }) } }),
    });
    renderApp('/automations/invoice-generation/health?window=1h');

    expect((await screen.findByRole('group', { name: 'Success rate' })).textContent).toContain('No data yet');
    expect(stat('Success rate').textContent).toContain('No run ended in the last hour');
    expect(stat('p95 latency').textContent).toContain('No data yet');
    expect(stat('Throughput').textContent).toContain('0');
    expect(stat('Last success').textContent).not.toContain('No data yet');
    expect(stat('Last heartbeat').textContent).toContain('The runtime has not sent a heartbeat yet');
    expect(screen.getByText('No attempt finished in the last hour. Try a longer window.')).toBeTruthy();
  });

  it('shows a designed empty state, with the way to a runtime token, when nothing was ever reported', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationHealth: () => ({ data: { automationHealth: anEmptyHealth() } }),
      Quarantine: noQuarantine,
    });
    renderApp('/automations/invoice-generation/health');

    const empty = await screen.findByRole('status', { name: 'No runs reported yet' });
    expect(empty.textContent).toContain('Runtimes report through the SDK with a runtime token');
    expect(within(empty).getByRole('link', { name: 'Create a runtime token' }).getAttribute('href')).toBe('/teams/finance-ops/tokens');
    expect(screen.queryByRole('group', { name: 'Success rate' })).toBeNull();
    // The owner also sees what ingest refused for this automation.
    expect(await screen.findByText('Nothing quarantined: every report for this automation passed validation.')).toBeTruthy();
  });

  it('explains a failed load and tries again on request', async () => {
    let attempts = 0;
    mockApi({
      Viewer: () => ({ data: aViewer({ role: 'operator' }) }),
      Automation: () => ({ data: { automation: anAutomation() } }),
      AutomationHealth: () => {
        attempts += 1;
        return attempts === 1 ? graphqlError('INTERNAL_SERVER_ERROR', 'The rollups did not answer in time.') : { data: { automationHealth: aHealth() } };
      },
    });
    renderApp('/automations/invoice-generation/health');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Health could not be loaded');
    expect(alert.textContent).toContain('The rollups did not answer in time.');
    // Operators do not own the team: no quarantine section.
    expect(screen.queryByRole('heading', { name: 'Quarantined reports' })).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('group', { name: 'Success rate' })).textContent).toContain('97.5%');
  });
});
