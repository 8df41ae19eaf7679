import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AppConfig } from '../config/app.config.js';
import { NotSignedInError } from '../errors/domain-errors.js';
import { ROLES, type Role, type User } from './user.js';

/** Asymmetric algorithms only: an HMAC or `none` token is never accepted. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

export interface OidcSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
  roleClaim: string;
  teamsClaim: string;
}

/** The single sign-on settings, or undefined when ROUNDHOUSE_OIDC_* is not configured. */
export function oidcSettings(config: AppConfig): OidcSettings | undefined {
  const { ROUNDHOUSE_OIDC_ISSUER: issuer, ROUNDHOUSE_OIDC_AUDIENCE: audience, ROUNDHOUSE_OIDC_JWKS_URL: jwksUrl } = config;
  if (issuer === undefined || audience === undefined || jwksUrl === undefined) {
    return undefined;
  }
  return { issuer, audience, jwksUrl, roleClaim: config.ROUNDHOUSE_OIDC_ROLE_CLAIM, teamsClaim: config.ROUNDHOUSE_OIDC_TEAMS_CLAIM };
}

/**
 * Signs in requests that carry a JWT from the identity provider (`Authorization: Bearer <JWT>`, set
 * by the provider's client or an authenticating proxy): the signature checked against the provider's
 * published keys, the issuer, audience and expiry checked, the role and teams read from claims.
 */
export class OidcVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: OidcSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  /** The user the token names, and the email the provider vouches for (to find them in the catalog). */
  async verify(token: string): Promise<{ user: User; email: string | undefined }> {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.settings.issuer,
      audience: this.settings.audience,
      algorithms: ALGORITHMS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['sub', 'exp'],
    }).catch((error: unknown) => {
      throw new NotSignedInError(this.refusal(error));
    });
    return { user: this.userOf(payload), email: verifiedEmail(payload) };
  }

  private userOf(payload: JWTPayload): User {
    const { roleClaim, teamsClaim } = this.settings;
    return userFromClaims(payload, this.settings, {
      noRole: (found) =>
        `The bearer token has no valid "${roleClaim}" claim (found ${found}; expected one of ${ROLES.join(', ')}), so Roundhouse cannot tell what you may do. Ask your identity provider's administrator to add it.`,
      badTeams: () => `The bearer token's "${teamsClaim}" claim must be a list of team names.`,
    });
  }

  private refusal(error: unknown): string {
    if (error instanceof errors.JWTExpired) {
      return 'The bearer token has expired: sign in again at your identity provider.';
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      switch (error.claim) {
        case 'iss':
          return `The bearer token was not issued by this server's identity provider (${this.settings.issuer}).`;
        case 'aud':
          return `The bearer token is not meant for Roundhouse: its audience is not "${this.settings.audience}".`;
        case 'nbf':
          return 'The bearer token is not valid yet.';
        default:
          return `The bearer token's "${error.claim}" claim is missing or wrong (${error.reason}).`;
      }
    }
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
      return 'The bearer token is not signed by any key of this server’s identity provider.';
    }
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      return `The bearer token is not signed with an accepted algorithm (one of ${ALGORITHMS.join(', ')}).`;
    }
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError) {
      return 'The identity provider’s signing keys could not be fetched (ROUNDHOUSE_OIDC_JWKS_URL); try again shortly.';
    }
    return 'The bearer token is not a valid signed JWT.';
  }
}

/** The sentences that refuse someone whose claims do not say what they may do. */
export interface ClaimRefusals {
  /** `found`: the role claim's value as JSON, or `none`. */
  noRole(found: string): string;
  badTeams(): string;
}

/**
 * The user that claims (a verified JWT's, or an ID token's with the provider's userinfo) describe:
 * `sub` as the id, the name from `name`, `preferred_username` or `sub`, the role and teams from
 * the configured claims. Refused (NotSignedInError) without a known role.
 */
export function userFromClaims(claims: Record<string, unknown>, names: Pick<OidcSettings, 'roleClaim' | 'teamsClaim'>, refusals: ClaimRefusals): User {
  const role = claims[names.roleClaim];
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new NotSignedInError(refusals.noRole(role === undefined ? 'none' : JSON.stringify(role)));
  }
  const sub = typeof claims['sub'] === 'string' ? claims['sub'] : '';
  const name = [claims['name'], claims['preferred_username'], sub].find((n): n is string => typeof n === 'string' && n.trim() !== '') ?? sub;
  return { id: sub, name, role: role as Role, teams: teamsOf(claims[names.teamsClaim], refusals) };
}

function teamsOf(claim: unknown, refusals: ClaimRefusals): string[] {
  if (claim === undefined) {
    return [];
  }
  if (typeof claim === 'string') {
    return claim.split(/[\s,]+/).filter((team) => team !== '');
  }
  if (Array.isArray(claim) && claim.every((team) => typeof team === 'string')) {
    return claim;
  }
  throw new NotSignedInError(refusals.badTeams());
}

/**
 * The email a provider vouches for (`email_verified: true`), or none. The catalog gives teams by
 * email, so an address a person could set without proof at their provider would hand them someone
 * else's teams.
 */
export function verifiedEmail(claims: Record<string, unknown>): string | undefined {
  const email = claims['email'];
  return typeof email === 'string' && claims['email_verified'] === true ? email : undefined;
}
