import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DataFreshnessQuery, QuarantineQuery } from '@/gql/graphql';
import { aHealth, aViewer, anAutomation } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { DataFreshnessNotice } from './DataFreshnessNotice';

const noQuarantine = (): { data: QuarantineQuery } => ({
  data: { quarantine: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } },
});

const freshness = (overrides: Partial<DataFreshnessQuery['dataFreshness']> = {}): { data: DataFreshnessQuery } => ({
  data: { dataFreshness: { fromReplica: true, behindSeconds: 0, asOf: null, lagging: false, ...overrides } },
});

async function openHealth(reply: () => { data: DataFreshnessQuery } | { errors: ReturnType<typeof graphqlError>['errors'] }) {
  const api = mockApi({
    Viewer: () => ({ data: aViewer() }),
    Automation: () => ({ data: { automation: anAutomation() } }),
    AutomationHealth: ({ window }) => ({ data: { automationHealth: aHealth({ window }) } }),
    Quarantine: noQuarantine,
    DataFreshness: reply,
  });
  renderApp('/automations/invoice-generation');
  const tabs = await screen.findByRole('navigation', { name: 'Automation sections' });
  fireEvent.click(within(tabs).getByRole('link', { name: 'Health' }));
  await screen.findByRole('group', { name: 'Throughput' });
  return api;
}

describe(DataFreshnessNotice.name, () => {
  it('says beside the health charts how old they are while the read replica lags', async () => {
    await openHealth(() => freshness({ lagging: true, behindSeconds: 185, asOf: '2026-11-27T08:56:55Z' }));
    const notice = await screen.findByText(/These figures are as of/);
    expect(notice.textContent).toContain('(3 min 5 s behind): the read replica they come from is catching up.');
    expect(notice.textContent).toContain('Changes since then, yours included, show once it has.');
    expect(notice.querySelector('time')?.getAttribute('dateTime')).toBe('2026-11-27T08:56:55Z');
  });

  it.each([
    ['the figures are current', () => freshness()],
    ['they come from the primary', () => freshness({ fromReplica: false })],
    ['freshness cannot be asked', () => graphqlError('INTERNAL_SERVER_ERROR', 'Something went wrong on our side.')],
  ])('says nothing when %s', async (_case, reply) => {
    const api = await openHealth(reply);
    await waitFor(() => expect(api.calls('DataFreshness').length).toBeGreaterThan(0));
    // Let the answer arrive and render before looking for what it would show.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByText(/These figures/)).toBeNull();
    expect(screen.getByRole('group', { name: 'Throughput' })).toBeTruthy();
  });
});
