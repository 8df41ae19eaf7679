import { COMMANDS_CLAIM_PATH, COMMANDS_MAX_CLAIM } from '@roundhouse/contracts';
import { retryDelay } from './backoff.js';
import type { ResolvedClientOptions } from './client-options.js';
import type { CommandHandlers } from './command-handlers.js';
import { postCommands, type CommandsOutcome, type CommandsRequest } from './commands-transport.js';
import { detailOf, internalError, reprocessRefusal, reprocessRetryScheduled, type DiagnosticHandler, type ReprocessRequestKind } from './diagnostics.js';
import { isRecord } from './ingest-transport.js';
import type { ResolvedReprocessOptions } from './reprocess-options.js';

/** What the claim loop needs of its puller. */
export interface ClaimsContext {
  options: ResolvedClientOptions;
  reprocess: ResolvedReprocessOptions;
  request: CommandsRequest;
  diagnose: DiagnosticHandler;
  /** Who takes the commands claimed, and how many of them run now. */
  handlers: CommandHandlers;
  /** A 401 on a claim: the token will not come back. */
  unauthorized: (request: ReprocessRequestKind, detail: string | undefined) => void;
  /** Ends claiming for good (after a bug in the loop). */
  halt: () => void;
}

/** Claim again at once (0), or after this many ms. */
type NextClaim = number;

/**
 * The claim loop (`POST /ingest/v1/commands/claim`): claims never more commands than there are free
 * handler slots; after a claim that filled them, claims again as soon as a slot is free, otherwise
 * after `pollIntervalMs`. Retries network errors, 5xx, 408 and 429 with the client's backoff; keeps
 * claiming slowly through a 403 or another refusal (a setting that can be fixed while the runtime
 * runs), diagnosed once per episode; a 401 ends it for good. Never throws.
 */
export class CommandClaims {
  readonly #context: ClaimsContext;
  /** Aborted by end(): the claim in flight and any wait between claims end at once. */
  readonly #claims = new AbortController();
  /** Claim requests the api answered with a claim response. */
  #answered = 0;
  /** Consecutive retryable claim failures. */
  #failures = 0;
  /** A claim problem diagnosed once per episode, until a claim works again. */
  #trouble: 'forbidden' | 'rejected' | undefined;
  /** Wakes the loop waiting for a free slot. */
  #wake: (() => void) | undefined;

  constructor(context: ClaimsContext) {
    this.#context = context;
  }

  /** Whether it claims: false once end() was called. */
  get active(): boolean {
    return !this.#claims.signal.aborted;
  }

  get answered(): number {
    return this.#answered;
  }

  /** Stops claiming at once: a claim in flight is abandoned (what it leased is offered again after the lease). */
  end(): void {
    this.#claims.abort();
  }

  /** A handler settled: a waiting loop claims again. */
  slotFreed(): void {
    this.#wake?.();
  }

  /** Claims until end(); resolves then. Never rejects. */
  async run(): Promise<void> {
    const { options, reprocess, request, handlers } = this.#context;
    try {
      while (this.active) {
        const free = reprocess.concurrency - handlers.running;
        if (free <= 0) {
          await this.#nextSlot();
          continue;
        }
        const max = Math.min(free, COMMANDS_MAX_CLAIM);
        const body = reprocess.automations === undefined ? { max } : { max, automations: reprocess.automations };
        const outcome = await postCommands(COMMANDS_CLAIM_PATH, body, request, this.#claims.signal);
        if (!this.active) {
          break; // ended meanwhile: the claim was abandoned
        }
        const next = this.#afterClaim(outcome, max);
        if (next > 0 && this.active) {
          await options.sleep(next, this.#claims.signal);
        }
      }
    } catch (error) {
      this.#context.diagnose(internalError(error, 'puller'));
      this.#context.halt();
    }
  }

  /** Takes a claim's answer; when to claim again. */
  #afterClaim(outcome: CommandsOutcome, max: number): NextClaim {
    switch (outcome.kind) {
      case 'ok': {
        const commands = isRecord(outcome.body) && Array.isArray(outcome.body['commands']) ? (outcome.body['commands'] as unknown[]) : undefined;
        if (commands === undefined) {
          return this.#refused('rejected', outcome.status, `a body that is not a claim response${outcome.detail === undefined ? '' : `: ${outcome.detail}`}`);
        }
        this.#worked();
        for (const command of commands) {
          this.#context.handlers.accept(command);
        }
        // A full batch: more are probably waiting, so claim again as soon as a slot is free.
        return commands.length >= max ? 0 : this.#context.reprocess.pollIntervalMs;
      }
      case 'retryable':
        return this.#retry(outcome);
      case 'unauthorized':
        this.#context.unauthorized('claim', outcome.detail);
        return 0;
      case 'forbidden':
        return this.#refused('forbidden', 403, outcome.detail);
      case 'rejected':
        return this.#refused('rejected', outcome.status, outcome.detail);
    }
  }

  #worked(): void {
    this.#answered += 1;
    this.#failures = 0;
    if (this.#trouble !== undefined) {
      this.#trouble = undefined;
      this.#context.diagnose({ code: 'reprocess_resumed', level: 'info', message: 'claiming reprocess commands works again.' });
    }
  }

  #retry(outcome: Extract<CommandsOutcome, { kind: 'retryable' }>): NextClaim {
    const { options, diagnose } = this.#context;
    this.#failures += 1;
    const delayMs = retryDelay(this.#failures, outcome.retryAfterMs, options.retry, options.random);
    diagnose(reprocessRetryScheduled('claim', 'claiming reprocess commands', this.#failures, delayMs, outcome));
    return Math.max(1, delayMs);
  }

  /**
   * 403 and other refusals are settings to fix (a token without the `commands` capability, an
   * automation it does not cover, a url that does not serve the protocol) — fixable without a
   * restart of the runtime, so claims go on slowly (every `retry.maxDelayMs`, at least the poll
   * interval), diagnosed once per episode.
   */
  #refused(kind: 'forbidden' | 'rejected', status: number, detail: string | undefined): NextClaim {
    const retryInMs = Math.max(this.#context.reprocess.pollIntervalMs, this.#context.options.retry.maxDelayMs, 1);
    if (this.#trouble !== kind) {
      this.#trouble = kind;
      const why =
        kind === 'forbidden'
          ? 'the token lacks the commands capability, or does not cover an automation asked for (403)'
          : `the api refused the claim with ${status}, which a retry cannot fix`;
      this.#context.diagnose(
        reprocessRefusal(kind, status, {
          level: 'error',
          message: `claiming reprocess commands failed: ${why}${detail === undefined ? '' : ` (${detail})`}; trying again every ${retryInMs} ms.`,
          request: 'claim',
          retryInMs,
          ...detailOf(detail),
        }),
      );
    }
    return retryInMs;
  }

  /** Resolves when a handler settles (a slot is free) or end() is called. */
  #nextSlot(): Promise<void> {
    return new Promise((resolve) => {
      if (this.#claims.signal.aborted) {
        resolve();
        return;
      }
      const done = (): void => {
        this.#claims.signal.removeEventListener('abort', done);
        this.#wake = undefined;
        resolve();
      };
      this.#wake = done;
      this.#claims.signal.addEventListener('abort', done, { once: true });
    });
  }
}
