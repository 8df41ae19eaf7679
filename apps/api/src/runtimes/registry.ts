import type { RuntimeBinding, RuntimeKind } from '@roundhouse/contracts';
import { RuntimeBindingCheck, type BindingProblem, type BindingRules } from './binding-check.js';
import { BullMqRuntime } from './bullmq/bullmq.runtime.js';
import { NatsRuntime } from './nats/nats.runtime.js';
import { RabbitMqRuntime } from './rabbitmq/rabbitmq.runtime.js';
import type { RuntimeAdapter } from './runtime-adapter.js';
import { OtherRuntime, SdkRuntime } from './sdk/sdk.runtime.js';
import { WebhookRuntime } from './webhook/webhook.runtime.js';

/** An adapter class: its kind is known without an instance, so the registry can be checked against the contract. */
export interface RuntimeAdapterClass {
  readonly kind: RuntimeKind;
  new (...args: never[]): RuntimeAdapter;
  /** What this instance refuses in a binding of this kind the contract accepts (variables a catalog may not name, webhook hosts). */
  validate(binding: RuntimeBinding, rules: BindingRules): BindingProblem[];
}

/**
 * Every runtime kind, one adapter each. Adding a kind: its folder (`runtimes/<kind>/`), a line
 * here, and its name in the contract's RUNTIME_KINDS (libs/contracts); registry.spec.ts checks the
 * two lists agree. See docs/runtimes.md.
 */
export const RUNTIME_ADAPTERS = [RabbitMqRuntime, BullMqRuntime, NatsRuntime, WebhookRuntime, SdkRuntime, OtherRuntime] as const satisfies readonly RuntimeAdapterClass[];

/** Each binding checked by the adapter of its kind: the catalog's and the console's one way to validate a binding. */
export class RegistryBindingCheck extends RuntimeBindingCheck {
  private readonly byKind = new Map<RuntimeKind, RuntimeAdapterClass>(RUNTIME_ADAPTERS.map((Adapter) => [Adapter.kind, Adapter]));

  constructor(private readonly rules: BindingRules) {
    super();
  }

  problems(runtime: RuntimeBinding | null | undefined): BindingProblem[] {
    if (runtime === null || runtime === undefined) {
      return [];
    }
    const Adapter = this.byKind.get(runtime.kind);
    if (Adapter === undefined) {
      throw new Error(`no runtime adapter for the kind "${runtime.kind}": registry.ts and the contract's RUNTIME_KINDS disagree`);
    }
    return Adapter.validate(runtime, this.rules);
  }
}
