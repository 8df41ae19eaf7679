import type { RuntimeBinding, RuntimeKind } from '@roundhouse/contracts';
import type { DispatchMessage, DispatchOutcome } from './dispatcher.js';

/**
 * One runtime kind (the contract's RUNTIME_KINDS): everything Roundhouse knows about reaching
 * automations that run on it. Each kind lives in its own folder (`runtimes/<kind>/`) and is listed
 * once in `runtimes/registry.ts`; nothing outside those two places switches on a kind. Validating a
 * binding needs no instance (the catalog asks before anything is connected): it is the class's static
 * `validate` (see RuntimeAdapterClass).
 *
 * Connection strings and secrets are never read here from the environment: a kind asks the one
 * injected resolver (`RuntimeVariables`) for the variable its binding names, which refuses names a
 * catalog may not name (see config/runtime-variables.ts).
 */
export interface RuntimeAdapter {
  /** The contract's runtime kind this adapter serves. */
  readonly kind: RuntimeKind;
  /** The transport's name in sentences ("RabbitMQ", "Redis (BullMQ)"). */
  readonly label: string;

  /**
   * Whether a dead letter collected from `sourceKind` goes back through this kind's own transport
   * (this api can reach it); otherwise the runtime pulls it through the SDK. A binding naming a
   * variable it may not name keeps its own route, which then fails saying why: never a silent detour.
   */
  delivers(binding: RuntimeBinding, sourceKind: string): boolean;

  /** Where this kind's own route delivers to, in words for the person confirming (never a secret). */
  describeRoute(binding: RuntimeBinding | null): string;

  /**
   * What will stop delivery, or keep it waiting, in a sentence; null when nothing is missing.
   * `route` is 'own' when `delivers` said yes, 'sdk' when the messages wait for the SDK instead.
   */
  warning(route: 'own' | 'sdk', binding: RuntimeBinding | null): string | null;

  /** Sends reprocessed dead letters back through this kind's own transport; absent for kinds the SDK pulls from. */
  readonly dispatcher?: RuntimeDispatcher;

  /** Collects this kind's failures from its source; absent for kinds that report their own (SDK, webhook). */
  readonly collector?: RuntimeCollector;

  /** What the failures' source keeps, and for how long: what the workbench warns about before they vanish. */
  retention(binding: RuntimeBinding, queue: string | null): Promise<SourceRetention>;
}

export interface RuntimeDispatcher {
  /**
   * Sends a batch (one automation, and `sourceQueue` the queue its dead letters came from); one
   * outcome per message, in order. Answers a sentence instead when the binding cannot be sent to
   * (nothing was sent); throws TransportUnavailableError when the transport is unreachable.
   */
  dispatch(binding: RuntimeBinding | null, sourceQueue: string, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[] | string>;
  /** Groups messages that go out together: dead letters with a different key need separate batches (e.g. BullMQ queues). */
  batchKey?(sourceQueue: string): string;
  /** Closes connections. */
  close(): Promise<void>;
}

/** Follows the catalog: collects every active binding of its kind this process can reach, and stops those no longer bound. */
export interface RuntimeCollector {
  syncFromCatalog(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What a failure's source keeps. `maxAgeMs`/`maxCount` are null when there is no limit, 'unknown'
 * when the source does not say (e.g. a RabbitMQ policy, invisible over AMQP).
 */
export interface SourceRetention {
  /** 'source': the runtime's broker or queue must still hold a failure for it to be reprocessed; 'roundhouse': Roundhouse keeps it. */
  keeper: 'source' | 'roundhouse';
  maxAgeMs: number | null | 'unknown';
  maxCount: number | null | 'unknown';
  /** In words, for the console and alerts: "queue TTL 24 h", "removeOnFail after 1 h", "kept by Roundhouse until resolved". */
  summary: string;
  /** The limit that removes failures first, in a few words ("queue TTL 24 h", "removeOnFail after 6 h"), when there is one. */
  limit?: string;
  /** Failures the source holds that Roundhouse has not collected yet (e.g. messages still in a RabbitMQ dead-letter queue), when known. */
  waiting?: number;
}

/** Roundhouse's own retention: dead letters are kept, with no limit, until resolved or discarded. */
export const ROUNDHOUSE_KEEPS: SourceRetention = { keeper: 'roundhouse', maxAgeMs: null, maxCount: null, summary: 'kept by Roundhouse until resolved or discarded' };
