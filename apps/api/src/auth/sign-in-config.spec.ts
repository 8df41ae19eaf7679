import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/app.config.js';
import { oidcSettings } from './oidc.js';
import { oidcSignInSettings, safeReturnTo } from './oidc-sign-in.js';

const SECRET = 's'.repeat(32);
const OIDC = { ROUNDHOUSE_OIDC_ISSUER: 'https://id.example.test', ROUNDHOUSE_OIDC_AUDIENCE: 'roundhouse', ROUNDHOUSE_OIDC_JWKS_URL: 'https://id.example.test/jwks.json' };

describe('sign-in settings', () => {
  it('refuses to start in production with dev sign-in on', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: SECRET, ROUNDHOUSE_DEV_SIGN_IN: 'true' })).toThrow(
      new ConfigError('ROUNDHOUSE_DEV_SIGN_IN is true but NODE_ENV is production: dev sign-in must be off in production.'),
    );
  });

  it('refuses to start in production without a session secret, and never shows a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(new ConfigError('ROUNDHOUSE_SESSION_SECRET is required when NODE_ENV is production.'));
    expect(() => loadConfig({ NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: 'short-secret' })).toThrow(
      'ROUNDHOUSE_SESSION_SECRET is (hidden): expected at least 32 characters',
    );
  });

  it('keeps dev sign-in off unless it is turned on', () => {
    expect(loadConfig({ NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: SECRET }).ROUNDHOUSE_DEV_SIGN_IN).toBe(false);
    expect(loadConfig({}).ROUNDHOUSE_DEV_SIGN_IN).toBe(false);
  });

  it('needs the issuer, audience and JWKS URL of single sign-on together', () => {
    expect(() => loadConfig({ ROUNDHOUSE_OIDC_ISSUER: OIDC.ROUNDHOUSE_OIDC_ISSUER })).toThrow(
      new ConfigError(
        'Single sign-on needs ROUNDHOUSE_OIDC_ISSUER, ROUNDHOUSE_OIDC_AUDIENCE and ROUNDHOUSE_OIDC_JWKS_URL together; ROUNDHOUSE_OIDC_AUDIENCE and ROUNDHOUSE_OIDC_JWKS_URL are missing.',
      ),
    );
    expect(() => loadConfig({ ...OIDC, ROUNDHOUSE_OIDC_JWKS_URL: 'ftp://keys' })).toThrow('ROUNDHOUSE_OIDC_JWKS_URL is "ftp://keys": expected an http(s) URL');
    expect(oidcSettings(loadConfig({}))).toBeUndefined();
    expect(oidcSettings(loadConfig({ NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: SECRET, ...OIDC }))).toEqual({
      issuer: 'https://id.example.test',
      audience: 'roundhouse',
      jwksUrl: 'https://id.example.test/jwks.json',
      roleClaim: 'roundhouse_role',
      teamsClaim: 'roundhouse_teams',
    });
  });

  const BROWSER = {
    ROUNDHOUSE_OIDC_ISSUER: 'https://id.example.test',
    ROUNDHOUSE_OIDC_CLIENT_ID: 'roundhouse',
    ROUNDHOUSE_OIDC_CLIENT_SECRET: 'client-secret-from-the-provider',
    ROUNDHOUSE_OIDC_REDIRECT_URL: 'https://roundhouse.example.test/auth/oidc/callback',
  };

  it('needs the issuer, client id, client secret and redirect URL of browser sign-in together, over https in production', () => {
    expect(() => loadConfig({ ROUNDHOUSE_OIDC_ISSUER: BROWSER.ROUNDHOUSE_OIDC_ISSUER, ROUNDHOUSE_OIDC_CLIENT_ID: 'roundhouse' })).toThrow(
      new ConfigError(
        'Sign-in with the identity provider needs ROUNDHOUSE_OIDC_ISSUER, ROUNDHOUSE_OIDC_CLIENT_ID, ROUNDHOUSE_OIDC_CLIENT_SECRET and ROUNDHOUSE_OIDC_REDIRECT_URL together; ROUNDHOUSE_OIDC_CLIENT_SECRET and ROUNDHOUSE_OIDC_REDIRECT_URL are missing.',
      ),
    );
    expect(() => loadConfig({ ...BROWSER, ROUNDHOUSE_OIDC_SCOPES: 'profile email' })).toThrow(
      'ROUNDHOUSE_OIDC_SCOPES is "profile email": expected a space-separated list of scopes that includes openid',
    );
    expect(() => loadConfig({ ...BROWSER, ROUNDHOUSE_OIDC_CLIENT_SECRET: 'x', ROUNDHOUSE_OIDC_REDIRECT_URL: 'not a url' })).toThrow(/ROUNDHOUSE_OIDC_REDIRECT_URL is "not a url"/);
    expect(() => loadConfig({ NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: SECRET, ...BROWSER, ROUNDHOUSE_OIDC_ISSUER: 'http://id.example.test' })).toThrow(
      new ConfigError('ROUNDHOUSE_OIDC_ISSUER must be an https:// URL in production: sign-in codes and tokens travel to it.'),
    );
    // Browser sign-in alone (no audience or JWKS URL): no bearer tokens are accepted.
    const config = loadConfig({ NODE_ENV: 'production', ROUNDHOUSE_SESSION_SECRET: SECRET, ...BROWSER, ROUNDHOUSE_OIDC_DISPLAY_NAME: 'Okta' });
    expect(oidcSettings(config)).toBeUndefined();
    expect(oidcSignInSettings(config)).toMatchObject({
      issuer: 'https://id.example.test',
      clientId: 'roundhouse',
      displayName: 'Okta',
      scopes: 'openid profile email',
      roleClaim: 'roundhouse_role',
    });
  });

  it('goes back after signing in only to a path on this site', () => {
    expect(safeReturnTo('/automations/invoice-run?tab=runs#latest')).toBe('/automations/invoice-run?tab=runs#latest');
    for (const elsewhere of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', '/\tevil', 'javascript:alert(1)', undefined, ['/a', '/b']]) {
      expect(safeReturnTo(elsewhere)).toBe('/');
    }
  });
});
