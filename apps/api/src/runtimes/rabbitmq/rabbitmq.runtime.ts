import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { sharedBindingProblems, type BindingProblem, type BindingRules } from '../binding-check.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { OutboundGuard } from '../../outbound/index.js';
import type { DispatchMessage, DispatchOutcome, RabbitMqTarget } from '../dispatcher.js';
import type { RuntimeAdapter, RuntimeDispatcher, SourceRetention } from '../runtime-adapter.js';
import { brokerWarning, connectionUrl } from '../shared/binding-variables.js';
import { RabbitMqCollector } from './rabbitmq-collector.service.js';
import { RabbitMqDispatcher } from './rabbitmq-dispatcher.js';
import { rabbitMqRetention } from './rabbitmq-retention.js';

/**
 * RabbitMQ: dead-letter queues collected over AMQP, reprocessed messages republished (publisher
 * confirms) to the exchange and routing key they were first published to. Reached through the
 * binding's connection variable.
 */
@Injectable()
export class RabbitMqRuntime implements RuntimeAdapter {
  static readonly kind = 'rabbitmq';
  readonly kind = RabbitMqRuntime.kind;
  readonly label = 'RabbitMQ';
  readonly dispatcher: RuntimeDispatcher;

  constructor(
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
    @Inject(OutboundGuard) private readonly guard: OutboundGuard,
    @Optional() @Inject(RabbitMqCollector) readonly collector?: RabbitMqCollector,
  ) {
    const transport = new RabbitMqDispatcher();
    this.dispatcher = {
      dispatch: (binding: RuntimeBinding | null, _sourceQueue: string, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[] | string> => {
        const target = this.target(binding);
        return typeof target === 'string' ? Promise.resolve(target) : transport.dispatch(target, messages);
      },
      close: () => transport.close(),
    };
  }

  /** Where a batch goes: the broker the connection variable names, with the binding's exchange and routing key as fallback; or why nowhere. */
  target(binding: RuntimeBinding | null): RabbitMqTarget | string {
    const broker = connectionUrl(binding, this.variables, 'RabbitMQ');
    if (typeof broker === 'string') {
      return broker;
    }
    return {
      kind: 'rabbitmq',
      url: broker.url,
      ...(binding?.exchange === undefined ? {} : { exchange: binding.exchange }),
      ...(binding?.routingKey === undefined ? {} : { routingKey: binding.routingKey }),
    };
  }

  /** What this instance refuses in a binding of this kind: only what every kind refuses. */
  static validate(binding: RuntimeBinding, rules: BindingRules): BindingProblem[] {
    return sharedBindingProblems(binding, rules);
  }

  delivers(binding: RuntimeBinding, sourceKind: string): boolean {
    return sourceKind === 'rabbitmq' && this.variables.lookup(binding.connection).state !== 'unset';
  }

  describeRoute(binding: RuntimeBinding | null): string {
    return `republished to RabbitMQ (the original exchange and routing key${binding?.exchange === undefined ? '' : `, e.g. "${binding.exchange}"`})`;
  }

  warning(route: 'own' | 'sdk', binding: RuntimeBinding | null): string | null {
    return brokerWarning(route, binding, this.variables, 'RabbitMQ');
  }

  retention(binding: RuntimeBinding, queue: string | null): Promise<SourceRetention> {
    const broker = connectionUrl(binding, this.variables, 'RabbitMQ');
    return rabbitMqRetention(typeof broker === 'string' ? null : broker.url, queue ?? binding.deadLetterQueue ?? null);
  }
}
