import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { TokenCoverage } from './token-coverage.js';
import { TokensRepository } from './tokens.repository.js';

/** What the features that move automations between teams (automations, catalog) need of runtime tokens. */
@Module({
  imports: [AuditModule],
  providers: [TokensRepository, TokenCoverage],
  exports: [TokenCoverage],
})
export class TokenCoverageModule {}
