import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReprocessRequestSummaryFragment, ReprocessRequestsQuery } from '@/gql/graphql';
import { aCanary, aReprocessRequest, aViewer } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { ReprocessRequestsPage } from './ReprocessRequestsPage';

function page(requests: ReprocessRequestSummaryFragment[], endCursor: string | null = null): { data: ReprocessRequestsQuery } {
  return {
    data: { reprocessRequests: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, edges: requests.map((node) => ({ cursor: node.id, node })) } },
  };
}

describe(ReprocessRequestsPage.name, () => {
  it('lists every request newest first with a small progress bar, a page at a time, from the main navigation', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer() }),
      CatalogFacets: () => ({ data: { automationFacets: { tags: [], systems: [] } } }),
      CatalogAutomations: () => ({ data: { automations: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
      ReprocessRequests: ({ after }) =>
        after === null || after === undefined
          ? page(
              [
                aReprocessRequest({ id: '13', state: 'done', action: 'discard', automations: ['payout-reconciliation'], reason: 'Duplicates of settled payouts' }),
                aReprocessRequest(),
              ],
              '12',
            )
          : page([aReprocessRequest({ id: '11', state: 'cancelled' })]),
    });
    renderApp('/');
    fireEvent.click(within(await screen.findByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Reprocessing' }));

    const table = await screen.findByRole('table', { name: 'Reprocess and discard requests, newest first' });
    expect(screen.getByTestId('location').textContent).toBe('/reprocess');
    expect(api.calls('ReprocessRequests')[0]?.variables).toEqual({ automation: null, first: 20, after: null });
    const running = within(table).getByRole('row', { name: /#12/ });
    expect(within(running).getByRole('link', { name: '#12' }).getAttribute('href')).toBe('/reprocess/12');
    expect(running.textContent).toContain('Running');
    expect(running.textContent).toContain('invoice-generation');
    expect(running.textContent).toContain('80 / 200');
    // The words name the states in the order a message moves; the bar fills from the left, outcomes first and waiting at the right end.
    const bar = within(running).getByRole('img');
    expect(bar.getAttribute('aria-label')).toBe('100 waiting, 10 sent, 10 delivered, 77 succeeded, 3 failed again of 200');
    expect([...bar.querySelectorAll<HTMLElement>('[data-state]')].map((segment) => [segment.dataset.state, segment.style.width])).toEqual([
      ['succeeded', '38.5%'],
      ['failed', '1.5%'],
      ['acknowledged', '5%'],
      ['dispatched', '5%'],
      ['queued', '50%'],
    ]);
    expect(within(table).getByRole('row', { name: /#13/ }).textContent).toContain('Discard');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('row', { name: /#11/ })).toBeTruthy();
    expect(api.calls('ReprocessRequests').at(-1)?.variables).toEqual({ automation: null, first: 20, after: '12' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('says where each canary is, so a request held by its canary does not read as merely running or cancelled', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer() }),
      ReprocessRequests: () =>
        page([
          aReprocessRequest({ id: '21', state: 'awaiting_approval', canary: aCanary({ stage: 'awaiting_approval', sent: 0, awaiting: 0, succeeded: 0, failed: 0 }) }),
          aReprocessRequest({ id: '20', state: 'running', canary: aCanary() }),
          aReprocessRequest({ id: '19', state: 'cancelled', canary: aCanary({ stage: 'stopped' }) }),
          aReprocessRequest({ id: '18', state: 'done', canary: null }),
        ]),
    });
    renderApp('/reprocess');

    const table = await screen.findByRole('table', { name: 'Reprocess and discard requests, newest first' });
    const stateOf = (id: string) =>
      within(table)
        .getByRole('row', { name: new RegExp(`#${id}`) })
        .querySelectorAll('td')[1]?.textContent;
    expect(stateOf('21')).toBe('Awaiting approvalcanary: waits for approval');
    expect(stateOf('20')).toBe('Runningcanary: waiting for outcomes');
    expect(stateOf('19')).toBe('Cancelledcanary: stopped the request');
    expect(stateOf('18')).not.toContain('canary');
  });

  it('says nothing was reprocessed yet, and where to start', async () => {
    mockApi({ Viewer: () => ({ data: aViewer() }), ReprocessRequests: () => page([]) });
    renderApp('/reprocess');

    const empty = await screen.findByRole('status', { name: 'Nothing reprocessed or discarded yet' });
    expect(within(empty).getByRole('link', { name: 'Open the dead-letter workbench' }).getAttribute('href')).toBe('/dead-letters');
  });
});
