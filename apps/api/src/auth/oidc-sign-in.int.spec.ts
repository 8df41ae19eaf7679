import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calculatePKCECodeChallenge, randomPKCECodeVerifier } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../test/free-port.js';
import { createTestDatabase, startTestApi, type TestApi, type TestDatabase } from '../../test/harness.js';
import { startTestProvider, type TestProvider } from '../../test/oidc-provider.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { OidcController } from './oidc.controller.js';

const ACCOUNTS = {
  sam: { name: 'Sam Single-Sign-On', email: 'sam@example.test', roundhouse_role: 'owner', roundhouse_teams: ['finance-ops', 'people-ops'] },
  nora: { name: 'Nora No-Role', email: 'nora@example.test' },
  // Someone who set Sam's address at the provider without proving it.
  una: { name: 'Una Unverified', email: 'sam@example.test', email_verified: false, roundhouse_role: 'viewer', roundhouse_teams: [] },
};

interface SessionAnswer {
  user: { id: string; name: string; role: string; teams: string[] } | null;
  methods: { singleSignOn: { name: string; start: string } | null };
  problem: string | null;
}

/**
 * What a browser does, by hand: every request made with the cookies its origin set, redirects
 * followed (or stopped at) one by one, forms posted as the provider's pages post them.
 */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  async request(url: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method: init.method ?? (init.form === undefined ? 'GET' : 'POST'),
      redirect: 'manual',
      headers: { ...(cookie === '' ? {} : { cookie }), ...(init.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }), ...init.headers },
      body: init.form === undefined ? undefined : new URLSearchParams(init.form).toString(),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now()));
      if (expired) {
        jar.delete(name);
      } else {
        jar.set(name, pair.slice(pair.indexOf('=') + 1));
      }
    }
    return response;
  }

  /** Follows redirects from `url` until one would leave for `stopAt` (returned, not requested) or a page answers. */
  async follow(url: string, stopAt?: string): Promise<{ url: string; response?: Response }> {
    let next = url;
    for (let hops = 0; hops < 20; hops += 1) {
      if (stopAt !== undefined && next.startsWith(stopAt)) {
        return { url: next };
      }
      const response = await this.request(next);
      const location = response.headers.get('location');
      if (location === null) {
        return { url: next, response };
      }
      next = new URL(location, next).href;
    }
    throw new Error(`too many redirects from ${url}`);
  }
}

