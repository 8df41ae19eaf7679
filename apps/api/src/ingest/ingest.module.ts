import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/index.js';
import { DeadLettersModule } from '../dead-letters/index.js';
import { IngestController } from './ingest.controller.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';

@Module({ imports: [DeadLettersModule, MetricsModule], controllers: [IngestController], providers: [IngestRepository, IngestService], exports: [IngestService] })
export class IngestModule {}
