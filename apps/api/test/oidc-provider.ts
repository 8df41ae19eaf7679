import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** A person the test provider can sign in, with the claims it gives them (role and teams included, or not). */
export interface TestAccount {
  name: string;
  email: string;
  /** Whether the provider vouches for the email; true unless said otherwise. */
  email_verified?: boolean;
  roundhouse_role?: string;
  roundhouse_teams?: string[];
}

export interface TestProvider {
  /** The issuer, e.g. http://127.0.0.1:45123. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The settings the api needs to offer "Sign in with Test ID" against this provider. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, a certified implementation) on a loopback port, for one
 * test file: its own signing key made for this run, one confidential client that must use PKCE
 * (S256), the role and teams claims behind a `roundhouse` scope (given by the userinfo endpoint, as
 * the provider conforms ID tokens to the specification), the library's own login and consent pages
 * (devInteractions: any login names an account of `accounts`), and RP-initiated logout.
 */
export async function startTestProvider(options: { host?: string; port: number; redirectUri: string; accounts: Record<string, TestAccount> }): Promise<TestProvider> {
  const issuer = `http://${options.host ?? '127.0.0.1'}:${options.port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `test-${randomBytes(4).toString('hex')}`, alg: 'RS256', use: 'sig' };
  const clientId = 'roundhouse';
  const clientSecret = randomBytes(24).toString('base64url');
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [new URL('/sign-in', options.redirectUri).href],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { methods: ['S256'], required: () => true },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roundhouse: ['roundhouse_role', 'roundhouse_teams'] },
    findAccount: (_context, id) => {
      const account = options.accounts[id];
      return account === undefined ? undefined : { accountId: id, claims: () => ({ sub: id, email_verified: true, ...account }) };
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  // The provider's own warnings about development settings (dev interactions, its in-memory store) are expected here.
  provider.on('server_error', () => undefined);
  const handle = provider.callback();
  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    env: {
      ROUNDHOUSE_OIDC_ISSUER: issuer,
      ROUNDHOUSE_OIDC_CLIENT_ID: clientId,
      ROUNDHOUSE_OIDC_CLIENT_SECRET: clientSecret,
      ROUNDHOUSE_OIDC_REDIRECT_URL: options.redirectUri,
      ROUNDHOUSE_OIDC_DISPLAY_NAME: 'Test ID',
      ROUNDHOUSE_OIDC_SCOPES: 'openid profile email roundhouse',
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