describe(OidcController.name, () => {
  let db: TestDatabase;
  let api: TestApi;
  let provider: TestProvider;
  let callbackUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    callbackUrl = `http://127.0.0.1:${port}/auth/oidc/callback`;
    provider = await startTestProvider({ port: await freePort(), redirectUri: callbackUrl, accounts: ACCOUNTS });
    api = await startTestApi(db.url, { ...provider.env, PORT: String(port), ROUNDHOUSE_DEV_SIGN_IN: 'false' });
  });

  afterAll(async () => {
    await api?.close();
    await provider?.close();
    await db?.drop();
  });

  /** Clicks "Sign in with Test ID": the provider's address, with the sign-in's parameters. */
  async function start(browser: Browser, returnTo = '/'): Promise<URL> {
    const response = await browser.request(`${api.url}/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  /** Signs in at the provider's own login and consent pages as `login`; the callback address it sends the browser back to. */
  async function signInAtProvider(browser: Browser, authorizationUrl: URL, login: string): Promise<URL> {
    let at = await browser.follow(authorizationUrl.href, callbackUrl);
    while (at.response !== undefined) {
      const page = await at.response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const submit = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (prompt === undefined || submit === undefined) {
        throw new Error(`the provider answered ${at.response.status} without a login or consent form at ${at.url}: ${page.slice(0, 300)}`);
      }
      const posted = await browser.request(new URL(submit, at.url).href, { form: prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt } });
      at = await browser.follow(new URL(posted.headers.get('location') ?? '', at.url).href, callbackUrl);
    }
    return new URL(at.url);
  }

  const session = async (browser: Browser) => (await (await browser.request(`${api.url}/auth/session`)).json()) as SessionAnswer;
  const sessionCookie = (browser: Browser) => browser.cookie(api.url, 'rh_session');

  /** The callback answered: where it sent the browser. */
  async function callback(browser: Browser, url: URL): Promise<string> {
    const response = await browser.request(url.href);
    expect(response.status).toBe(302);
    return response.headers.get('location') ?? '';
  }

  async function expectRefused(browser: Browser, location: string, sentence: string | RegExp): Promise<void> {
    expect(location).toBe('/sign-in?next=%2Frunbooks');
    expect(sessionCookie(browser)).toBeUndefined();
    const answer = await session(browser);
    expect(answer.user).toBeNull();
    if (typeof sentence === 'string') {
      expect(answer.problem).toBe(sentence);
    } else {
      expect(answer.problem).toMatch(sentence);
    }
  }

  it('offers "Sign in with Test ID" on the sign-in page', async () => {
    expect((await session(new Browser())).methods.singleSignOn).toEqual({ name: 'Test ID', start: '/auth/oidc/start' });
  });

  it('signs in at the provider and opens a session that acts with the claimed role and teams, back where the person was going', async () => {
    const browser = new Browser();
    const authorization = await start(browser, '/automations?team=finance-ops');
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('scope')).toBe('openid profile email roundhouse');

    const location = await callback(browser, await signInAtProvider(browser, authorization, 'sam'));
    expect(location).toBe('/automations?team=finance-ops');
    const cookie = `rh_session=${sessionCookie(browser)}`;
    const viewer = await api.graphql<{ viewer: unknown }>('{ viewer { id name role teams canRegister } }', {}, cookie);
    expect(viewer.data?.viewer).toEqual({ id: 'sam', name: 'Sam Single-Sign-On', role: 'owner', teams: ['finance-ops', 'people-ops'], canRegister: true });
    const tokens = await api.graphql<{ runtimeTokens: unknown[] }>('{ runtimeTokens(team: "finance-ops") { id } }', {}, cookie);
    expect(tokens.errors).toBeUndefined();

    const [entry] = await db.query<{ actor_id: string; detail: { method: string; email: string } }>(`SELECT actor_id, detail FROM audit_entry WHERE action = 'session.signed_in'`);
    expect(entry).toMatchObject({ actor_id: 'sam', detail: { method: 'oidc', email: 'sam@example.test' } });
  });

  it('adds the teams the catalog gives the person’s verified email (a Backstage User’s memberOf), none for an email the provider does not vouch for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roundhouse-sso-catalog-'));
    const catalog = api.app.get(CatalogService);
    try {
      await cp(path.join(api.config.repositoryRoot, 'catalog'), dir, { recursive: true });
      await writeFile(
        path.join(dir, 'teams/people.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata: { name: samuel }\nspec: { profile: { email: Sam@Example.test }, memberOf: [group:default/order-ops] }\n',
      );
      await catalog.apply(dir, dir);
      const browser = new Browser();
      await callback(browser, await signInAtProvider(browser, await start(browser), 'sam'));
      const viewer = await api.graphql<{ viewer: { teams: string[] } }>('{ viewer { teams } }', {}, `rh_session=${sessionCookie(browser)}`);
      expect(viewer.data?.viewer.teams).toEqual(['finance-ops', 'people-ops', 'order-ops']);

      // An address the provider does not vouch for gives no one else's teams.
      const impostor = new Browser();
      await callback(impostor, await signInAtProvider(impostor, await start(impostor), 'una'));
      const una = await api.graphql<{ viewer: { id: string; teams: string[] } }>('{ viewer { id teams } }', {}, `rh_session=${sessionCookie(impostor)}`);
      expect(una.data?.viewer).toEqual({ id: 'una', teams: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a callback whose state is not the one this browser started, with a sentence and no session', async () => {
    const browser = new Browser();
    const back = await signInAtProvider(browser, await start(browser, '/runbooks'), 'sam');
    back.searchParams.set('state', 'state-of-someone-elses-sign-in');
    await expectRefused(
      browser,
      await callback(browser, back),
      'This sign-in came back with a state that does not match the one this browser started, so it was refused: it may have been started by someone else. Sign in again.',
    );
  });

  it('refuses an ID token issued for another nonce, with a sentence and no session', async () => {
    const browser = new Browser();
    const authorization = await start(browser, '/runbooks');
    authorization.searchParams.set('nonce', 'nonce-of-another-sign-in');
    await expectRefused(
      browser,
      await callback(browser, await signInAtProvider(browser, authorization, 'sam')),
      'The ID token from your identity provider was not issued for the sign-in this browser started (its nonce does not match), so it was refused. Sign in again.',
    );
  });

  it('refuses a code issued for another PKCE challenge (the provider will not exchange it), with a sentence and no session', async () => {
    const browser = new Browser();
    const authorization = await start(browser, '/runbooks');
    authorization.searchParams.set('code_challenge', await calculatePKCECodeChallenge(randomPKCECodeVerifier()));
    await expectRefused(
      browser,
      await callback(browser, await signInAtProvider(browser, authorization, 'sam')),
      /^Your identity provider would not complete this sign-in \(invalid_grant.*\): the code was already used, has expired, or does not belong to the sign-in this browser started\. Sign in again\.$/,
    );
  });

  it('refuses a person whose claims give no role, saying so on the sign-in page', async () => {
    const browser = new Browser();
    await expectRefused(
      browser,
      await callback(browser, await signInAtProvider(browser, await start(browser, '/runbooks'), 'nora')),
      'Your identity provider signed you in, but gave no Roundhouse role: its "roundhouse_role" claim is missing (expected one of viewer, operator, owner, admin). Ask your identity provider\'s administrator to give you a Roundhouse role.',
    );
    const refusals = await db.query<{ detail: { method: string } }>(`SELECT detail FROM audit_entry WHERE action = 'session.sign_in_refused' ORDER BY id DESC LIMIT 1`);
    expect(refusals[0]?.detail.method).toBe('oidc');
  });

  it('refuses a callback replayed after it was used (the provider’s code is good once)', async () => {
    const browser = new Browser();
    const back = await signInAtProvider(browser, await start(browser, '/runbooks'), 'sam');
    const transaction = browser.cookie(api.url, 'rh_oidc') ?? '';
    expect(await callback(browser, back)).toBe('/runbooks');
    const response = await fetch(back, { redirect: 'manual', headers: { cookie: `rh_oidc=${transaction}` } });
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('rh_session='))).toBe(false);
  });

  it('goes back only to a path on this site', async () => {
    for (const returnTo of ['https://evil.example/steal', '//evil.example/steal', '/\\evil.example']) {
      const browser = new Browser();
      expect(await callback(browser, await signInAtProvider(browser, await start(browser, returnTo), 'sam'))).toBe('/');
    }
  });

  it('signs out of Roundhouse and sends the browser to the provider’s end-session, which comes back to the sign-in page', async () => {
    const browser = new Browser();
    await callback(browser, await signInAtProvider(browser, await start(browser), 'sam'));
    const cookie = `rh_session=${sessionCookie(browser)}`;
    const signOut = await browser.request(`${api.url}/auth/sign-out`, { method: 'POST', headers: { 'x-csrf-token': await api.csrfToken(cookie) } });
    expect(signOut.status).toBe(200);
    const { redirectTo } = (await signOut.json()) as { redirectTo: string };
    const endSession = new URL(redirectTo);
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${api.url}/sign-in`);
    expect(endSession.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await api.graphql('{ viewer { name } }', {}, cookie)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // The provider asks whether to sign out of it too; yes brings the browser back to Roundhouse's sign-in page.
    const confirm = await browser.follow(redirectTo);
    const page = (await confirm.response?.text()) ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1] ?? '';
    const done = await browser.request(new URL(action, confirm.url).href, { form: { xsrf, logout: 'yes' } });
    expect(await browser.follow(new URL(done.headers.get('location') ?? '', confirm.url).href, api.url)).toEqual({ url: `${api.url}/sign-in` });
  });

  it('counts sign-ins with the identity provider against the sign-in rate limit', async () => {
    // Every api on the database shares the budget: the sign-ins of the tests above count too, so this one starts a fresh minute.
    await db.query(`DELETE FROM rate_limit_window WHERE limiter = 'sign-in'`);
    const limited = await startTestApi(db.url, { ...provider.env, ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '2', ROUNDHOUSE_DEV_SIGN_IN: 'false' });
    try {
      const startAt = () => fetch(`${limited.url}/auth/oidc/start?returnTo=%2F`, { redirect: 'manual' });
      expect((await startAt()).status).toBe(302);
      expect((await fetch(`${limited.url}/auth/oidc/callback?code=guess&state=guess`, { redirect: 'manual' })).status).toBe(302);
      const refused = await startAt();
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { message: string }).message).toMatch(/^Too many sign-in attempts from this address: at most 2 a minute/);
    } finally {
      await limited.close();
    }
  });
});
