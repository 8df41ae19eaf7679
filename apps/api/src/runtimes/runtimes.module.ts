import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AutomationsModule } from '../automations/automations.module.js';
import { DeadLettersModule } from '../dead-letters/dead-letters.module.js';
import { IngestRepository } from '../ingest/ingest.repository.js';
import { BullMqCollector } from './bullmq/bullmq-collector.service.js';
import { RabbitMqCollector } from './rabbitmq/rabbitmq-collector.service.js';
import { RUNTIME_ADAPTERS } from './registry.js';
import type { RuntimeAdapter } from './runtime-adapter.js';
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
  imports: [DeadLettersModule, AutomationsModule],
  providers: [
    IngestRepository,
    RabbitMqCollector,
    BullMqCollector,
    ...RUNTIME_ADAPTERS,
    { provide: Runtimes, useFactory: (...adapters: RuntimeAdapter[]) => new Runtimes(adapters), inject: [...RUNTIME_ADAPTERS] },
    RuntimesShutdown,
    RuntimeCollectors,
  ],
  exports: [Runtimes, RuntimeCollectors, RabbitMqCollector, BullMqCollector],
})
export class RuntimesModule {}
