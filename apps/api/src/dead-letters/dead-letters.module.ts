import { Module } from '@nestjs/common';
import { DeadLetterIngestRepository } from './dead-letter-ingest.repository.js';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { DeadLettersResolver } from './dead-letters.resolver.js';
import { DeadLettersService } from './dead-letters.service.js';
import { RequestFailedAgainResolver } from './request-failed-again.resolver.js';

@Module({ providers: [DeadLettersRepository, DeadLetterIngestRepository, DeadLettersService, DeadLettersResolver, RequestFailedAgainResolver], exports: [DeadLettersRepository, DeadLetterIngestRepository] })
export class DeadLettersModule {}
