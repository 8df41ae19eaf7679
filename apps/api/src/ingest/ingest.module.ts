import { Module } from '@nestjs/common';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { IngestController } from './ingest.controller.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';

@Module({ imports: [DeadLettersModule], controllers: [IngestController], providers: [IngestRepository, IngestService], exports: [IngestService] })
export class IngestModule {}
