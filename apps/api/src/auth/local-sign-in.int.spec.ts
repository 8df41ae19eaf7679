import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, useTestApi } from '../../test/harness.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { CatalogService } from '../catalog/catalog.service.js';

const PASSWORD = 'ledger-tulip-orbit-42';

interface SessionAnswer {
  user: { id: string; name: string; role: string; teams: string[] } | null;
  csrfToken: string | null;
  methods: { local: boolean; devSignIn: boolean; oidc: boolean; singleSignOn: { name: string } | null };
  problem: string | null;
}

describe('local accounts: POST /auth/sign-in', () => {
  const t = useTestApi({ ROUNDHOUSE_DEV_SIGN_IN: 'false' });

  const signIn = (username: string, password: string, url = t.api.url) =>
    fetch(`${url}/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const session = async (cookie?: string) => (await (await fetch(`${t.api.url}/auth/session`, { headers: cookie === undefined ? {} : { cookie } })).json()) as SessionAnswer;
  const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const messageOf = async (response: Response) => {
    const body = (await response.json()) as { message?: string; error?: { message: string } };
    return body.error?.message ?? body.message;
  };

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
  });

  it('offers the password form once an account exists', async () => {
    expect((await session()).methods).toEqual({ local: false, devSignIn: false, oidc: false, singleSignOn: null });
    const accounts = t.api.app.get(AccountsService);
    await accounts.add({ username: 'fiona', name: 'Fiona Finance', role: 'owner', teams: ['finance-ops'], password: PASSWORD });
    await accounts.add({ username: 'dora', name: 'Dora Departed', role: 'operator', teams: ['finance-ops'], password: PASSWORD });
    await accounts.disable('dora');
    expect(await session()).toEqual({ user: null, csrfToken: null, methods: { local: true, devSignIn: false, oidc: false, singleSignOn: null }, personas: [], problem: null });
  });

  it('signs in with the right password, and the session acts with the account’s role and teams', async () => {
    const response = await signIn('Fiona', PASSWORD);
    expect(response.status).toBe(204);
    const cookie = cookieOf(response);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/i);
    expect((await session(cookie)).user).toEqual({ id: 'fiona', name: 'Fiona Finance', role: 'owner', teams: ['finance-ops'] });

    const viewer = await t.api.graphql<{ viewer: { name: string; role: string; teams: string[]; canRegister: boolean } }>('{ viewer { name role teams canRegister } }', {}, cookie);
    expect(viewer.data?.viewer).toEqual({ name: 'Fiona Finance', role: 'owner', teams: ['finance-ops'], canRegister: true });
    const tokens = await t.api.graphql<{ runtimeTokens: unknown[] }>('{ runtimeTokens(team: "finance-ops") { id } }', {}, cookie);
    expect(tokens.errors).toBeUndefined();
    expect(tokens.data?.runtimeTokens).toEqual([]);

    const [account] = await t.db.query<{ last_signed_in_at: Date | null }>(`SELECT last_signed_in_at FROM user_account WHERE username = 'fiona'`);
    expect(account?.last_signed_in_at).not.toBeNull();
  });

  it('answers a wrong password and an unknown username alike, and sets no cookie', async () => {
    const wrongPassword = await signIn('fiona', 'not-the-password-at-all');
    const unknownUser = await signIn('nobody', PASSWORD);
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(await messageOf(wrongPassword)).toBe('The username or password is wrong.');
    expect(await messageOf(unknownUser)).toBe('The username or password is wrong.');
  });

  it('refuses a disabled account with its own sentence, but only to someone who knows its password', async () => {
    const right = await signIn('dora', PASSWORD);
    expect(right.status).toBe(403);
    expect(right.headers.get('set-cookie')).toBeNull();
    expect(await messageOf(right)).toBe('The account "dora" is disabled. Ask an administrator if you still need access.');
    const wrong = await signIn('dora', 'guessing-the-password');
    expect(wrong.status).toBe(401);
    expect(await messageOf(wrong)).toBe('The username or password is wrong.');
  });

  it('takes JSON only, so a form on another site cannot sign anyone in', async () => {
    const form = await fetch(`${t.api.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'fiona', password: PASSWORD }).toString(),
    });
    expect(form.status).toBe(400);
    expect(form.headers.get('set-cookie')).toBeNull();
    expect(await messageOf(form)).toBe('Sign-in takes a JSON body (content-type: application/json).');
  });

  it('records sign-ins, refusals and sign-outs in the audit trail, never the password', async () => {
    const cookie = cookieOf(await signIn('fiona', PASSWORD));
    const signOut = await fetch(`${t.api.url}/auth/sign-out`, { method: 'POST', headers: { cookie, 'x-csrf-token': await t.api.csrfToken(cookie) } });
    expect(signOut.status).toBe(204);
    const entries = await t.db.query<{ actor_id: string; action: string; target_id: string; reason: string | null; detail: { username?: string } }>(
      `SELECT actor_id, action, target_id, reason, detail FROM audit_entry WHERE action LIKE 'session.%' ORDER BY id`,
    );
    expect(entries.map((e) => [e.action, e.actor_id, e.target_id, e.reason])).toEqual([
      ['session.signed_in', 'fiona', 'fiona', null],
      ['session.sign_in_refused', 'anonymous', 'fiona', 'wrong username or password'],
      ['session.sign_in_refused', 'anonymous', 'nobody', 'wrong username or password'],
      ['session.sign_in_refused', 'anonymous', 'dora', 'account disabled'],
      ['session.sign_in_refused', 'anonymous', 'dora', 'wrong username or password'],
      ['session.signed_in', 'fiona', 'fiona', null],
      ['session.signed_out', 'fiona', 'fiona', null],
    ]);
    expect(entries.filter((e) => e.action !== 'session.signed_out').every((e) => e.detail.username === e.target_id)).toBe(true);
    expect(JSON.stringify(await t.db.query(`SELECT * FROM audit_entry`))).not.toContain(PASSWORD);
  });

  it('counts password sign-ins against the sign-in rate limit', async () => {
    // Every api on the database shares the budget: the sign-ins of the tests above count too, so this one starts a fresh minute.
    await t.db.query(`DELETE FROM rate_limit_window WHERE limiter = 'sign-in'`);
    const limited = await startTestApi(t.db.url, { ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '2', ROUNDHOUSE_DEV_SIGN_IN: 'false' });
    try {
      expect((await signIn('fiona', 'wrong-guess-number-1', limited.url)).status).toBe(401);
      expect((await signIn('fiona', 'wrong-guess-number-2', limited.url)).status).toBe(401);
      const refused = await signIn('fiona', PASSWORD, limited.url);
      expect(refused.status).toBe(429);
      expect(await messageOf(refused)).toMatch(/^Too many sign-in attempts from this address: at most 2 a minute/);
    } finally {
      await limited.close();
    }
  });

  it('ends the open sessions of an account when it is disabled', async () => {
    const accounts = t.api.app.get(AccountsService);
    await accounts.add({ username: 'greta', name: 'Greta Gone', role: 'viewer', teams: [], password: PASSWORD });
    const cookie = cookieOf(await signIn('greta', PASSWORD));
    expect((await t.api.graphql<{ viewer: { name: string } }>('{ viewer { name } }', {}, cookie)).data?.viewer.name).toBe('Greta Gone');
    await accounts.disable('greta');
    const after = await t.api.graphql('{ viewer { name } }', {}, cookie);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
