// The api's integration tests and this journey sign in at the same real provider: one setup for both.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestProvider, type TestProvider } from '../../apps/api/test/oidc-provider.js';
import { expect, test } from './fixtures.js';
import { freePort, startRoundhouse, type RoundhouseProcess } from './support/roundhouse-process.js';

/**
 * Single sign-on in the browser, against a real OpenID provider (oidc-provider) started here on
 * 127.0.0.1 (another site than the console on `localhost`, as a company's provider is): its own
 * login and consent pages, its own end-session page. Roundhouse runs with dev sign-in off.
 */
test.describe('single sign-on', () => {
  let provider: TestProvider | undefined;
  let roundhouse: RoundhouseProcess | undefined;

  test.beforeAll(async () => {
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

  test.afterAll(async () => {
    await roundhouse?.stop();
    await provider?.close();
  });

  test('signs in with the identity provider, lands in the console with the claimed role and teams, and signs out of both', async ({ page }) => {
    const url = roundhouse?.url ?? '';
    const issuer = provider?.issuer ?? '';
    await page.goto(`${url}/runbooks`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Frunbooks/);

    await page.getByRole('link', { name: 'Sign in with Test ID' }).click();
    await page.waitForURL((at) => at.origin === issuer);
    await page.locator('input[name="login"]').fill('olivia');
    await page.locator('input[name="password"]').fill('any password at all');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The provider asks once whether Roundhouse may have the profile, email and roundhouse scopes.
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page).toHaveURL(`${url}/runbooks`);
    const user = page.getByRole('group', { name: 'Signed-in user' });
    await expect(user).toContainText('Olivia Operator');
    await expect(user).toContainText('Operator');
    await expect(user).toContainText('finance-ops');

    await user.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((at) => at.origin === issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await expect(page).toHaveURL(`${url}/sign-in`);
    await expect(page.getByRole('link', { name: 'Sign in with Test ID' })).toHaveCount(1);

    // Signed out of Roundhouse: the console sends the visitor to sign in again.
    await page.goto(`${url}/runbooks`);
    await expect(page).toHaveURL(/\/sign-in\?next=%2Frunbooks/);
  });
});
