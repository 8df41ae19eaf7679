import { Module } from '@nestjs/common';
import { AutomationsModule } from '../automations/automations.module.js';
import { TokensRepository } from './tokens.repository.js';
import { TokensResolver } from './tokens.resolver.js';
import { TokensService } from './tokens.service.js';

@Module({
  imports: [AutomationsModule],
  providers: [TokensRepository, TokensService, TokensResolver],
  exports: [TokensService],
})
export class TokensModule {}
