import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { OutboundModule } from '../outbound/index.js';
import { DeadLettersModule } from '../dead-letters/index.js';
import { IngestModule } from '../ingest/index.js';
import { BullMqCollector } from './bullmq/bullmq-collector.service.js';
import { NatsCollector } from './nats/nats-collector.service.js';
import { RabbitMqCollector } from './rabbitmq/rabbitmq-collector.service.js';
import { RUNTIME_ADAPTERS } from './registry.js';
import type { RuntimeAdapter } from './runtime-adapter.js';
import { RetentionWarnings } from './retention-warnings.js';
import { RetentionWarningsResolver } from './retention-warnings.resolver.js';
import { RuntimeCollectors } from './runtime-collectors.service.js';
import { Runtimes } from './routes.js';

/** Closes every adapter's connections when the api stops. */
@Injectable()
class RuntimesShutdown implements OnApplicationShutdown {
  constructor(@Inject(Runtimes) private readonly runtimes: Runtimes) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtimes.close();
  }
}

/** Every runtime kind's adapter (see registry.ts), as one `Runtimes`, and the collectors following the catalog. */
@Module({
  imports: [DeadLettersModule, IngestModule, OutboundModule],
  providers: [
    RabbitMqCollector,
    BullMqCollector,
    NatsCollector,
    ...RUNTIME_ADAPTERS,
    { provide: Runtimes, useFactory: (...adapters: RuntimeAdapter[]) => new Runtimes(adapters), inject: [...RUNTIME_ADAPTERS] },
    RuntimesShutdown,
    RuntimeCollectors,
    RetentionWarnings,
    RetentionWarningsResolver,
  ],
  exports: [Runtimes, RuntimeCollectors, RetentionWarnings, RabbitMqCollector, BullMqCollector, NatsCollector],
})
export class RuntimesModule {}
