import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { withDatabaseBudget } from '../database/request-budget.js';
import { NotFoundError, NotSignedInError } from '../errors/domain-errors.js';
import { Public } from './decorators.js';
import { SignInAudit, TeamDirectory } from './identity-ports.js';
import { OIDC_SIGN_IN, OidcSignIn, SIGN_IN_TRANSACTION_SECONDS, safeReturnTo, signInTransaction } from './oidc-sign-in.js';
import { SessionCodec } from './session.js';
import { SessionCookies } from './session-cookies.js';

/** The started sign-in's state, nonce, PKCE verifier and return path, sealed; sent back only to the callback. */
export const SIGN_IN_TRANSACTION_COOKIE = 'rh_oidc';
const TRANSACTION_PATH = '/auth/oidc';
/** Database time for finding the catalog's teams of the person signing in. */
const IDENTITY_LOOKUP_BUDGET_MS = 2_000;

/**
 * Single sign-on in the browser: `start` sends the person to the identity provider, `callback`
 * takes them back and opens the same server-side session as a password sign-in. Both are
 * @Public() by necessity: whoever calls them is not signed in yet (that is what they are for); they
 * are rate limited per address like the password sign-in (app.ts), and the callback trusts nothing
 * in its query that the sealed transaction cookie and the provider's signed ID token do not confirm.
 * Refusals are redirects to the sign-in page, which says why: a browser, not a program, is on the other end.
 */
@Controller('auth/oidc')
export class OidcController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn | null,
    @Inject(SessionCodec) private readonly sessions: SessionCodec,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
    @Inject(TeamDirectory) private readonly people: TeamDirectory,
    @Inject(SignInAudit) private readonly audit: SignInAudit,
  ) {}

  @Public()
  @Get('start')
  async start(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const oidc = this.configured();
    const back = safeReturnTo(returnTo);
    this.cookies.clearProblem(response);
    try {
      const { url, transaction } = await oidc.start(back);
      response.cookie(SIGN_IN_TRANSACTION_COOKIE, this.sessions.seal(transaction), {
        httpOnly: true,
        // Lax: the provider's redirect back is a navigation from another site, which must bring it.
        sameSite: 'lax',
        secure: this.config.NODE_ENV === 'production',
        path: TRANSACTION_PATH,
        maxAge: SIGN_IN_TRANSACTION_SECONDS * 1000,
      });
      response.redirect(302, url);
    } catch (error) {
      this.refuse(response, error, back);
    }
  }

  @Public()
  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const oidc = this.configured();
    const parsed = signInTransaction.safeParse(this.sessions.open(parseCookies(request.headers.cookie ?? '')[SIGN_IN_TRANSACTION_COOKIE]));
    const transaction = parsed.success ? parsed.data : undefined;
    // One use only: a replayed callback finds no transaction.
    response.clearCookie(SIGN_IN_TRANSACTION_COOKIE, { path: TRANSACTION_PATH });
    const returnTo = transaction?.returnTo ?? '/';
    try {
      const query = new URL(request.originalUrl, 'http://callback.invalid').searchParams;
      const signedIn = await oidc.finish(query, transaction);
      // The provider's teams, and those the catalog gives this subject or email (a Backstage User, a team's member).
      const user = await withDatabaseBudget(IDENTITY_LOOKUP_BUDGET_MS, () => this.people.withCatalogTeams(signedIn.user, [signedIn.user.id, signedIn.email]));
      await this.audit.record({
        actor: { id: user.id, name: user.name },
        action: 'session.signed_in',
        target: { kind: 'account', id: user.id },
        teams: user.teams,
        detail: { username: user.id, method: 'oidc', email: signedIn.email, address: request.ip },
      });
      await this.cookies.start(response, user, signedIn.idToken);
      response.redirect(302, returnTo);
    } catch (error) {
      if (error instanceof NotSignedInError) {
        await this.audit.record({
          actor: { id: 'anonymous', name: 'Someone signing in', kind: 'person' },
          action: 'session.sign_in_refused',
          target: { kind: 'account', id: 'unknown' },
          reason: 'single sign-on refused',
          detail: { method: 'oidc', message: error.message, address: request.ip },
        });
      }
      this.refuse(response, error, returnTo);
    }
  }

  private configured(): OidcSignIn {
    if (this.oidc === null) {
      throw new NotFoundError('Sign-in with an identity provider is not configured on this server (ROUNDHOUSE_OIDC_CLIENT_ID).');
    }
    return this.oidc;
  }

  /** Back to the sign-in page, which shows why (a NotSignedInError's sentence); anything else is the server's fault. */
  private refuse(response: Response, error: unknown, returnTo: string): void {
    if (!(error instanceof NotSignedInError)) {
      throw error;
    }
    this.cookies.setProblem(response, error.message);
    response.redirect(302, returnTo === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(returnTo)}`);
  }
}
