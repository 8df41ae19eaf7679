import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunFieldsFragment, RunsQuery } from '@/gql/graphql';
import { aRun } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { RunsPage } from './RunsPage';

function page(runs: RunFieldsFragment[], endCursor: string | null = null): { data: RunsQuery } {
  return { data: { runs: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, edges: runs.map((node) => ({ cursor: node.runId, node })) } } };
}

const LONG_MESSAGE =
  'NetSuite rejected the invoice: the customer record CUST-88213 has no billing address for subsidiary 4 (Northwind EU), so tax could not be computed by Avalara.';

describe(RunsPage.name, () => {
  it('filters by the status in the URL, links each correlation id to its trail, and loads more by cursor', async () => {
    const api = mockApi({
      Runs: ({ after }) =>
        after === 'cursor-2'
          ? page([aRun({ runId: 'run-0002', status: 'failed', correlationId: null, errorClass: 'TimeoutError', errorMessage: 'No answer in 30s' })])
          : page([aRun({ status: 'failed', errorClass: 'ValidationError', errorMessage: LONG_MESSAGE, manualTouch: true })], 'cursor-2'),
    });
    renderApp('/runs?status=failed');

    const first = await screen.findByRole('row', { name: /run-0001/ });
    expect(api.calls('Runs')[0]?.variables).toEqual({ filter: { status: 'failed' }, first: 50, after: null });
    expect(within(first).getByRole('link', { name: 'deal-4711' }).getAttribute('href')).toBe('/trail/deal-4711');
    expect(within(first).getByRole('link', { name: 'Invoice generation from closed-won deals' })).toBeTruthy();
    expect(first.textContent).toContain('Manual touch');

    // A long error is cut to a line, whole on hover, and whole on request.
    const message = within(first).getByText(LONG_MESSAGE);
    expect(message.getAttribute('title')).toBe(LONG_MESSAGE);
    const showAll = within(first).getByRole('button', { name: 'Show all' });
    fireEvent.click(showAll);
    expect(showAll.getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('row', { name: /run-0002/ })).toBeTruthy();
    expect(api.calls('Runs').map((call) => call.variables.after)).toEqual([null, 'cursor-2']);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('sends the correlation id typed in the filter, and offers to clear filters that match nothing', async () => {
    const api = mockApi({ Runs: ({ filter }) => (filter?.correlationId ? page([]) : page([aRun()])) });
    renderApp('/runs');
    await screen.findByRole('row', { name: /run-0001/ });

    const filters = screen.getByRole('search', { name: 'Filter runs' });
    fireEvent.change(within(filters).getByLabelText('Correlation id'), { target: { value: ' deal-0000 ' } });
    fireEvent.submit(filters);

    const empty = await screen.findByRole('status', { name: 'No runs match these filters' });
    expect(screen.getByTestId('location').textContent).toBe('/runs?correlation=deal-0000');
    expect(api.calls('Runs').at(-1)?.variables.filter).toEqual({ correlationId: 'deal-0000' });

    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/runs'));
    expect(await screen.findByRole('row', { name: /run-0001/ })).toBeTruthy();
  });
});
