import * as client from 'openid-client';
import { z } from 'zod';
import type { AppConfig } from '../config/app.config.js';
import { NotSignedInError } from '../errors/domain-errors.js';
import { userFromClaims, verifiedEmail } from './oidc.js';
import { sameSecret } from './session.js';
import { ROLES, type User } from './user.js';

/** The OidcSignIn of this server (DI token), or null when browser sign-in is not configured. */
export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');

/** How long someone may take at the provider before the sign-in they started is forgotten. */
export const SIGN_IN_TRANSACTION_SECONDS = 10 * 60;

export interface OidcSignInSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  displayName: string;
  scopes: string;
  roleClaim: string;
  teamsClaim: string;
}

/** Browser sign-in's settings, or undefined when the client id (and the rest) are not configured. */
export function oidcSignInSettings(config: AppConfig): OidcSignInSettings | undefined {
  const { ROUNDHOUSE_OIDC_ISSUER: issuer, ROUNDHOUSE_OIDC_CLIENT_ID: clientId, ROUNDHOUSE_OIDC_CLIENT_SECRET: clientSecret, ROUNDHOUSE_OIDC_REDIRECT_URL: redirectUrl } = config;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined || redirectUrl === undefined) {
    return undefined;
  }
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUrl,
    displayName: config.ROUNDHOUSE_OIDC_DISPLAY_NAME,
    scopes: config.ROUNDHOUSE_OIDC_SCOPES,
    roleClaim: config.ROUNDHOUSE_OIDC_ROLE_CLAIM,
    teamsClaim: config.ROUNDHOUSE_OIDC_TEAMS_CLAIM,
  };
}

/** What a started sign-in must remember until the provider sends the person back (kept in a sealed cookie). */
export const signInTransaction = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  returnTo: z.string().startsWith('/'),
  exp: z.number().int(),
});
export type SignInTransaction = z.infer<typeof signInTransaction>;

/** Who the provider signed in. */
export interface SignedInAtProvider {
  user: User;
  email: string | undefined;
  idToken: string;
}

