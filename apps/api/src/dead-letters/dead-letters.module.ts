import { Module } from '@nestjs/common';
import { DeadLetterIngestRepository } from './dead-letter-ingest.repository.js';
import { DeadLetterIngestService } from './dead-letter-ingest.service.js';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { DeadLettersResolver } from './dead-letters.resolver.js';
import { DeadLettersService } from './dead-letters.service.js';

@Module({
  providers: [DeadLettersRepository, DeadLetterIngestRepository, DeadLettersService, DeadLetterIngestService, DeadLettersResolver],
  exports: [DeadLettersService, DeadLetterIngestService],
})
export class DeadLettersModule {}
