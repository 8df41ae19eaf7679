import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { InputError, NotAllowedError } from '../errors/domain-errors.js';
import { Public } from './decorators.js';
import { LocalAccounts, SignInAudit } from './identity-ports.js';
import { DEV_PERSONAS } from './personas.js';
import { RequestIdentifier } from './request-identifier.js';
import { OIDC_SIGN_IN, type OidcSignIn } from './oidc-sign-in.js';
import { SESSION_COOKIE } from './session.js';
import { SessionCookies } from './session-cookies.js';
import { OpenSessions } from './open-sessions.js';

const devSignInBody = z.object({ persona: z.string().min(1) });
const signInBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

/**
 * Session routes: local accounts' sign-in, the dev personas' (only when ROUNDHOUSE_DEV_SIGN_IN is on,
 * never in production), and sign-out. Sessions are signed cookies naming a session recorded on the
 * server; single sign-on in the browser opens the same (oidc.controller.ts); a bearer token from the
 * identity provider needs none (it signs in each request).
 */
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionCookies) private readonly cookies: SessionCookies,
    @Inject(OpenSessions) private readonly openSessions: OpenSessions,
    @Inject(OIDC_SIGN_IN) private readonly oidc: OidcSignIn | null,
    @Inject(RequestIdentifier) private readonly identities: RequestIdentifier,
    @Inject(LocalAccounts) private readonly accounts: LocalAccounts,
    @Inject(SignInAudit) private readonly audit: SignInAudit,
  ) {}

  @Public()
  @Get('session')
  async session(@Req() request: Request) {
    const identity = await this.identities.identify(request);
    const devSignIn = this.config.ROUNDHOUSE_DEV_SIGN_IN;
    return {
      user: request.user ?? null,
      csrfToken: identity.csrfToken ?? null,
      methods: {
        local: await this.accounts.anyEnabled(),
        devSignIn,
        oidc: this.identities.singleSignOn,
        // The console's "Sign in with <name>" button goes to `start` with `?returnTo=<path>`.
        singleSignOn: this.oidc === null ? null : { name: this.oidc.displayName, start: '/auth/oidc/start' },
      },
      personas: devSignIn ? DEV_PERSONAS : [],
      // Why the last sign-in with the identity provider was refused, for the sign-in page to say.
      problem: request.user === undefined ? this.cookies.problemOf(request) : null,
    };
  }

  @Public()
  @Post('sign-in')
  @HttpCode(204)
  async signIn(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<void> {
    requireJson(request);
    const parsed = signInBody.safeParse(body);
    if (!parsed.success) {
      throw new InputError(
        'Enter a username and a password.',
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: 'is required' })),
      );
    }
    const user = await this.accounts.signIn(parsed.data.username, parsed.data.password, request.ip);
    await this.cookies.start(response, user);
  }

  @Public()
  @Post('dev-sign-in')
  @HttpCode(204)
  async devSignIn(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!this.config.ROUNDHOUSE_DEV_SIGN_IN) {
      throw new NotAllowedError('Dev sign-in is turned off on this server.');
    }
    requireJson(request);
    const parsed = devSignInBody.safeParse(body);
    const persona = parsed.success ? DEV_PERSONAS.find((p) => p.id === parsed.data.persona) : undefined;
    if (persona === undefined) {
      throw new InputError('Unknown persona.', [{ path: 'persona', message: 'not a dev persona', allowed: DEV_PERSONAS.map((p) => p.id).join(', ') }]);
    }
    const { description: _description, ...user } = persona;
    await this.cookies.start(response, user);
  }

  /**
   * Ends the session on the server (a copy of the cookie kept elsewhere no longer works) and clears the
   * cookie: 204. A session single sign-on opened, at a provider that offers end-session, answers 200
   * with `{ redirectTo }`: the provider's end-session address, where the console sends the browser so
   * the provider's session ends too.
   */
  @Public()
  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const identity = await this.identities.identify(request);
    let redirectTo: string | undefined;
    if (identity.credential === 'session' && identity.user !== undefined && identity.sessionId !== undefined) {
      const user = identity.user;
      const { idToken } = await this.openSessions.end(identity.sessionId);
      await this.audit.record({ actor: { id: user.id, name: user.name }, action: 'session.signed_out', target: { kind: 'account', id: user.id }, teams: user.teams });
      redirectTo = idToken === undefined || this.oidc === null ? undefined : await this.oidc.endSessionUrl(idToken);
    }
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    if (redirectTo === undefined) {
      response.status(204).end();
    } else {
      response.status(200).json({ redirectTo });
    }
  }
}

/**
 * Sign-in takes JSON only: a form on another site can post to us (with `application/x-www-form-urlencoded`
 * or `text/plain`) but cannot send JSON without our consent, so no one can be signed in behind their back.
 */
function requireJson(request: Request): void {
  if (request.is('application/json') !== 'application/json') {
    throw new InputError('Sign-in takes a JSON body (content-type: application/json).', [
      { path: 'content-type', message: 'must be application/json', found: request.headers['content-type'] ?? 'none', allowed: 'application/json' },
    ]);
  }
}
