import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { aViewer, someTeams } from '@/test/factories';
import { CSRF_TOKEN, mockApi, type Handlers } from '@/test/mockApi';
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

  const catalogHandlers: Handlers = {
    Viewer: () => ({ data: aViewer({ name: 'Fiona Finance' }) }),
    Teams: () => ({ data: someTeams() }),
    CatalogFacets: () => ({ data: { automationFacets: { tags: [], systems: [] } } }),
    CatalogAutomations: () => ({ data: { automations: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
  };
  const FIONA = { username: 'fiona', password: 'ledger-tulip-orbit-42', user: { id: 'fiona', name: 'Fiona Finance', role: 'owner', teams: ['finance-ops'] } };

  it('signs in with a username and password, keeping the username after a wrong password, and goes where the visitor was going', async () => {
    const api = mockApi(catalogHandlers, { session: { user: null, methods: { local: true, devSignIn: false, oidc: false } }, accounts: [FIONA] });
    renderApp('/?tag=invoicing');

    const username = await screen.findByLabelText('Username');
    const password = screen.getByLabelText('Password');
    expect(screen.queryByRole('heading', { name: 'Development sign-in' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your username and your password.');

    fireEvent.change(username, { target: { value: 'fiona' } });
    fireEvent.change(password, { target: { value: 'not-the-password' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in with your account' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The username or password is wrong.'));
    expect((username as HTMLInputElement).value).toBe('fiona');
    expect((password as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('location').textContent).toBe('/sign-in?next=%2F%3Ftag%3Dinvoicing');

    fireEvent.change(password, { target: { value: FIONA.password } });
    fireEvent.submit(screen.getByRole('form', { name: 'Sign in with your account' }));

    expect(await screen.findByRole('heading', { name: 'Automation catalog' })).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/?tag=invoicing');
    expect(screen.getByRole('group', { name: 'Signed-in user' }).textContent).toContain('Fiona Finance');
    // Every GraphQL POST made with the session carries its CSRF token; the sign-in itself needs none.
    // (MSW sees a request a moment after fetch sends it: wait for the catalog's first one.)
    await waitFor(() => expect(api.posts.filter((post) => post.path === '/graphql').length).toBeGreaterThan(0));
    const graphqlPosts = api.posts.filter((post) => post.path === '/graphql');
    expect(graphqlPosts.every((post) => post.csrfToken === CSRF_TOKEN)).toBe(true);
    expect(api.posts.filter((post) => post.path === '/auth/sign-in').map((post) => post.csrfToken)).toEqual([null, null]);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toMatch(/^\/sign-in/));
    expect(api.posts.find((post) => post.path === '/auth/sign-out')?.csrfToken).toBe(CSRF_TOKEN);
  });

  it('offers the dev personas below the password form when both are on', async () => {
    mockApi({}, { session: { user: null, methods: { local: true, devSignIn: true, oidc: false }, personas: PERSONAS } });
    renderApp('/sign-in');

    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Development sign-in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in as Ada' })).toBeTruthy();
  });

  it('says the identity provider signs people in when single sign-on is the only way', async () => {
    mockApi({}, { session: { user: null, methods: { local: false, devSignIn: false, oidc: true } } });
    renderApp('/sign-in');

    expect(await screen.findByRole('heading', { name: 'Single sign-on' })).toBeTruthy();
    expect(screen.getByText(/SSO: your identity provider signs you in at the proxy/)).toBeTruthy();
    expect(screen.queryByLabelText('Username')).toBeNull();
  });

  it('says plainly when sign-in is not configured', async () => {
    mockApi({}, { session: { user: null, devSignIn: false, personas: [] } });
    renderApp('/sign-in');

    expect(await screen.findByRole('heading', { name: 'Sign-in is not configured' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sign in as/ })).toBeNull();
  });

  const OKTA = { name: 'Okta', start: '/auth/oidc/start' };

  it('offers "Sign in with Okta" above the password form, coming back where the visitor was going', async () => {
    mockApi(catalogHandlers, { session: { user: null, methods: { local: true, devSignIn: false, oidc: false, singleSignOn: OKTA } } });
    renderApp('/?tag=invoicing');

    const okta = await screen.findByRole('link', { name: 'Sign in with Okta' });
    expect(okta.getAttribute('href')).toBe('/auth/oidc/start?returnTo=%2F%3Ftag%3Dinvoicing');
    expect(screen.getByLabelText('Username')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers only the identity provider when it is the only way, without the proxy note', async () => {
    mockApi({}, { session: { user: null, methods: { local: false, devSignIn: false, oidc: true, singleSignOn: OKTA } } });
    renderApp('/sign-in');

    expect((await screen.findByRole('link', { name: 'Sign in with Okta' })).getAttribute('href')).toBe('/auth/oidc/start?returnTo=%2F');
    expect(screen.queryByText(/at the proxy/)).toBeNull();
    expect(screen.queryByLabelText('Username')).toBeNull();
  });

  it('says why the identity provider’s sign-in was refused, and offers it again', async () => {
    const problem =
      'Your identity provider signed you in, but gave no Roundhouse role: its "roundhouse_role" claim is missing (expected one of viewer, operator, owner, admin). Ask your identity provider\'s administrator to give you a Roundhouse role.';
    mockApi({}, { session: { user: null, methods: { local: false, devSignIn: false, oidc: false, singleSignOn: OKTA }, problem } });
    renderApp('/sign-in?next=%2Frunbooks');

    expect((await screen.findByRole('alert')).textContent).toBe(problem);
    expect(screen.getByRole('link', { name: 'Sign in with Okta' }).getAttribute('href')).toBe('/auth/oidc/start?returnTo=%2Frunbooks');
  });

  it('sends a person signed in with the identity provider to its end-session when they sign out', async () => {
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    try {
      mockApi(catalogHandlers, { session: { user: FIONA.user, endSessionUrl: 'https://id.example.test/session/end?id_token_hint=ey' } });
      renderApp('/');
      fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
      await waitFor(() => expect(assign).toHaveBeenCalledWith('https://id.example.test/session/end?id_token_hint=ey'));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
