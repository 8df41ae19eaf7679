import { REPROCESS_ID_HEADER, REPROCESS_SIGNATURE_HEADER, REPROCESS_TIMESTAMP_HEADER } from '@roundhouse/contracts';
import { reprocessSignature } from '@roundhouse/sdk';
import { postJson, type OutboundGuard } from '../../outbound/index.js';
import type { DispatchMessage, DispatchOutcome, Dispatcher, WebhookTarget } from '../dispatcher.js';
import { mapConcurrently } from '../shared/map-concurrently.js';

const IN_FLIGHT = 8;

/**
 * Delivers reprocess commands to a runtime's webhook: one signed POST per message, up to eight in
 * flight, signed as the SDK verifies it (`@roundhouse/sdk`'s reprocessSignature). Each message has its own outcome — a webhook that is down answers `retry` for each, never
 * a thrown error — and the ledger decides when to try again. Every POST goes through the outbound
 * guard: a webhook on a loopback, private or link-local address (unless allowed) is rejected unsent.
 */
export class WebhookDispatcher implements Dispatcher<WebhookTarget> {
  constructor(private readonly guard: OutboundGuard) {}

  dispatch(target: WebhookTarget, messages: readonly DispatchMessage[]): Promise<DispatchOutcome[]> {
    return mapConcurrently(messages, IN_FLIGHT, (message) => this.post(target, message));
  }

  private async post(target: WebhookTarget, message: DispatchMessage): Promise<DispatchOutcome> {
    const { reprocessId } = message;
    const body = JSON.stringify(message);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const delivery = await postJson(
      target.url,
      body,
      {
        [REPROCESS_ID_HEADER]: reprocessId,
        [REPROCESS_TIMESTAMP_HEADER]: timestamp,
        [REPROCESS_SIGNATURE_HEADER]: reprocessSignature(target.secret, timestamp, body),
      },
      'webhook',
      this.guard,
    );
    switch (delivery.result) {
      case 'delivered':
        return { reprocessId, result: 'confirmed' };
      case 'retry':
        return { reprocessId, result: 'retry', error: delivery.error, ...(delivery.retryAfterMs === undefined ? {} : { retryAfterMs: delivery.retryAfterMs }) };
      case 'rejected':
        return { reprocessId, result: 'rejected', error: delivery.error };
    }
  }

  /** Nothing to close: every POST has a connection of its own, closed when it ends. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
