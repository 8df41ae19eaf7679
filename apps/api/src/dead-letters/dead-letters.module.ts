import { Module } from '@nestjs/common';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { DeadLettersResolver } from './dead-letters.resolver.js';
import { DeadLettersService } from './dead-letters.service.js';
import { RequestFailedAgainResolver } from './request-failed-again.resolver.js';

@Module({ providers: [DeadLettersRepository, DeadLettersService, DeadLettersResolver, RequestFailedAgainResolver], exports: [DeadLettersRepository] })
export class DeadLettersModule {}
