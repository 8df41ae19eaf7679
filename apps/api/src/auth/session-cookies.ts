import { Inject, Injectable } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { SESSION_COOKIE, SessionCodec } from './session.js';
import { SessionsRepository } from './sessions.repository.js';
import type { User } from './user.js';

/** Why the last single sign-on failed, for the sign-in page to say (sealed, short-lived). */
export const SIGN_IN_PROBLEM_COOKIE = 'rh_sign_in_problem';
const PROBLEM_SECONDS = 5 * 60;
const problem = z.object({ problem: z.string().min(1), exp: z.number().int() });

/**
 * The cookies a browser signs in with: the session's (opened by every way of signing in alike,
 * recorded on the server) and the sentence saying why single sign-on refused someone.
 */
@Injectable()
export class SessionCookies {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionCodec) private readonly sessions: SessionCodec,
    @Inject(SessionsRepository) private readonly sessionRecords: SessionsRepository,
  ) {}

  /** Opens a session for `user` (keeping the provider's ID token when single sign-on opened it) and sets its cookie. */
  async start(response: Response, user: User, idToken?: string): Promise<void> {
    const session = this.sessions.encode(user);
    await this.sessionRecords.open(session.id, user.id, session.expiresAt, idToken);
    response.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: '/',
      maxAge: this.sessions.maxAgeSeconds * 1000,
    });
    this.clearProblem(response);
  }

  /** Remembers why a sign-in was refused, for GET /auth/session to tell the sign-in page. */
  setProblem(response: Response, sentence: string, now = Date.now()): void {
    response.cookie(SIGN_IN_PROBLEM_COOKIE, this.sessions.seal({ problem: sentence, exp: Math.floor(now / 1000) + PROBLEM_SECONDS }), {
      httpOnly: true,
      // Set on the way back from the provider (a navigation from another site), read by the console's own requests.
      sameSite: 'lax',
      secure: this.secure,
      path: '/auth',
      maxAge: PROBLEM_SECONDS * 1000,
    });
  }

  problemOf(request: Request, now = Date.now()): string | null {
    const parsed = problem.safeParse(this.sessions.open(parseCookies(request.headers.cookie ?? '')[SIGN_IN_PROBLEM_COOKIE]));
    return parsed.success && parsed.data.exp * 1000 >= now ? parsed.data.problem : null;
  }

  clearProblem(response: Response): void {
    response.clearCookie(SIGN_IN_PROBLEM_COOKIE, { path: '/auth' });
  }

  private get secure(): boolean {
    return this.config.NODE_ENV === 'production';
  }
}
