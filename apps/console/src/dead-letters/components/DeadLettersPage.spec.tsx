import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DeadLetterRowFragment, DeadLettersQuery } from '@/gql/graphql';
import { descriptionOf } from '@/test/dom';
import { aDeadLetterGroup, aDeadLetterRow, aViewer } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { DeadLettersPage } from './DeadLettersPage';

function page(deadLetters: DeadLetterRowFragment[], endCursor: string | null = null): { data: DeadLettersQuery } {
  return {
    data: { deadLetters: { pageInfo: { hasNextPage: endCursor !== null, endCursor }, edges: deadLetters.map((node) => ({ cursor: node.id, node })) } },
  };
}

const AUTOMATIONS = {
  data: {
    automations: {
      edges: [
        { node: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals', owner: { name: 'finance-ops' } } },
        { node: { slug: 'payout-reconciliation', title: 'Payout reconciliation', owner: { name: 'finance-ops' } } },
      ],
    },
  },
};

const TIMEOUTS = aDeadLetterGroup({
  fingerprint: 'fp-stripe-timeout',
  automation: { slug: 'payout-reconciliation', title: 'Payout reconciliation' },
  errorClass: 'TimeoutError',
  normalizedMessage: 'Stripe did not answer in <n>s',
  sourceKind: 'bullmq',
  sourceQueue: 'payouts:failed',
  total: 4,
  pending: 2,
});

describe(DeadLettersPage.name, () => {
  it('shows the pending groups with their counts, and narrows the list to the group clicked', async () => {
    const api = mockApi({
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [aDeadLetterGroup(), TIMEOUTS] } }),
      DeadLetters: ({ filter }) =>
        filter?.fingerprint === 'fp-stripe-timeout'
          ? page([
              aDeadLetterRow({ id: 'dl-0009', automation: TIMEOUTS.automation, errorClass: 'TimeoutError', errorMessage: 'Stripe did not answer in 30s', correlationId: null }),
            ])
          : page(
              [aDeadLetterRow(), aDeadLetterRow({ id: 'dl-0002', correlationId: 'deal-4712', errorMessage: 'customer record CUST-90001 has no billing address for subsidiary 2' })],
              'cursor-2',
            ),
    });
    renderApp('/dead-letters');

    const groups = await screen.findByRole('table', { name: 'Dead letters grouped by error, most pending first' });
    expect(api.calls('DeadLetterGroups')[0]?.variables).toEqual({ automation: null, teams: ['finance-ops'], status: null, needsAction: true, reprocessRequest: null });
    const address = within(groups).getByRole('row', { name: /NetSuiteValidationError/ });
    expect(address.textContent).toContain('customer record <id> has no billing address for subsidiary <n>');
    expect(address.textContent).toContain('7 / 9');
    expect(address.textContent).toContain('invoices.generate.dlq');
    expect(within(address).getByRole('img').getAttribute('aria-label')).toBe('9 in the last 24 hours, at most 3 an hour, 0 in the last hour');
    expect(within(groups).getByRole('row', { name: /TimeoutError/ }).textContent).toContain('2 / 4');

    // The list starts with every dead letter that needs action, each linking to itself and to its trail.
    const first = await screen.findByRole('row', { name: /customer record CUST-88213/ });
    expect(api.calls('DeadLetters')[0]?.variables).toEqual({ filter: { teams: ['finance-ops'], needsAction: true }, first: 50, after: null });
    expect(within(first).getByRole('link', { name: 'NetSuiteValidationError' }).getAttribute('href')).toBe('/dead-letters/dl-0001');
    expect(within(first).getByRole('link', { name: 'deal-4711' }).getAttribute('href')).toBe('/trail/deal-4711');
    expect(first.textContent).toContain('Pending');
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();

    const timeoutGroup = within(within(groups).getByRole('row', { name: /TimeoutError/ })).getByRole('button');
    fireEvent.click(timeoutGroup);

    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?fingerprint=fp-stripe-timeout'));
    expect(timeoutGroup.getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByRole('row', { name: /Stripe did not answer in 30s/ })).toBeTruthy();
    expect(api.calls('DeadLetters').at(-1)?.variables.filter).toEqual({ teams: ['finance-ops'], fingerprint: 'fp-stripe-timeout', needsAction: true });
    expect(screen.queryByRole('row', { name: /customer record CUST-88213/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    // The chosen group reads as a filter of its own, and clicking the group again lets go of it.
    const filters = screen.getByRole('search', { name: 'Filter dead letters' });
    expect(filters.textContent).toContain('TimeoutError: Stripe did not answer in <n>s');
    fireEvent.click(timeoutGroup);
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters'));
  });

  it('reads every filter from the URL and sends them to both queries', async () => {
    const api = mockApi({
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [TIMEOUTS] } }),
      DeadLetters: () => page([]),
    });
    renderApp('/dead-letters?automation=payout-reconciliation&status=any&from=2026-11-27T00:00:00.000Z&q=Stripe');

    const empty = await screen.findByRole('status', { name: 'No dead letters match these filters' });
    expect(api.calls('DeadLetterGroups')[0]?.variables).toEqual({
      automation: 'payout-reconciliation',
      teams: ['finance-ops'],
      status: null,
      needsAction: null,
      reprocessRequest: null,
    });
    expect(api.calls('DeadLetters')[0]?.variables.filter).toEqual({
      teams: ['finance-ops'],
      automation: 'payout-reconciliation',
      from: '2026-11-27T00:00:00.000Z',
      search: 'Stripe',
    });

    fireEvent.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters'));
  });

  it('opens on what needs action: failed-again messages under their new error beside pending ones; the status can still be changed, in the URL', async () => {
    const rateLimited = aDeadLetterGroup({
      fingerprint: 'fp-adyen-429',
      errorClass: 'AdyenRateLimited',
      normalizedMessage: 'Adyen answered <n> Too Many Requests',
      total: 10,
      pending: 10,
    });
    const api = mockApi({
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: ({ needsAction }) => ({ data: { deadLetterGroups: needsAction === true ? [rateLimited, aDeadLetterGroup()] : [aDeadLetterGroup()] } }),
      DeadLetters: ({ filter }) =>
        page(
          filter?.needsAction === true
            ? [aDeadLetterRow({ id: 'dl-0042', status: 'failed_again', errorClass: 'AdyenRateLimited', errorMessage: 'Adyen answered 429 Too Many Requests' }), aDeadLetterRow()]
            : [aDeadLetterRow()],
        ),
    });
    renderApp('/dead-letters');

    const status = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Status' });
    expect(status.value).toBe('needs_action');
    expect(status.selectedOptions[0]?.textContent).toBe('Needs action (pending or failed again)');
    const again = await screen.findByRole('row', { name: /Adyen answered 429 Too Many Requests/ });
    expect(again.textContent).toContain('Failed again');
    const groups = screen.getByRole('table', { name: 'Dead letters grouped by error, most pending first' });
    expect(within(groups).getByRole('row', { name: /AdyenRateLimited/ }).textContent).toContain('10 / 10');
    expect(screen.getByTestId('location').textContent).toBe('/dead-letters');

    fireEvent.change(status, { target: { value: 'pending' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?status=pending'));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Adyen answered 429/ })).toBeNull());
    expect(api.calls('DeadLetters').at(-1)?.variables.filter).toEqual({ teams: ['finance-ops'], status: 'pending' });
    expect(api.calls('DeadLetterGroups').at(-1)?.variables).toEqual({ automation: null, teams: ['finance-ops'], status: 'pending', needsAction: null, reprocessRequest: null });

    fireEvent.change(status, { target: { value: 'needs_action' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters'));
  });

  it('shows exactly what a request sent back that failed again, grouped by their new error, and lets go of the request', async () => {
    const api = mockApi({
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({
        data: {
          deadLetterGroups: [
            aDeadLetterGroup({ fingerprint: 'fp-adyen-429', errorClass: 'AdyenRateLimited', normalizedMessage: 'Adyen answered <n> Too Many Requests', pending: 12, matching: 10 }),
          ],
        },
      }),
      DeadLetters: () => page([aDeadLetterRow({ id: 'dl-0042', status: 'failed_again', errorClass: 'AdyenRateLimited', errorMessage: 'Adyen answered 429 Too Many Requests' })]),
    });
    renderApp('/dead-letters?request=42&status=failed_again');

    expect(await screen.findByRole('row', { name: /Adyen answered 429 Too Many Requests/ })).toBeTruthy();
    // The group waits with 12 (pending or failed again, as the dashboard counts waiting); the 10 the request's link counted are said beside it.
    expect(screen.getByRole('columnheader', { name: /^Waiting \/ total/ })).toBeTruthy();
    const group = within(screen.getByRole('table', { name: 'Dead letters grouped by error, most pending first' })).getByRole('row', { name: /AdyenRateLimited/ });
    expect(within(group).getByTestId('group-matching').textContent).toBe('10 match the filters');
    expect(api.calls('DeadLetters')[0]?.variables.filter).toEqual({ teams: ['finance-ops'], status: 'failed_again', reprocessRequest: '42' });
    expect(api.calls('DeadLetterGroups')[0]?.variables).toEqual({ automation: null, teams: ['finance-ops'], status: 'failed_again', needsAction: null, reprocessRequest: '42' });
    const filters = screen.getByRole('search', { name: 'Filter dead letters' });
    expect(filters.textContent).toContain('Sent back by request #42');
    fireEvent.click(within(filters).getByRole('button', { name: 'Show dead letters of every request' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?status=failed_again'));
  });

  it('opens on my teams’ dead letters for an operator, with every team’s one click away, the choice in the URL', async () => {
    const triage = aDeadLetterGroup({
      fingerprint: 'fp-zendesk',
      automation: { slug: 'ticket-triage', title: 'Ticket triage' },
      errorClass: 'ZendeskRateLimited',
      normalizedMessage: 'Zendesk answered <n>',
    });
    const api = mockApi(
      {
        Viewer: () => ({ data: aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator', teams: ['finance-ops'] }) }),
        AutomationOptions: () => AUTOMATIONS,
        DeadLetterGroups: ({ teams }) => ({ data: { deadLetterGroups: teams ? [aDeadLetterGroup()] : [aDeadLetterGroup(), triage] } }),
        DeadLetters: () => page([aDeadLetterRow()]),
      },
      { session: { user: { id: 'otto', name: 'Otto Operator', role: 'operator', teams: ['finance-ops'] } } },
    );
    renderApp('/dead-letters');

    const whose = await screen.findByRole('group', { name: 'Whose dead letters' });
    expect(within(whose).getByRole('button', { name: 'My teams (finance-ops)' }).getAttribute('aria-pressed')).toBe('true');
    const groups = await screen.findByRole('table', { name: 'Dead letters grouped by error, most pending first' });
    expect(within(groups).queryByRole('row', { name: /ZendeskRateLimited/ })).toBeNull();
    expect(api.calls('DeadLetters')[0]?.variables.filter).toEqual({ teams: ['finance-ops'], needsAction: true });

    fireEvent.click(within(whose).getByRole('button', { name: 'All teams' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?teams=all'));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Dead letters grouped by error, most pending first' })).getByRole('row', { name: /ZendeskRateLimited/ })).toBeTruthy(),
    );
    expect(api.calls('DeadLetters').at(-1)?.variables.filter).toEqual({ needsAction: true });
    expect(api.calls('DeadLetterGroups').at(-1)?.variables).toEqual({ automation: null, teams: null, status: null, needsAction: true, reprocessRequest: null });
  });

  it('shows every team’s dead letters, with no choice to make, to an admin on no team', async () => {
    const api = mockApi(
      {
        Viewer: () => ({ data: aViewer({ id: 'ada', name: 'Ada Admin', role: 'admin', teams: [] }) }),
        AutomationOptions: () => AUTOMATIONS,
        DeadLetterGroups: () => ({ data: { deadLetterGroups: [aDeadLetterGroup()] } }),
        DeadLetters: () => page([aDeadLetterRow()]),
      },
      { session: { user: { id: 'ada', name: 'Ada Admin', role: 'admin', teams: [] } } },
    );
    renderApp('/dead-letters');

    await screen.findByRole('row', { name: /customer record CUST-88213/ });
    expect(api.calls('DeadLetters')[0]?.variables.filter).toEqual({ needsAction: true });
    expect(screen.queryByRole('group', { name: 'Whose dead letters' })).toBeNull();
  });

  it('says nothing is waiting when no dead letter is pending or failed again anywhere', async () => {
    mockApi({
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [] } }),
      DeadLetters: () => page([]),
    });
    renderApp('/dead-letters');

    expect(await screen.findByRole('status', { name: 'No dead letters — nothing is waiting for you' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    // The scope stays, so older (reprocessed, discarded) dead letters remain a click away.
    expect(screen.getByRole('combobox', { name: 'Status' })).toBeTruthy();
  });

  it('lets a viewer see the dead letters but not choose or act on them, and says why', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ id: 'vera', name: 'Vera Viewer', role: 'viewer', teams: [] }) }),
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [aDeadLetterGroup()] } }),
      DeadLetters: () => page([aDeadLetterRow()]),
    });
    renderApp('/dead-letters');

    const toolbar = await screen.findByRole('toolbar', { name: 'Act on dead letters' });
    const why = 'Your role (Viewer) cannot reprocess or discard dead letters. An operator or owner of the automation’s team can.';
    await waitFor(() => expect(descriptionOf(within(toolbar).getByRole('button', { name: 'Reprocess all matching…' }))).toBe(why));
    for (const name of ['Reprocess 0 selected', 'Discard 0 selected', 'Reprocess all matching…', 'Discard all matching…']) {
      expect(within(toolbar).getByRole<HTMLButtonElement>('button', { name }).disabled).toBe(true);
    }
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(within(toolbar).getByRole('button', { name: 'Reprocess all matching…' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('ReprocessPreview')).toHaveLength(0);
  });

  it('chooses every row shown at once, and forgets the choice when the filters change', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator' }) }),
      AutomationOptions: () => AUTOMATIONS,
      DeadLetterGroups: () => ({ data: { deadLetterGroups: [aDeadLetterGroup(), TIMEOUTS] } }),
      DeadLetters: () => page([aDeadLetterRow(), aDeadLetterRow({ id: 'dl-0002', correlationId: 'deal-4712' })]),
    });
    renderApp('/dead-letters');

    const all = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Select every dead letter shown' });
    fireEvent.click(all);
    const toolbar = screen.getByRole('toolbar', { name: 'Act on dead letters' });
    expect(within(toolbar).getByRole<HTMLButtonElement>('button', { name: 'Reprocess 2 selected' }).disabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select dead letter dl-0002: NetSuiteValidationError' }));
    expect(all.indeterminate).toBe(true);
    expect(within(toolbar).getByRole('button', { name: 'Discard 1 selected' })).toBeTruthy();

    fireEvent.click(within(screen.getByRole('row', { name: /TimeoutError/ })).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?fingerprint=fp-stripe-timeout'));
    const after = await screen.findByRole('toolbar', { name: 'Act on dead letters' });
    expect(within(after).getByRole<HTMLButtonElement>('button', { name: 'Reprocess 0 selected' }).disabled).toBe(true);
  });

  it('disables "Reprocess all matching…" up front, with the reason, when what the filters reach is another team’s', async () => {
    const churn = aDeadLetterGroup({
      fingerprint: 'fp-churn',
      automation: { slug: 'churn-alerts', title: 'Churn alerts' },
      errorClass: 'HubSpotRateLimit',
      normalizedMessage: 'rate limited for <n>s',
    });
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ id: 'rita', name: 'Rita', role: 'operator', teams: ['revenue-ops'] }) }),
      AutomationOptions: () => ({
        data: {
          automations: {
            edges: [...AUTOMATIONS.data.automations.edges, { node: { slug: 'churn-alerts', title: 'Churn alerts', owner: { name: 'revenue-ops' } } }],
          },
        },
      }),
      DeadLetterGroups: ({ automation }) => ({ data: { deadLetterGroups: automation === 'payout-reconciliation' ? [TIMEOUTS] : [aDeadLetterGroup(), TIMEOUTS, churn] } }),
      DeadLetters: () => page([aDeadLetterRow()]),
    });
    renderApp('/dead-letters');

    // Her own team's group is among those shown: she may act on what matches (the api skips the rest).
    const toolbar = await screen.findByRole('toolbar', { name: 'Act on dead letters' });
    await waitFor(() => expect(within(toolbar).getByRole<HTMLButtonElement>('button', { name: 'Reprocess all matching…' }).disabled).toBe(false));

    // A finance-ops group chosen: nothing offered, and why, before any dialog.
    fireEvent.click(within(screen.getByRole('row', { name: /TimeoutError/ })).getByRole('button'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?fingerprint=fp-stripe-timeout'));
    const why = 'Only people on the finance-ops team (or an admin) can reprocess or discard its dead letters.';
    const all = within(await screen.findByRole('toolbar', { name: 'Act on dead letters' })).getByRole<HTMLButtonElement>('button', { name: 'Reprocess all matching…' });
    await waitFor(() => expect(all.disabled).toBe(true));
    expect(descriptionOf(all)).toBe(why);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Discard all matching…' }).disabled).toBe(true);
    expect(screen.queryByRole('checkbox')).toBeNull();
    fireEvent.click(all);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('ReprocessPreview')).toHaveLength(0);
  });

  it('disables acting on an automation of another team chosen in the scope, and on groups all of other teams', async () => {
    mockApi({
      Viewer: () => ({ data: aViewer({ id: 'rita', name: 'Rita', role: 'operator', teams: ['revenue-ops'] }) }),
      AutomationOptions: () => ({
        data: { automations: { edges: [...AUTOMATIONS.data.automations.edges, { node: { slug: 'deal-sync', title: 'Deal sync', owner: { name: 'sales-ops' } } }] } },
      }),
      DeadLetterGroups: ({ automation }) => ({
        data: {
          deadLetterGroups:
            automation === 'payout-reconciliation'
              ? [TIMEOUTS]
              : [aDeadLetterGroup(), aDeadLetterGroup({ fingerprint: 'fp-deal', automation: { slug: 'deal-sync', title: 'Deal sync' } })],
        },
      }),
      DeadLetters: () => page([aDeadLetterRow()]),
    });
    renderApp('/dead-letters');

    const toolbar = await screen.findByRole('toolbar', { name: 'Act on dead letters' });
    const all = () => within(screen.getByRole('toolbar', { name: 'Act on dead letters' })).getByRole<HTMLButtonElement>('button', { name: 'Reprocess all matching…' });
    await waitFor(() =>
      expect(descriptionOf(all())).toBe(
        'These dead letters belong to other teams (finance-ops, sales-ops). Only people on those teams (or an admin) can reprocess or discard them.',
      ),
    );
    expect(within(toolbar).getByRole<HTMLButtonElement>('button', { name: 'Reprocess all matching…' }).disabled).toBe(true);

    fireEvent.change(screen.getByRole('combobox', { name: 'Automation' }), { target: { value: 'payout-reconciliation' } });
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/dead-letters?automation=payout-reconciliation'));
    await waitFor(() => expect(descriptionOf(all())).toBe('Only people on the finance-ops team (or an admin) can reprocess or discard its dead letters.'));
    expect(all().disabled).toBe(true);
  });
});
