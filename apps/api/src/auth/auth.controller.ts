import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { AccountsService } from '../accounts/accounts.service.js';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { InputError, NotAllowedError } from '../errors/domain-errors.js';
import { Public } from './decorators.js';
import { DEV_PERSONAS } from './personas.js';
import { RequestIdentifier } from './request-identifier.js';
import { SESSION_COOKIE, SessionCodec } from './session.js';
import { SessionsRepository } from './sessions.repository.js';
import type { User } from './user.js';

const devSignInBody = z.object({ persona: z.string().min(1) });
const signInBody = z.object({ username: z.string().min(1).max(200), password: z.string().min(1).max(1000) });

/**
 * Session routes: local accounts' sign-in, the dev personas' (only when ROUNDHOUSE_DEV_SIGN_IN is on,
 * never in production), and sign-out. Sessions are signed cookies naming a session recorded on the
 * server; single sign-on needs none of these (the identity provider's bearer token signs in each request).
 */
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionCodec) private readonly sessions: SessionCodec,
    @Inject(SessionsRepository) private readonly sessionRecords: SessionsRepository,
    @Inject(RequestIdentifier) private readonly identities: RequestIdentifier,
    @Inject(AccountsService) private readonly accounts: AccountsService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  @Public()
  @Get('session')
  async session(@Req() request: Request) {
    const identity = await this.identities.identify(request);
    const devSignIn = this.config.ROUNDHOUSE_DEV_SIGN_IN;
    return {
      user: request.user ?? null,
      csrfToken: identity.csrfToken ?? null,
      methods: { local: await this.accounts.anyEnabled(), devSignIn, oidc: this.identities.singleSignOn },
      personas: devSignIn ? DEV_PERSONAS : [],
    };
  }

  @Public()
  @Post('sign-in')
  @HttpCode(204)
  async signIn(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<void> {
    requireJson(request);
    const parsed = signInBody.safeParse(body);
    if (!parsed.success) {
      throw new InputError('Enter a username and a password.', parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: 'is required' })));
    }
    const user = await this.accounts.signIn(parsed.data.username, parsed.data.password, request.ip);
    await this.startSession(response, user);
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
      throw new InputError('Unknown persona.', [
        { path: 'persona', message: 'not a dev persona', allowed: DEV_PERSONAS.map((p) => p.id).join(', ') },
      ]);
    }
    const { description: _description, ...user } = persona;
    await this.startSession(response, user);
  }

  /** Ends the session on the server (a copy of the cookie kept elsewhere no longer works) and clears the cookie. */
  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const identity = await this.identities.identify(request);
    if (identity.credential === 'session' && identity.user !== undefined && identity.sessionId !== undefined) {
      const user = identity.user;
      await this.sessionRecords.end(identity.sessionId);
      await this.audit.record({ actor: { id: user.id, name: user.name }, action: 'session.signed_out', target: { kind: 'account', id: user.id }, teams: user.teams });
    }
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  private async startSession(response: Response, user: User): Promise<void> {
    const session = this.sessions.encode(user);
    await this.sessionRecords.open(session.id, user.id, session.expiresAt);
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.NODE_ENV === 'production',
      path: '/',
      maxAge: this.sessions.maxAgeSeconds * 1000,
    });
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
