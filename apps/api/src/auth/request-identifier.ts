import { Inject, Injectable } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { withDatabaseBudget } from '../database/request-budget.js';
import { NotSignedInError } from '../errors/domain-errors.js';
import { TeamDirectory } from './identity-ports.js';
import { OidcVerifier, oidcSettings } from './oidc.js';
import { SESSION_COOKIE, SessionCodec } from './session.js';
import { OpenSessions } from './open-sessions.js';
import type { User } from './user.js';

/** Database time for finding the teams the catalog gives a signed-in person (people and teams' members, by subject or email). */
const IDENTITY_LOOKUP_BUDGET_MS = 2_000;

const RUNTIME_TOKEN_PREFIX = 'rh_rt_';

/** Who a request comes from, and by which credential. */
export interface Identity {
  user?: User;
  /** `session`: the session cookie (its POSTs need the CSRF token); `bearer`: the identity provider's JWT. */
  credential?: 'session' | 'bearer';
  /** The session's id (its record on the server). */
  sessionId?: string;
  /** The session's CSRF token. */
  csrfToken?: string;
  /** Why a bearer token was refused, said when the request needs a signed-in user. */
  problem?: NotSignedInError;
}

/**
 * Works out who a request comes from, once per request: an `Authorization: Bearer` JWT from the
 * identity provider when single sign-on is configured, else the session cookie (while its session is
 * open on the server: OpenSessions). A request with a bearer token never falls back to the cookie; a runtime token (`rh_rt_…`) is no person, and is
 * checked by the routes that accept runtimes.
 */
@Injectable()
export class RequestIdentifier {
  private readonly oidc: OidcVerifier | undefined;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SessionCodec) private readonly sessions: SessionCodec,
    @Inject(OpenSessions) private readonly openSessions: OpenSessions,
    @Inject(TeamDirectory) private readonly people: TeamDirectory,
  ) {
    const settings = oidcSettings(config);
    this.oidc = settings === undefined ? undefined : new OidcVerifier(settings);
  }

  get singleSignOn(): boolean {
    return this.oidc !== undefined;
  }

  identify(request: Request): Promise<Identity> {
    request.identity ??= this.identityOf(request);
    return request.identity;
  }

  private async identityOf(request: Request): Promise<Identity> {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer === undefined) {
      const session = this.sessions.decode(parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE]);
      return session === undefined || !(await this.openSessions.isOpen(session))
        ? {}
        : { user: session.user, credential: 'session', sessionId: session.id, csrfToken: session.csrfToken };
    }
    if (bearer.startsWith(RUNTIME_TOKEN_PREFIX)) {
      return {};
    }
    if (this.oidc === undefined) {
      return { problem: new NotSignedInError('This server accepts no bearer tokens but runtime tokens (rh_rt_…): single sign-on (ROUNDHOUSE_OIDC_ISSUER) is not configured.') };
    }
    try {
      const { user, email } = await this.oidc.verify(bearer);
      // The provider's teams, and those the catalog gives this subject or email (a Backstage User, a team's member).
      // Who is asking is looked up on a small budget of its own, so the request's budget is all for its own work.
      const withTeams = await withDatabaseBudget(IDENTITY_LOOKUP_BUDGET_MS, () => this.people.withCatalogTeams(user, [user.id, email]));
      return { user: withTeams, credential: 'bearer' };
    } catch (error) {
      if (error instanceof NotSignedInError) {
        return { problem: error };
      }
      throw error;
    }
  }
}
