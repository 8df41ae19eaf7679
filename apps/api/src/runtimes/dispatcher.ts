import type { ReprocessCommandV1 } from '@roundhouse/contracts';

/**
 * Dispatch adapters send reprocessed dead letters back to their runtime. Thin: translation and
 * transport only. Policy — what to send when, how fast, how often to try again, what counts as
 * done — lives in the reprocess ledger (apps/api/src/reprocess).
 */

/** One message to send again: the reprocess command every transport translates from. */
export type DispatchMessage = ReprocessCommandV1;

/**
 * What became of one message:
 *   confirmed  the transport took it for good (broker publisher confirm, webhook 2xx, job retried)
 *   retry      not taken this time, may work later (webhook 5xx/408/429, broker nack); `error` says why
 *   rejected   will not work if sent again (unroutable, webhook 4xx, job gone); `error` says why
 */
export type DispatchOutcome =
  | { reprocessId: string; result: 'confirmed' }
  | { reprocessId: string; result: 'retry'; error: string; retryAfterMs?: number }
  | { reprocessId: string; result: 'rejected'; error: string };

/**
 * Thrown when the transport itself is unreachable (broker down, connection refused): nothing in
 * the batch was confirmed, and the whole batch waits and is tried again.
 */
export class TransportUnavailableError extends Error {
  override readonly name = 'TransportUnavailableError';
}

export interface RabbitMqTarget {
  kind: 'rabbitmq';
  /** amqp:// URL (from the environment variable the binding names). Never logged. */
  url: string;
  /** The binding's exchange and routing key, used when the dead letter did not record its own. */
  exchange?: string;
  routingKey?: string;
}

export interface BullMqTarget {
  kind: 'bullmq';
  /** redis:// URL. Never logged. */
  url: string;
  queue: string;
}

export interface WebhookTarget {
  kind: 'webhook';
  url: string;
  /** HMAC-SHA256 signing secret. Never logged. */
  secret: string;
}

export type DispatchTarget = RabbitMqTarget | BullMqTarget | WebhookTarget;

export interface Dispatcher<T extends DispatchTarget = DispatchTarget> {
  /** Sends a batch (all for one automation and target); one outcome per message, in order. */
  dispatch(target: T, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]>;
  /** Closes connections. */
  close(): Promise<void>;
}
