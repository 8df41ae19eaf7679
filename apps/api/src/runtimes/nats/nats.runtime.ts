import { Inject, Injectable, Optional } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { sharedBindingProblems, type BindingProblem, type BindingRules } from '../binding-check.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { OutboundGuard } from '../../outbound/index.js';
import type { DispatchMessage, DispatchOutcome } from '../dispatcher.js';
import { ROUNDHOUSE_KEEPS, type RuntimeAdapter, type RuntimeDispatcher, type SourceRetention } from '../runtime-adapter.js';
import { brokerWarning, connectionUrl } from '../shared/binding-variables.js';
import { describeNatsRoute, natsBindingGaps } from './nats-binding.js';
import { NatsCollector } from './nats-collector.service.js';
import { NatsConnections, natsReason } from './nats-connections.js';
import { NatsDispatcher } from './nats-dispatcher.js';
import { readNatsRetention } from './nats-retention.js';

/**
 * NATS JetStream: messages a durable consumer gave up on (max deliveries reached, or terminated)
 * collected from its give-up advisories and read from the stream by sequence; reprocessed messages
 * republished to their original subject with the ledger's key as Nats-Msg-Id (the stream's
 * duplicate window drops a resend). Reached through the binding's connection variable (a NATS URL).
 */
@Injectable()
export class NatsRuntime implements RuntimeAdapter {
  static readonly kind = 'nats';
  readonly kind = NatsRuntime.kind;
  readonly label = 'NATS JetStream';
  readonly dispatcher: RuntimeDispatcher;
  private readonly lookups = new NatsConnections('roundhouse-retention');

  constructor(
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
    @Inject(OutboundGuard) private readonly guard: OutboundGuard,
    @Optional() @Inject(NatsCollector) readonly collector?: NatsCollector,
  ) {
    const transport = new NatsDispatcher();
    this.dispatcher = {
      dispatch: (binding: RuntimeBinding | null, _sourceQueue: string, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[] | string> => {
        const server = connectionUrl(binding, this.variables, 'NATS');
        return typeof server === 'string'
          ? Promise.resolve(server)
          : transport.dispatch({ kind: 'nats', url: server.url, ...(binding?.stream === undefined ? {} : { stream: binding.stream }) }, messages);
      },
      close: async () => {
        await Promise.all([transport.close(), this.lookups.close()]);
      },
    };
  }

  /** What this instance refuses in a binding of this kind: only what every kind refuses. */
  static validate(binding: RuntimeBinding, rules: BindingRules): BindingProblem[] {
    return sharedBindingProblems(binding, rules);
  }

  delivers(binding: RuntimeBinding, sourceKind: string): boolean {
    return sourceKind === 'nats' && this.variables.lookup(binding.connection).state !== 'unset';
  }

  describeRoute(binding: RuntimeBinding | null): string {
    return describeNatsRoute(binding);
  }

  warning(route: 'own' | 'sdk', binding: RuntimeBinding | null): string | null {
    const broker = brokerWarning(route, binding, this.variables, 'NATS JetStream');
    if (broker !== null || binding === null) {
      return broker;
    }
    return natsBindingGaps(binding)[0] ?? null;
  }

  /**
   * A collected JetStream failure is kept by Roundhouse, and a reprocess republishes that copy: the
   * stream need not hold it any more. What the stream keeps matters only until the advisory is
   * handled (moments), so it is reported in words, not as a deadline.
   */
  async retention(binding: RuntimeBinding, queue: string | null): Promise<SourceRetention> {
    const stream = queue ?? binding.stream;
    const server = connectionUrl(binding, this.variables, 'NATS');
    const kept = (about: string): SourceRetention => ({ ...ROUNDHOUSE_KEEPS, summary: `${ROUNDHOUSE_KEEPS.summary} once collected; ${about}` });
    if (stream === undefined) {
      return kept('the binding names no stream');
    }
    if (typeof server === 'string') {
      return kept(`stream "${stream}" not read: ${server}`);
    }
    try {
      const retention = await readNatsRetention(await jetstreamManager(await this.lookups.get(server.url)), stream);
      return kept([`stream "${stream}": ${retention.summary}`, ...retention.warnings].join('. '));
    } catch (error) {
      return kept(`stream "${stream}" could not be read (${natsReason(error, server.url)})`);
    }
  }
}
