import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { OutboundGuard } from '../outbound/outbound-guard.js';
import { BullMqDispatcher } from './bullmq-dispatcher.js';
import type { DispatchMessage, DispatchOutcome, DispatchTarget } from './dispatcher.js';
import { RabbitMqDispatcher } from './rabbitmq-dispatcher.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** The dispatch adapters, one per transport, chosen by the target's kind. */
@Injectable()
export class Dispatchers implements OnApplicationShutdown {
  private readonly rabbitmq = new RabbitMqDispatcher();
  private readonly bullmq = new BullMqDispatcher();
  private readonly webhook: WebhookDispatcher;

  constructor(@Inject(OutboundGuard) guard: OutboundGuard) {
    this.webhook = new WebhookDispatcher(guard);
  }

  dispatch(target: DispatchTarget, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]> {
    switch (target.kind) {
      case 'rabbitmq':
        return this.rabbitmq.dispatch(target, messages);
      case 'bullmq':
        return this.bullmq.dispatch(target, messages);
      case 'webhook':
        return this.webhook.dispatch(target, messages);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.rabbitmq.close(), this.bullmq.close(), this.webhook.close()]);
  }
}
