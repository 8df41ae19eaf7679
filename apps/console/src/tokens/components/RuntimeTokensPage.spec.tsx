import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AutomationOptionsQuery, RuntimeTokenFieldsFragment } from '@/gql/graphql';
import { valueOf } from '@/test/dom';
import { aRuntimeToken, aViewer, someTeams } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { RuntimeTokensPage } from './RuntimeTokensPage';

const SECRET = 'rh_rt_cd34_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

const financeAutomations = (): { data: AutomationOptionsQuery } => ({
  data: {
    automations: {
      edges: [
        { node: { slug: 'invoice-generation', title: 'Invoice generation from closed-won deals', owner: { name: 'finance-ops' } } },
        { node: { slug: 'payout-reconciliation', title: 'Payout reconciliation', owner: { name: 'finance-ops' } } },
      ],
    },
  },
});

/** A fake api with a team's tokens kept in memory, as the real one keeps them in the database. */
function tokenApi(initial: RuntimeTokenFieldsFragment[] = []) {
  let tokens = [...initial];
  return mockApi({
    Viewer: () => ({ data: aViewer() }),
    Teams: () => ({ data: someTeams() }),
    AutomationOptions: financeAutomations,
    CatalogFacets: () => ({ data: { automationFacets: { tags: [], systems: [] } } }),
    CatalogAutomations: () => ({ data: { automations: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
    RuntimeTokens: () => ({ data: { runtimeTokens: tokens } }),
    CreateRuntimeToken: ({ input }) => {
      const token = aRuntimeToken({
        id: 'tok-2',
        name: input.name,
        automations: input.automations ?? [],
        capabilities: input.capabilities ?? ['ingest'],
        prefix: 'rh_rt_cd34',
        lastUsedAt: null,
        createdAt: '2026-11-27T09:00:00Z',
      });
      tokens = [token, ...tokens];
      return { data: { createRuntimeToken: { token, secret: SECRET } } };
    },
    RevokeRuntimeToken: ({ id }) => {
      tokens = tokens.map((token) => (token.id === id ? { ...token, revokedAt: '2026-11-27T09:30:00Z' } : token));
      const revoked = tokens.find((token) => token.id === id) ?? aRuntimeToken();
      return { data: { revokeRuntimeToken: revoked } };
    },
  });
}

describe(RuntimeTokensPage.name, () => {
  it('shows a new token’s secret once, and never again after leaving the page', async () => {
    const api = tokenApi();
    const { queryClient } = renderApp('/teams/finance-ops/tokens');

    expect(await screen.findByRole('status', { name: 'No runtime tokens yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New token' }));
    const form = screen.getByRole('form', { name: 'New runtime token for Finance Operations Engineering' });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'payout-worker production' } });
    fireEvent.click(within(form).getByLabelText('Only the automations chosen below'));
    fireEvent.click(await within(form).findByLabelText(/Payout reconciliation/));
    fireEvent.click(within(form).getByLabelText('Report dead letters'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByLabelText('Runtime token');
    expect(valueOf(secret)).toBe(SECRET);
    expect(screen.getByText('You will not see it again.')).toBeTruthy();
    expect(api.calls('CreateRuntimeToken')[0]?.variables).toEqual({
      input: { name: 'payout-worker production', team: 'finance-ops', automations: ['payout-reconciliation'], capabilities: ['ingest', 'dead_letters'] },
    });
    const row = await screen.findByRole('row', { name: /payout-worker production/ });
    expect(row.textContent).toContain('Payout reconciliation');
    expect(row.textContent).toContain('Never used');

    // Leave the page and come back: the token is listed, its secret is gone for good.
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Catalog' }));
    await screen.findByRole('heading', { name: 'Automation catalog' });
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Runtime tokens' }));

    expect(await screen.findByRole('row', { name: /payout-worker production/ })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/teams/finance-ops/tokens');
    expect(screen.queryByLabelText('Runtime token')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
    // Nor is it kept in any cache the page could read it back from.
    const cached = [...queryClient.getQueryCache().getAll(), ...queryClient.getMutationCache().getAll()].map((entry) => entry.state.data);
    expect(JSON.stringify(cached)).not.toContain(SECRET);
  });

  it('revokes a token only after saying what stops working', async () => {
    const api = tokenApi([aRuntimeToken({ capabilities: ['ingest', 'commands'] })]);
    renderApp('/teams/finance-ops/tokens');

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke invoice-worker production' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “invoice-worker production”?' });
    expect(dialog.textContent).toContain('Every runtime that sends rh_rt_ab12… is refused from its next request (401), for every automation of Finance Operations Engineering');
    expect(dialog.textContent).toContain('health and KPIs stop updating');
    expect(dialog.textContent).toContain('reprocessing started here waits');
    expect(dialog.textContent).toContain('cannot be undone');
    expect(api.calls('RevokeRuntimeToken')).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('RevokeRuntimeToken')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Revoke invoice-worker production' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke token' }));

    const row = await screen.findByRole('row', { name: /invoice-worker production.*Revoked/ });
    expect(within(row).queryByRole('button', { name: /Revoke/ })).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('RevokeRuntimeToken')[0]?.variables).toEqual({ id: 'tok-1' });
  });

  it('keeps token management from people who do not own the team', async () => {
    const api = mockApi({
      Viewer: () => ({ data: aViewer({ id: 'otto', name: 'Otto Operator', role: 'operator', teams: ['finance-ops'] }) }),
      Teams: () => ({ data: someTeams() }),
    });
    renderApp('/teams/finance-ops/tokens');

    expect(await screen.findByRole('heading', { name: 'Runtime tokens of finance-ops are managed by its owners' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Runtime tokens' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Quarantine' })).toBeNull();
    expect(api.calls('RuntimeTokens')).toHaveLength(0);
  });
});
