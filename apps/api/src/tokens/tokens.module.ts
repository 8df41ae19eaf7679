import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { RuntimeAuthenticator, providePort } from '../auth/index.js';
import { TokensRepository } from './tokens.repository.js';
import { TokensResolver } from './tokens.resolver.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [AuditModule],
  providers: [TokensRepository, TokensService, TokensResolver, providePort(RuntimeAuthenticator, TokensService)],
  exports: [TokensService, RuntimeAuthenticator],
})
export class TokensModule {}
