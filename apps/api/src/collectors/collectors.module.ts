import { Module } from '@nestjs/common';
import { AutomationsModule } from '../automations/automations.module.js';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { IngestRepository } from '../ingest/ingest.repository.js';
import { BullMqCollector } from './bullmq-collector.service.js';
import { CollectorsService } from './collectors.service.js';
import { RabbitMqCollector } from './rabbitmq-collector.service.js';
import { NatsCollector } from '../runtimes/nats/nats-collector.service.js';

@Module({ imports: [DeadLettersModule, AutomationsModule], providers: [IngestRepository, RabbitMqCollector, BullMqCollector, NatsCollector, CollectorsService], exports: [RabbitMqCollector, BullMqCollector, NatsCollector, CollectorsService] })
export class CollectorsModule {}
