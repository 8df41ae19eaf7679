import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../src/accounts/accounts.service.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from './harness.js';

interface SessionAnswer {
  user: { id: string; role: string } | null;
  csrfToken: string | null;
}

/**
 * Two replicas of the real api (each its own Nest application, memory and remembered sessions) on
 * one database, as behind a balancer: a session ended through one is refused by the other on the
 * very next request, though that one had just accepted (and remembered) it.
 */
describe('sessions across api replicas', () => {
  let db: TestDatabase;
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Replicas share the secret that signs cookies, as behind a balancer.
    const settings = { ROUNDHOUSE_SESSION_SECRET: 'replicas-share-this-secret-of-32-characters-or-more' };
    first = await startTestApi(db.url, settings);
    second = await startTestApi(db.url, settings);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  const session = async (api: TestApi, cookie: string): Promise<SessionAnswer> => (await (await fetch(`${api.url}/auth/session`, { headers: { cookie } })).json()) as SessionAnswer;
  const automations = async (api: TestApi, cookie: string, csrfToken: string) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ query: '{ automations { totalCount } }' }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  /** Signs in with a local account through `api`; answers the cookie. */
  const localSignIn = async (api: TestApi, username: string): Promise<string> => {
    const response = await fetch(`${api.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'correct horse battery staple' }),
    });
    expect(response.status).toBe(204);
    return response.headers.get('set-cookie')?.split(';')[0] ?? '';
  };
  /** The cookie is accepted by both replicas, several times each (so each remembers it). */
  const acceptedByBoth = async (cookie: string): Promise<string> => {
    let csrfToken = '';
    for (const api of [second, first, second, first]) {
      const answer = await session(api, cookie);
      expect(answer.user).not.toBeNull();
      csrfToken = answer.csrfToken ?? '';
    }
    expect((await automations(second, cookie, csrfToken)).errors).toBeUndefined();
    return csrfToken;
  };
  const refusedByBoth = async (cookie: string, csrfToken: string) => {
    for (const api of [second, first]) {
      expect((await session(api, cookie)).user).toBeNull();
      expect((await automations(api, cookie, csrfToken)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  };

  it('refuses a cookie on the other replica on the next request once its session is signed out of through one', async () => {
    const cookie = await first.signIn('ada');
    const other = await second.signIn('ada');
    const csrfToken = await acceptedByBoth(cookie);
    await acceptedByBoth(other);

    const signOut = await fetch(`${first.url}/auth/sign-out`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(signOut.status).toBe(204);

    await refusedByBoth(cookie, csrfToken);
    // The same person's other session is not signed out.
    await acceptedByBoth(other);
  });

  it('refuses every session of an account on both replicas as soon as the account is disabled', async () => {
    const accounts = first.app.get(AccountsService);
    await accounts.add({ username: 'dora', name: 'Dora Disabled', role: 'operator', teams: [], password: 'correct horse battery staple' });
    const cookies = [await localSignIn(first, 'dora'), await localSignIn(second, 'dora')];
    const tokens = [await acceptedByBoth(cookies[0] ?? ''), await acceptedByBoth(cookies[1] ?? '')];

    await accounts.disable('dora');

    await refusedByBoth(cookies[0] ?? '', tokens[0] ?? '');
    await refusedByBoth(cookies[1] ?? '', tokens[1] ?? '');
  });

  it('ends the sessions of an account whose role or teams change (their cookies carry the old ones), on both replicas at once', async () => {
    const accounts = first.app.get(AccountsService);
    await accounts.add({ username: 'rita', name: 'Rita Role', role: 'operator', teams: [], password: 'correct horse battery staple' });
    await accounts.add({ username: 'tom', name: 'Tom Teams', role: 'operator', teams: [], password: 'correct horse battery staple' });
    const rita = await localSignIn(second, 'rita');
    const tom = await localSignIn(first, 'tom');
    const ritaToken = await acceptedByBoth(rita);
    const tomToken = await acceptedByBoth(tom);

    // No command changes a role or teams yet: an administrator's UPDATE, as a future one would.
    await db.query(`UPDATE user_account SET role = 'viewer' WHERE username = 'rita'`);
    await refusedByBoth(rita, ritaToken);
    await acceptedByBoth(tom);

    await db.query(`UPDATE user_account SET teams = '{finance-ops}' WHERE username = 'tom'`);
    await refusedByBoth(tom, tomToken);

    // Signing in again gives the new role.
    expect((await session(first, await localSignIn(first, 'rita'))).user?.role).toBe('viewer');
  });
});
