import { Module } from '@nestjs/common';
import { DeadLetterIngestRepository } from './dead-letter-ingest.repository.js';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { DeadLettersResolver } from './dead-letters.resolver.js';
import { DeadLettersService } from './dead-letters.service.js';

@Module({ providers: [DeadLettersRepository, DeadLetterIngestRepository, DeadLettersService, DeadLettersResolver], exports: [DeadLettersService, DeadLetterIngestRepository] })
export class DeadLettersModule {}
