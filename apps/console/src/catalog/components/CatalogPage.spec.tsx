import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutomationFilter, CatalogAutomationFragment, CatalogAutomationsQuery } from '@/gql/graphql';
import { valueOf } from '@/test/dom';
import { aCatalogAutomation, aViewer, someTeams } from '@/test/factories';
import { graphqlError, mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { CatalogPage } from './CatalogPage';

function page(nodes: CatalogAutomationFragment[], totalCount: number, endCursor: string | null = null): { data: CatalogAutomationsQuery } {
  return {
    data: {
      automations: {
        totalCount,
        pageInfo: { hasNextPage: endCursor !== null, endCursor },
        edges: nodes.map((node) => ({ cursor: node.slug, node })),
      },
    },
  };
}

const facets = () => ({ data: { automationFacets: { tags: ['invoicing', 'month-end'], systems: ['netsuite', 'salesforce'] } } });

const isEmpty = (filter: AutomationFilter | null | undefined) => !filter || Object.keys(filter).length === 0;

describe(CatalogPage.name, () => {
  it('offers to clear the filters when nothing matches them, and clearing shows the catalog again', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      CatalogFacets: facets,
      CatalogAutomations: ({ filter }) => (isEmpty(filter) ? page([aCatalogAutomation()], 1) : page([], 0)),
    });
    renderApp('/?q=payroll&lifecycle=production');

    const empty = await screen.findByRole('status', { name: 'No automations match “payroll”, lifecycle Production' });
    expect(api.calls('CatalogAutomations')[0]?.variables.filter).toEqual({ search: 'payroll', lifecycle: 'production' });
    expect(valueOf(screen.getByLabelText('Search automations'))).toBe('payroll');

    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));

    expect(await screen.findByRole('link', { name: 'Invoice generation from closed-won deals' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/');
    expect(valueOf(screen.getByLabelText('Search automations'))).toBe('');
    expect(valueOf(screen.getByLabelText('Lifecycle'))).toBe('');
  });

  it('searches once typing pauses and keeps the words in the URL', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      CatalogFacets: facets,
      CatalogAutomations: ({ filter }) => page(filter?.search === 'invoice' ? [aCatalogAutomation()] : [], filter?.search ? 1 : 0),
    });
    renderApp('/');
    await screen.findByRole('status', { name: 'The catalog is empty' });

    fireEvent.change(screen.getByLabelText('Search automations'), { target: { value: 'inv' } });
    fireEvent.change(screen.getByLabelText('Search automations'), { target: { value: 'invoice' } });

    const link = await screen.findByRole('link', { name: 'Invoice generation from closed-won deals' });
    expect(screen.getByTestId('location').textContent).toBe('/?q=invoice');
    // One request for the settled words, none for the keystrokes in between.
    expect(api.calls('CatalogAutomations').map((call) => call.variables.filter)).toEqual([{}, { search: 'invoice' }]);
    expect(link.getAttribute('href')).toBe('/automations/invoice-generation');
  });

  it('loads the next page with the cursor and shows how many of the total are listed', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      CatalogFacets: facets,
      CatalogAutomations: ({ after }) =>
        after === 'page-2' ? page([aCatalogAutomation({ slug: 'payout-reconciliation', title: 'Payout reconciliation' })], 2) : page([aCatalogAutomation()], 2, 'page-2'),
    });
    renderApp('/');

    expect(await screen.findByText('Showing 1 of 2 automations')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Payout reconciliation' })).toBeTruthy();
    expect(screen.getByText('Showing 2 of 2 automations')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(api.calls('CatalogAutomations').map((call) => call.variables.after)).toEqual([null, 'page-2']);
  });

  it('explains a failed load and retries on request', async () => {
    let attempts = 0;
    mockApi({
      Viewer: () => ({ data: aViewer({ canRegister: false }) }),
      Teams: () => ({ data: someTeams() }),
      CatalogFacets: facets,
      CatalogAutomations: () => {
        attempts += 1;
        return attempts === 1 ? graphqlError('INTERNAL_SERVER_ERROR', 'The catalog database did not answer in time.') : page([aCatalogAutomation()], 1);
      },
    });
    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The catalog could not be loaded');
    expect(alert.textContent).toContain('The catalog database did not answer in time.');
    expect(screen.queryByRole('link', { name: 'Register automation' })).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Invoice generation from closed-won deals' })).toBeTruthy());
  });

  it('shows each automation’s health with what it rests on, its open alerts and who is on call', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      Teams: () => ({ data: someTeams() }),
      CatalogFacets: facets,
      CatalogAutomations: () =>
        page(
          [
            aCatalogAutomation({ status: { health: 'paging', openAlerts: 2, runsLast24h: 1_380, failedLast24h: 212 } }),
            aCatalogAutomation({
              slug: 'ticket-triage',
              title: 'Support ticket triage (pilot)',
              onCall: { name: 'Support engineering', slack: null },
              status: { health: 'no_runs', openAlerts: 0, runsLast24h: 0, failedLast24h: 0 },
            }),
            aCatalogAutomation({ slug: 'crm-enrichment', title: 'Inbound lead enrichment', status: { health: 'healthy', openAlerts: 0, runsLast24h: 1, failedLast24h: 0 } }),
          ],
          3,
        ),
    });
    renderApp('/');

    const table = await screen.findByRole('table', { name: 'Automations' });
    const cells = (title: string): Record<string, Element | undefined> => {
      const row = within(table).getByRole('link', { name: title }).closest('tr')!;
      const headers = within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent);
      return Object.fromEntries(Array.from(row.children).map((cell, index) => [headers[index] ?? '', cell]));
    };
    const invoices = cells('Invoice generation from closed-won deals');
    expect(invoices.Health?.textContent).toBe('Paging212 of 1,380 runs failed in 24 h');
    expect(
      within(invoices['Open alerts'] as HTMLElement)
        .getByRole('link', { name: '2 open alerts' })
        .getAttribute('href'),
    ).toBe('/automations/invoice-generation/slos');
    expect(invoices['Owner and on call']?.textContent).toBe('Finance Operations EngineeringOn call: Finance ops primary (#finance-ops-oncall)');

    const triage = cells('Support ticket triage (pilot)');
    expect(triage.Health?.textContent).toBe('No runsNo runs in 24 h');
    expect(triage['Open alerts']?.textContent).toBe('None');
    expect(triage['Owner and on call']?.textContent).toBe('Finance Operations EngineeringOn call: Support engineering');
    expect(cells('Inbound lead enrichment').Health?.textContent).toBe('Healthy0 of 1 run failed in 24 h');
  });
});
