import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { InputError, NotAllowedError } from '../errors/domain-errors.js';
import { Public } from './decorators.js';
import { DEV_PERSONAS } from './personas.js';
import { SESSION_COOKIE, SessionCodec } from './session.js';

const devSignInBody = z.object({ persona: z.string().min(1) });

/** Session routes. The dev sign-in exists only when ROUNDHOUSE_DEV_SIGN_IN is on (never in production). */
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SessionCodec) private readonly sessions: SessionCodec,
  ) {}

  @Public()
  @Get('session')
  session(@Req() request: Request) {
    const devSignIn = this.config.ROUNDHOUSE_DEV_SIGN_IN;
    return {
      user: request.user ?? null,
      devSignIn,
      personas: devSignIn ? DEV_PERSONAS : [],
    };
  }

  @Public()
  @Post('dev-sign-in')
  @HttpCode(204)
  devSignIn(@Body() body: unknown, @Res({ passthrough: true }) response: Response): void {
    if (!this.config.ROUNDHOUSE_DEV_SIGN_IN) {
      throw new NotAllowedError('Dev sign-in is turned off on this server.');
    }
    const parsed = devSignInBody.safeParse(body);
    const persona = parsed.success ? DEV_PERSONAS.find((p) => p.id === parsed.data.persona) : undefined;
    if (persona === undefined) {
      throw new InputError('Unknown persona.', [
        { path: 'persona', message: 'not a dev persona', allowed: DEV_PERSONAS.map((p) => p.id).join(', ') },
      ]);
    }
    const { description: _description, ...user } = persona;
    response.cookie(SESSION_COOKIE, this.sessions.encode(user), {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.NODE_ENV === 'production',
      path: '/',
      maxAge: this.sessions.maxAgeSeconds * 1000,
    });
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  signOut(@Res({ passthrough: true }) response: Response): void {
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
