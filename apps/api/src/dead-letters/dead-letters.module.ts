import { Module } from '@nestjs/common';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { DeadLettersResolver } from './dead-letters.resolver.js';
import { DeadLettersService } from './dead-letters.service.js';

@Module({ providers: [DeadLettersRepository, DeadLettersService, DeadLettersResolver], exports: [DeadLettersRepository] })
export class DeadLettersModule {}
