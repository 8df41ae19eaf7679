import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AutomationOptionsQuery, RuntimeTokenFieldsFragment } from '@/gql/graphql';
import { valueOf } from '@/test/dom';
import { aRuntimeToken, aViewer, someTeams } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { RuntimeTokensPage } from './RuntimeTokensPage';

const SECRET = 'rh_rt_cd34_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const ROTATED_SECRET = 'rh_rt_ef56_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const NOW = new Date('2026-11-27T09:00:00Z');

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
        allAutomations: input.automations === null || input.automations === undefined,
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
      tokens = tokens.map((token) => (token.id === id ? { ...token, revokedAt: '2026-11-27T09:30:00Z', revokedBy: 'omar', state: 'revoked' as const } : token));
      const revoked = tokens.find((token) => token.id === id) ?? aRuntimeToken();
      return { data: { revokeRuntimeToken: revoked } };
    },
    RotateRuntimeToken: ({ id, overlapHours }) => {
      const old = tokens.find((token) => token.id === id) ?? aRuntimeToken();
      const replaced = { ...old, state: 'replaced' as const, replacedBy: 'tok-3', expiresAt: new Date(NOW.getTime() + (overlapHours ?? 24) * 3_600_000).toISOString() };
      const token = aRuntimeToken({
        ...old,
        id: 'tok-3',
        prefix: 'rh_rt_ef56',
        replaces: String(id),
        lastUsedAt: null,
        createdAt: NOW.toISOString(),
        expiresAt: '2027-02-25T09:00:00Z',
      });
      tokens = [token, ...tokens.map((candidate) => (candidate.id === id ? replaced : candidate))];
      return { data: { rotateRuntimeToken: { token, secret: ROTATED_SECRET, replaced } } };
    },
  });
}

describe(RuntimeTokensPage.name, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

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
    fireEvent.change(within(form).getByLabelText('Expires after'), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create token' }));

    const secret = await screen.findByLabelText('Runtime token');
    expect(valueOf(secret)).toBe(SECRET);
    expect(screen.getByText('You will not see it again.')).toBeTruthy();
    expect(api.calls('CreateRuntimeToken')[0]?.variables).toEqual({
      input: { name: 'payout-worker production', team: 'finance-ops', automations: ['payout-reconciliation'], capabilities: ['ingest', 'dead_letters'], expiresInDays: 30 },
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
    expect(row.textContent).toContain('by omar');
    expect(within(row).getByRole<HTMLButtonElement>('button', { name: 'Rotate invoice-worker production' }).disabled).toBe(true);
    expect(row.textContent).toContain('A revoked token cannot be rotated: create a new one.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('RevokeRuntimeToken')[0]?.variables).toEqual({ id: 'tok-1' });
  });

  it('shows when each token expires, was last used and whether it still works', async () => {
    tokenApi([
      aRuntimeToken({ id: 'tok-1', name: 'invoice-worker production', lastUsedAt: '2026-11-27T08:57:00Z', expiresAt: '2026-11-30T10:00:00Z' }),
      aRuntimeToken({ id: 'tok-2', name: 'payout-worker production', lastUsedAt: null, expiresAt: '2027-02-01T09:00:00Z', createdAt: '2026-11-21T10:00:00Z' }),
      aRuntimeToken({ id: 'tok-3', name: 'old staging worker', state: 'expired', expiresAt: '2026-11-20T09:00:00Z', createdAt: '2026-08-01T10:00:00Z' }),
      aRuntimeToken({ id: 'tok-4', name: 'chargeback worker', state: 'replaced', replacedBy: 'tok-5', expiresAt: '2026-11-28T09:00:00Z', createdAt: '2026-10-01T10:00:00Z' }),
    ]);
    renderApp('/teams/finance-ops/tokens');

    const soon = await screen.findByRole('row', { name: /invoice-worker production/ });
    expect(soon.textContent).toContain('3 minutes ago');
    expect(within(soon).getByText('Expires in 3 days').closest('[data-tone="caution"]')).not.toBeNull();
    expect(soon.textContent).toContain('Active');

    const later = screen.getByRole('row', { name: /payout-worker production/ });
    expect(later.textContent).toContain('Never used');
    expect(within(later).getByText('Expires in 66 days').closest('[data-tone]')).toBeNull();

    const expired = screen.getByRole('row', { name: /old staging worker/ });
    expect(within(expired).getAllByText('Expired')).toHaveLength(2);
    expect(within(expired).getByRole<HTMLButtonElement>('button', { name: 'Rotate old staging worker' }).disabled).toBe(false);

    const rotated = screen.getByRole('row', { name: /chargeback worker/ });
    expect(rotated.textContent).toContain('Expiring after rotation');
    expect(within(rotated).getByRole<HTMLButtonElement>('button', { name: 'Rotate chargeback worker' }).disabled).toBe(true);
    expect(rotated.textContent).toContain('Already rotated: rotate the token that replaced it.');

    // Active tokens first (newest first), then the one ending after its rotation, the expired one last.
    const names = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.querySelector('.strong')?.textContent);
    expect(names).toEqual(['payout-worker production', 'invoice-worker production', 'chargeback worker', 'old staging worker']);
  });

  it('says a token whose named automations all moved to other teams covers none, never all of the team', async () => {
    tokenApi([aRuntimeToken({ name: 'bill capture worker', allAutomations: false, automations: [] })]);
    renderApp('/teams/finance-ops/tokens');

    const row = await screen.findByRole('row', { name: /bill capture worker/ });
    expect(row.textContent).toContain('None: the automations it named moved to other teams');
    expect(row.textContent).not.toContain('All automations of the team');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke bill capture worker' }));
    expect(screen.getByRole('dialog').textContent).toContain('is refused from its next request (401), for no automation: the ones it named moved to other teams');
  });

  it('rotates a token: the new secret once, and when the old one stops working', async () => {
    const api = tokenApi([aRuntimeToken({ capabilities: ['ingest', 'dead_letters'] })]);
    renderApp('/teams/finance-ops/tokens');

    fireEvent.click(await screen.findByRole('button', { name: 'Rotate invoice-worker production' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate “invoice-worker production”?' });
    expect(dialog.textContent).toContain('A new token “invoice-worker production” is created for every automation of Finance Operations Engineering');
    fireEvent.change(within(dialog).getByLabelText('Keep the old token working for'), { target: { value: '72' } });
    fireEvent.change(within(dialog).getByLabelText('The new token expires after'), { target: { value: '180' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Rotate token' }));

    const secret = await screen.findByLabelText('Runtime token');
    expect(valueOf(secret)).toBe(ROTATED_SECRET);
    expect(api.calls('RotateRuntimeToken')[0]?.variables).toEqual({ id: 'tok-1', overlapHours: 72, expiresInDays: 180 });
    expect(screen.queryByRole('dialog')).toBeNull();
    const panel = screen.getByRole('region', { name: 'Copy the token “invoice-worker production” now' });
    expect(panel.textContent).toContain('The old token rh_rt_ab12… keeps working until');
    expect(within(panel).getByRole('button', { name: 'Copy token' })).toBeTruthy();

    const old = await screen.findByRole('row', { name: /rh_rt_ab12.*Expiring after rotation/ });
    expect(within(old).getByText('Expires in 3 days')).toBeTruthy();
    expect(screen.getByRole('row', { name: /rh_rt_ef56.*Active/ }).textContent).toContain('Never used');

    fireEvent.click(within(panel).getByRole('button', { name: 'I have stored it' }));
    expect(document.body.textContent).not.toContain(ROTATED_SECRET);
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
