import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The api's integration tests and this journey sign in at the same real provider: one setup for both.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestProvider, type TestProvider } from '../../apps/api/test/oidc-provider.js';
import { useBrowser } from './browser.js';
import { freePort, startRoundhouse, type RoundhouseProcess } from './roundhouse-process.js';

/**
 * Single sign-on in the browser, against a real OpenID provider (oidc-provider) started here on
 * 127.0.0.1 (another site than the console on `localhost`, as a company's provider is): its own
 * login and consent pages, its own end-session page. Roundhouse runs with dev sign-in off.
 */
describe('single sign-on', () => {
  const browser = useBrowser();
  let provider: TestProvider | undefined;
  let roundhouse: RoundhouseProcess | undefined;

  beforeAll(async () => {
    const port = await freePort();
    // Roundhouse says it runs at http://localhost:<port>: the address the browser uses, and so the provider sends it back to.
    const redirectUri = `http://localhost:${port}/auth/oidc/callback`;
    provider = await startTestProvider({
      port: await freePort(),
      redirectUri,
      accounts: { olivia: { name: 'Olivia Operator', email: 'olivia@example.test', roundhouse_role: 'operator', roundhouse_teams: ['finance-ops'] } },
    });
    roundhouse = await startRoundhouse({ ...provider.env, PORT: String(port), ROUNDHOUSE_DEV_SIGN_IN: 'false' });
  });

  afterAll(async () => {
    await roundhouse?.stop();
    await provider?.close();
  });

  it('signs in with the identity provider, lands in the console with the claimed role and teams, and signs out of both', async () => {
    const url = roundhouse?.url ?? '';
    const issuer = provider?.issuer ?? '';
    const page = await browser.context.newPage();
    await page.goto(`${url}/runbooks`);
    await page.waitForURL(/\/sign-in\?next=%2Frunbooks/);

    await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await page.waitForURL((at) => at.origin === issuer);
    await page.locator('input[name="login"]').fill('olivia');
    await page.locator('input[name="password"]').fill('any password at all');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The provider asks once whether Roundhouse may have the profile, email and roundhouse scopes.
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.waitForURL(`${url}/runbooks`);
    const user = page.getByRole('group', { name: 'Signed-in user' });
    await expect.poll(() => user.textContent()).toContain('Olivia Operator');
    expect(await user.textContent()).toContain('Operator');
    expect(await user.textContent()).toContain('finance-ops');

    await user.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((at) => at.origin === issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${url}/sign-in`);
    await expect.poll(() => page.getByRole('link', { name: 'Sign in with Test ID' }).count()).toBe(1);

    // Signed out of Roundhouse: the console sends the visitor to sign in again.
    await page.goto(`${url}/runbooks`);
    await page.waitForURL(/\/sign-in\?next=%2Frunbooks/);
    await page.close();
  });
});
