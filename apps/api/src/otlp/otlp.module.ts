import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/index.js';
import { OtlpController } from './otlp.controller.js';
import { OtlpRepository } from './otlp.repository.js';
import { OtlpService } from './otlp.service.js';

/** OpenTelemetry in: OTLP/HTTP trace export at /v1/traces, through the ingest pipeline. */
@Module({ imports: [IngestModule], controllers: [OtlpController], providers: [OtlpRepository, OtlpService] })
export class OtlpModule {}
