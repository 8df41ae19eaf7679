import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aViewer, someTeams } from '@/test/factories';
import { mockApi } from '@/test/mockApi';
import { renderApp } from '@/test/renderApp';
import { SignInPage } from './SignInPage';

const PERSONAS = [
  { id: 'ada', name: 'Ada', role: 'admin', teams: [] },
  { id: 'omar', name: 'Omar', role: 'owner', teams: ['finance-ops'] },
];

describe(SignInPage.name, () => {
  it('sends a signed-out visitor to sign in, and back where they were going as the persona they pick', async () => {
    let signedInAs = '';
    mockApi(
      {
        Viewer: () => ({ data: aViewer({ name: 'Omar' }) }),
        Teams: () => ({ data: someTeams() }),
        CatalogFacets: () => ({ data: { automationFacets: { tags: [], systems: [] } } }),
        CatalogAutomations: () => ({ data: { automations: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
      },
      { session: { user: null, devSignIn: true, personas: PERSONAS }, onSignIn: (persona) => (signedInAs = persona) },
    );
    renderApp('/?tag=invoicing');

    const omar = await screen.findByRole('button', { name: 'Sign in as Omar' });
    expect(screen.getByTestId('location').textContent).toBe('/sign-in?next=%2F%3Ftag%3Dinvoicing');
    expect(omar.textContent).toContain('Owner');
    expect(omar.textContent).toContain('finance-ops');

    fireEvent.click(omar);

    expect(await screen.findByRole('heading', { name: 'Automation catalog' })).toBeTruthy();
    expect(signedInAs).toBe('omar');
    expect(screen.getByTestId('location').textContent).toBe('/?tag=invoicing');
    const user = screen.getByRole('group', { name: 'Signed-in user' });
    expect(user.textContent).toContain('Omar');
    expect(user.textContent).toContain('Owner');
  });

  it('says plainly when sign-in is not configured', async () => {
    mockApi({}, { session: { user: null, devSignIn: false, personas: [] } });
    renderApp('/sign-in');

    expect(await screen.findByRole('heading', { name: 'Sign-in is not configured' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sign in as/ })).toBeNull();
  });
});
