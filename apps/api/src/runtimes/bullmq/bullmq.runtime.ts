import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { sharedBindingProblems, type BindingProblem, type BindingRules } from '../binding-check.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { OutboundGuard } from '../../outbound/index.js';
import type { DispatchMessage, DispatchOutcome } from '../dispatcher.js';
import type { RuntimeAdapter, RuntimeDispatcher, SourceRetention } from '../runtime-adapter.js';
import { brokerWarning, connectionUrl } from '../shared/binding-variables.js';
import { BullMqCollector } from './bullmq-collector.service.js';
import { BullMqDispatcher } from './bullmq-dispatcher.js';
import { bullMqRetention } from './bullmq-retention.js';

/**
 * BullMQ: jobs that exhausted their attempts collected from the failed set, reprocessed by retrying
 * the job in the queue it failed in. Reached through the binding's connection variable (a Redis URL).
 */
@Injectable()
export class BullMqRuntime implements RuntimeAdapter {
  static readonly kind = 'bullmq';
  readonly kind = BullMqRuntime.kind;
  readonly label = 'Redis (BullMQ)';
  readonly dispatcher: RuntimeDispatcher;

  constructor(
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
    @Inject(OutboundGuard) private readonly guard: OutboundGuard,
    @Optional() @Inject(BullMqCollector) readonly collector?: BullMqCollector,
  ) {
    const transport = new BullMqDispatcher();
    this.dispatcher = {
      dispatch: (binding: RuntimeBinding | null, sourceQueue: string, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[] | string> => {
        const broker = connectionUrl(binding, this.variables, 'Redis');
        if (typeof broker === 'string') {
          return Promise.resolve(broker);
        }
        if (binding?.queue === undefined) {
          return Promise.resolve('the runtime binding names no BullMQ queue');
        }
        // A BullMQ job is retried in the queue it failed in.
        return transport.dispatch({ kind: 'bullmq', url: broker.url, queue: sourceQueue }, messages);
      },
      batchKey: (sourceQueue: string) => sourceQueue,
      close: () => transport.close(),
    };
  }

  /** What this instance refuses in a binding of this kind: only what every kind refuses. */
  static validate(binding: RuntimeBinding, rules: BindingRules): BindingProblem[] {
    return sharedBindingProblems(binding, rules);
  }

  delivers(binding: RuntimeBinding, sourceKind: string): boolean {
    return sourceKind === 'bullmq' && binding.queue !== undefined && this.variables.lookup(binding.connection).state !== 'unset';
  }

  describeRoute(binding: RuntimeBinding | null): string {
    return `retried in BullMQ queue "${binding?.queue ?? '?'}"`;
  }

  warning(route: 'own' | 'sdk', binding: RuntimeBinding | null): string | null {
    return brokerWarning(route, binding, this.variables, 'BullMQ');
  }

  retention(binding: RuntimeBinding, queue: string | null): Promise<SourceRetention> {
    const broker = connectionUrl(binding, this.variables, 'Redis');
    return bullMqRetention(typeof broker === 'string' ? null : broker.url, queue ?? binding.queue ?? null);
  }
}
