import { randomBytes } from 'node:crypto';
import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type ModuleMetadata, type NestModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { OidcController } from './oidc.controller.js';
import { OIDC_SIGN_IN, OidcSignIn, oidcSignInSettings } from './oidc-sign-in.js';
import { SessionCookies } from './session-cookies.js';
import { CsrfMiddleware } from './csrf.middleware.js';
import { OpenSessions } from './open-sessions.js';
import { RequestIdentifier } from './request-identifier.js';
import { SessionCodec } from './session.js';
import { SessionsRepository } from './sessions.repository.js';
import { ViewerResolver } from './viewer.resolver.js';

@Module({
  controllers: [AuthController, OidcController],
  providers: [
    {
      provide: SessionCodec,
      inject: [APP_CONFIG],
      // Without a configured secret (never in production) sessions last as long as the process.
      useFactory: (config: AppConfig) => new SessionCodec(config.ROUNDHOUSE_SESSION_SECRET ?? randomBytes(32).toString('hex')),
    },
    SessionsRepository,
    OpenSessions,
    SessionCookies,
    {
      provide: OIDC_SIGN_IN,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const settings = oidcSignInSettings(config);
        return settings === undefined ? null : new OidcSignIn(settings);
      },
    },
    RequestIdentifier,
    { provide: APP_GUARD, useClass: AuthGuard },
    ViewerResolver,
  ],
})
export class AuthModule implements NestModule {
  /**
   * `sources`: the modules that provide auth's ports (identity-ports.ts: RuntimeAuthenticator, TeamDirectory,
   * LocalAccounts, SignInAudit). The app module names them, so auth imports none of the features that use it.
   */
  static forRoot(sources: NonNullable<ModuleMetadata['imports']>): DynamicModule {
    return { module: AuthModule, imports: sources };
  }

  /** Every POST that acts as the session's user (GraphQL, queries included, and sign-out) needs the CSRF token. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CsrfMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.POST }, { path: 'auth/sign-out', method: RequestMethod.POST });
  }
}
