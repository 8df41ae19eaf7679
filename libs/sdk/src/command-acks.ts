import { COMMANDS_ACK_PATH, COMMANDS_MAX_CLAIM } from '@roundhouse/contracts';
import { retryDelay } from './backoff.js';
import type { ResolvedClientOptions } from './client-options.js';
import { postCommands, type CommandsOutcome, type CommandsRequest } from './commands-transport.js';
import { internalError, reprocessRefusal, reprocessRetryScheduled, type DiagnosticHandler, type ReprocessRequestKind } from './diagnostics.js';

/** What the ack sender needs of its puller. */
export interface AcksContext {
  options: ResolvedClientOptions;
  request: CommandsRequest;
  diagnose: DiagnosticHandler;
  /** Aborted when the puller's stop() gives up waiting: acks in flight and their backoff end. */
  deadline: AbortSignal;
  /** Whether the api refused the token (401): then nothing more is sent. */
  tokenRefused: () => boolean;
  /** A 401 on an ack: the token will not come back. */
  unauthorized: (request: ReprocessRequestKind, detail: string | undefined) => void;
}

/**
 * Acknowledges the commands a puller is done with (`POST /ingest/v1/commands/ack`), so they are
 * not offered again: one sender, up to COMMANDS_MAX_CLAIM ids a request, one request at a time.
 * Network errors, 5xx, 408 and 429 are retried with the client's backoff (Retry-After honoured);
 * a refused ack leaves its commands to their lease. Never throws; problems become diagnostics.
 */
export class CommandAcks {
  readonly #context: AcksContext;
  /** Commands done with, waiting for their ack. */
  readonly #toAck = new Set<string>();
  #acking: Promise<void> | undefined;
  /** Commands in ack requests the api answered with 2xx. */
  #acknowledged = 0;

  constructor(context: AcksContext) {
    this.#context = context;
  }

  /** Commands done with whose ack has not gone through yet. */
  get waiting(): number {
    return this.#toAck.size;
  }

  get acknowledged(): number {
    return this.#acknowledged;
  }

  /** Whether acks may still go out: the token was not refused and stop() has not given up. */
  canSend(): boolean {
    return !this.#context.tokenRefused() && !this.#context.deadline.aborted;
  }

  /** Acknowledges `reprocessId` with the next request. */
  queue(reprocessId: string): void {
    this.#toAck.add(reprocessId);
    void this.kick();
  }

  /** Starts the sender unless it runs; resolves when it has nothing more to send (or may send no more). */
  kick(): Promise<void> {
    this.#acking ??= this.#pump().finally(() => {
      this.#acking = undefined;
      if (this.#toAck.size > 0 && this.canSend()) {
        void this.kick(); // queued after the pump's last look
      }
    });
    return this.#acking;
  }

  /** The one ack sender: up to COMMANDS_MAX_CLAIM ids per request, one request at a time, retried with backoff. Never rejects. */
  async #pump(): Promise<void> {
    await Promise.resolve(); // gather what settles together into one request
    let failures = 0;
    try {
      while (this.#toAck.size > 0 && this.canSend()) {
        const ids = [...this.#toAck].slice(0, COMMANDS_MAX_CLAIM);
        const outcome = await postCommands(COMMANDS_ACK_PATH, { reprocessIds: ids }, this.#context.request, this.#context.deadline);
        if (outcome.kind === 'retryable') {
          failures += 1;
          await this.#retry(failures, outcome, ids.length);
          continue;
        }
        failures = 0;
        this.#afterAck(outcome, ids);
      }
    } catch (error) {
      this.#context.diagnose(internalError(error, 'puller'));
    }
  }

  #afterAck(outcome: Exclude<CommandsOutcome, { kind: 'retryable' }>, ids: readonly string[]): void {
    switch (outcome.kind) {
      case 'ok':
        ids.forEach((id) => this.#toAck.delete(id));
        this.#acknowledged += ids.length;
        return;
      case 'unauthorized':
        this.#context.unauthorized('ack', outcome.detail);
        return;
      case 'forbidden':
      case 'rejected': {
        ids.forEach((id) => this.#toAck.delete(id));
        const status = outcome.kind === 'forbidden' ? 403 : outcome.status;
        this.#context.diagnose(
          reprocessRefusal(outcome.kind, status, {
            level: 'error',
            message: `the api refused to acknowledge ${ids.length} reprocess commands with ${status}${outcome.detail === undefined ? '' : ` (${outcome.detail})`}; they will be offered again after their lease.`,
            request: 'ack',
            commands: ids.length,
            ...(outcome.detail === undefined ? {} : { detail: outcome.detail }),
          }),
        );
        return;
      }
    }
  }

  async #retry(failures: number, outcome: Extract<CommandsOutcome, { kind: 'retryable' }>, commands: number): Promise<void> {
    const { options, deadline, diagnose } = this.#context;
    if (deadline.aborted) {
      return; // stop() gave up: the loop ends, stop() reports what is left
    }
    const delayMs = retryDelay(failures, outcome.retryAfterMs, options.retry, options.random);
    diagnose(reprocessRetryScheduled('ack', `acknowledging ${commands} reprocess commands`, failures, delayMs, outcome));
    await options.sleep(delayMs, deadline);
  }
}