/**
 * The path to go back to after signing in: a path on this site (never `//host`, `/\host` or another
 * origin), or `/`.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000 || !value.startsWith('/') || value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20)) {
    return '/';
  }
  const base = 'http://roundhouse.invalid';
  const url = new URL(value, base);
  return url.origin === base && !url.pathname.startsWith('//') ? `${url.pathname}${url.search}${url.hash}` : '/';
}

/**
 * OpenID Connect's authorization code flow with PKCE (openid-client), as a confidential client:
 * the provider's endpoints found by discovery from the issuer (once, retried after a failure), a
 * fresh state, nonce and S256 code verifier for every sign-in, the code exchanged and the ID token
 * checked (signature, issuer, audience, expiry, nonce), the role and teams read from the configured
 * claims of the ID token and the provider's userinfo.
 */
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(readonly settings: OidcSignInSettings) {}

  get displayName(): string {
    return this.settings.displayName;
  }

  /** Where to send the browser, and what to remember (sealed, in a cookie) until it comes back. */
  async start(returnTo: string, now = Date.now()): Promise<{ url: string; transaction: SignInTransaction }> {
    const config = await this.discovered();
    const transaction = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      returnTo: safeReturnTo(returnTo),
      exp: Math.floor(now / 1000) + SIGN_IN_TRANSACTION_SECONDS,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl,
      scope: this.settings.scopes,
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, transaction };
  }

  /**
   * The person the provider signed in, from the callback's query (`code`, `state`, or an `error`).
   * Every refusal is a NotSignedInError whose sentence the sign-in page shows.
   */
  async finish(query: URLSearchParams, transaction: SignInTransaction | undefined, now = Date.now()): Promise<SignedInAtProvider> {
    if (transaction === undefined || transaction.exp * 1000 < now) {
      throw new NotSignedInError('This sign-in was started too long ago, in another browser, or was already used. Sign in again.');
    }
    const providerError = query.get('error');
    if (providerError !== null) {
      const description = query.get('error_description');
      throw new NotSignedInError(`Your identity provider did not sign you in (${providerError}${description === null ? '' : `: ${description}`}).`);
    }
    if (!sameSecret(transaction.state, query.get('state') ?? '')) {
      throw new NotSignedInError(
        'This sign-in came back with a state that does not match the one this browser started, so it was refused: it may have been started by someone else. Sign in again.',
      );
    }
    const config = await this.discovered();
    const callback = new URL(this.settings.redirectUrl);
    callback.search = query.toString();
    const tokens = await client
      .authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: transaction.verifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      })
      .catch((error: unknown) => {
        throw new NotSignedInError(this.refusal(error));
      });
    const idClaims = tokens.claims();
    if (idClaims === undefined || tokens.id_token === undefined) {
      throw new NotSignedInError('Your identity provider answered without an ID token, so Roundhouse cannot tell who you are.');
    }
    const userInfo = config.serverMetadata().userinfo_endpoint === undefined ? {} : await client.fetchUserInfo(config, tokens.access_token, idClaims.sub).catch(() => ({}));
    const claims: Record<string, unknown> = { ...userInfo, ...idClaims };
    const { roleClaim, teamsClaim } = this.settings;
    const user = userFromClaims(claims, this.settings, {
      noRole: (found) =>
        `Your identity provider signed you in, but gave no Roundhouse role: its "${roleClaim}" claim is ${found === 'none' ? 'missing' : found} (expected one of ${ROLES.join(', ')}). Ask your identity provider's administrator to give you a Roundhouse role.`,
      badTeams: () => `Your identity provider's "${teamsClaim}" claim must be a list of team names; ask its administrator to correct it.`,
    });
    return { user, email: verifiedEmail(claims), idToken: tokens.id_token };
  }

  /** The provider's end-session address for signing out of it too, when it offers one. */
  async endSessionUrl(idToken: string): Promise<string | undefined> {
    const config = await this.discovered().catch(() => undefined);
    if (config?.serverMetadata().end_session_endpoint === undefined) {
      return undefined;
    }
    return client.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: new URL('/sign-in', this.settings.redirectUrl).href }).href;
  }

  /** The provider's metadata, found once; a failed discovery is tried again on the next sign-in. */
  private discovered(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, client.ClientSecretBasic(this.settings.clientSecret), {
        // A provider on plain http (on this machine, in tests and development) is allowed outside production (app.config.ts).
        execute: new URL(this.settings.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new NotSignedInError(
          `Roundhouse could not reach your identity provider (${this.settings.issuer}): ${error instanceof Error ? error.message : 'no answer'}. Try again shortly.`,
        );
      });
    return this.configuration;
  }

  private refusal(error: unknown): string {
    if (error instanceof client.ResponseBodyError) {
      if (error.error === 'invalid_grant') {
        return `Your identity provider would not complete this sign-in (invalid_grant${error.error_description === undefined ? '' : `: ${error.error_description}`}): the code was already used, has expired, or does not belong to the sign-in this browser started. Sign in again.`;
      }
      return `Your identity provider refused to complete the sign-in (${error.error}${error.error_description === undefined ? '' : `: ${error.error_description}`}).`;
    }
    if (error instanceof client.AuthorizationResponseError) {
      return `Your identity provider did not sign you in (${error.error}${error.error_description === undefined ? '' : `: ${error.error_description}`}).`;
    }
    if (error instanceof client.ClientError && error.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claimOf(error) === 'nonce') {
      return 'The ID token from your identity provider was not issued for the sign-in this browser started (its nonce does not match), so it was refused. Sign in again.';
    }
    if (error instanceof client.ClientError) {
      return `The answer from your identity provider failed Roundhouse's checks (${error.message}${claimOf(error) === undefined ? '' : `: ${claimOf(error)}`}), so you were not signed in.`;
    }
    return 'Roundhouse could not complete the sign-in with your identity provider. Try again shortly.';
  }
}

/** The claim an openid-client check failed on (its cause's `claim`). */
function claimOf(error: client.ClientError): string | undefined {
  const cause = error.cause as { cause?: { claim?: unknown } } | undefined;
  return typeof cause?.cause?.claim === 'string' ? cause.cause.claim : undefined;
}
