import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app.config.js';
import { TokensModule } from '../tokens/tokens.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { SessionCodec } from './session.js';
import { ViewerResolver } from './viewer.resolver.js';

@Module({
  imports: [TokensModule],
  controllers: [AuthController],
  providers: [
    {
      provide: SessionCodec,
      inject: [APP_CONFIG],
      // Without a configured secret (never in production) sessions last as long as the process.
      useFactory: (config: AppConfig) => new SessionCodec(config.ROUNDHOUSE_SESSION_SECRET ?? randomBytes(32).toString('hex')),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    ViewerResolver,
  ],
})
export class AuthModule {}
