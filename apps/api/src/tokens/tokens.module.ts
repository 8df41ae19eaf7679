import { Module } from '@nestjs/common';
import { AutomationsModule } from '../automations/automations.module.js';
import { TokenCoverageModule } from './token-coverage.module.js';
import { TokensResolver } from './tokens.resolver.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [AutomationsModule, TokenCoverageModule],
  providers: [TokensService, TokensResolver],
  exports: [TokensService],
})
export class TokensModule {}
