import type { RuntimeKind } from '@roundhouse/contracts';
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
}

/**
 * Every runtime kind, one adapter each. Adding a kind: its folder (`runtimes/<kind>/`), a line
 * here, and its name in the contract's RUNTIME_KINDS (libs/contracts); registry.spec.ts checks the
 * two lists agree. See docs/runtimes.md.
 */
export const RUNTIME_ADAPTERS = [RabbitMqRuntime, BullMqRuntime, NatsRuntime, WebhookRuntime, SdkRuntime, OtherRuntime] as const satisfies readonly RuntimeAdapterClass[];
