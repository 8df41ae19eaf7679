import { Inject, Injectable } from '@nestjs/common';
import type { RuntimeBinding } from '@roundhouse/contracts';
import { sharedBindingProblems, type BindingProblem, type BindingRules } from '../binding-check.js';
import { RuntimeVariables } from '../../config/runtime-variables.js';
import { OutboundGuard } from '../../outbound/index.js';
import type { DispatchMessage, DispatchOutcome } from '../dispatcher.js';
import { ROUNDHOUSE_KEEPS, type RuntimeAdapter, type RuntimeDispatcher, type SourceRetention } from '../runtime-adapter.js';
import { withoutCredentials } from '../shared/broker-url.js';
import { notRead } from '../shared/binding-variables.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/**
 * A runtime that reports its failures itself (SDK or ingest) and takes reprocess commands at a
 * webhook: one signed POST per message, through the outbound guard.
 */
@Injectable()
export class WebhookRuntime implements RuntimeAdapter {
  static readonly kind = 'webhook';
  readonly kind = WebhookRuntime.kind;
  readonly label = 'The reprocess webhook';
  readonly dispatcher: RuntimeDispatcher;

  constructor(
    @Inject(RuntimeVariables) private readonly variables: RuntimeVariables,
    @Inject(OutboundGuard) private readonly guard: OutboundGuard,
  ) {
    const transport = new WebhookDispatcher(guard);
    this.dispatcher = {
      dispatch: (binding: RuntimeBinding | null, _sourceQueue: string, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[] | string> => {
        if (binding?.reprocessUrl === undefined) {
          return Promise.resolve('the runtime binding has no reprocessUrl');
        }
        const secret = this.variables.lookup(binding.signingSecret);
        if (secret.state === 'refused') {
          return Promise.resolve(`cannot sign: ${notRead('signingSecret', secret.reason)}`);
        }
        if (secret.state === 'unset') {
          return Promise.resolve(`cannot sign: the environment variable ${binding.signingSecret ?? '(signingSecret)'} is not set`);
        }
        return transport.dispatch({ kind: 'webhook', url: binding.reprocessUrl, secret: secret.value }, messages);
      },
      close: () => transport.close(),
    };
  }

  /** What this instance refuses in a binding of this kind: only what every kind refuses. */
  static validate(binding: RuntimeBinding, rules: BindingRules): BindingProblem[] {
    return sharedBindingProblems(binding, rules);
  }

  delivers(binding: RuntimeBinding): boolean {
    return binding.reprocessUrl !== undefined;
  }

  describeRoute(binding: RuntimeBinding | null): string {
    return `POSTed, signed, to ${binding?.reprocessUrl === undefined ? 'the reprocess webhook' : withoutCredentials(binding.reprocessUrl)}`;
  }

  warning(route: 'own' | 'sdk', binding: RuntimeBinding | null): string | null {
    if (route !== 'own') {
      return null;
    }
    const secret = this.variables.lookup(binding?.signingSecret);
    if (secret.state === 'refused') {
      return `Nothing will be sent: ${notRead('signingSecret', secret.reason)}.`;
    }
    if (secret.state === 'unset') {
      return binding?.signingSecret === undefined
        ? 'The runtime binding names no signingSecret variable, so webhooks cannot be signed; they will fail.'
        : `The environment variable ${binding.signingSecret} is not set here, so webhooks cannot be signed; they will fail.`;
    }
    return null;
  }

  /** The runtime reported its failures with their bodies: Roundhouse holds what a reprocess sends. */
  retention(): Promise<SourceRetention> {
    return Promise.resolve(ROUNDHOUSE_KEEPS);
  }
}
