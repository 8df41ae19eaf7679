import type { ResolvedClientOptions } from './client-options.js';
import { CommandAcks } from './command-acks.js';
import { CommandClaims } from './command-claims.js';
import { CommandHandlers } from './command-handlers.js';
import { commandsRequest } from './commands-transport.js';
import { detailOf, guardedDiagnostics, type DiagnosticHandler, type ReprocessRequestKind } from './diagnostics.js';
import { resolveReprocessOptions, type ReprocessHandler, type ReprocessOptions } from './reprocess-options.js';

/** Counters since the puller started (`running` and `awaitingAck` are gauges). */
export interface ReprocessStats {
  /** Claim requests the api answered with a claim response. */
  claims: number;
  /** Commands received in those answers (valid or not, offers again included). */
  received: number;
  /** Handlers that resolved. */
  handled: number;
  /** Handlers that threw or rejected (their commands were acknowledged all the same). */
  failed: number;
  /** Commands the contract refused: never handed to the handler. */
  invalid: number;
  /** Commands in ack requests the api answered with 2xx. */
  acknowledged: number;
  /** Handlers running now. */
  running: number;
  /** Commands done with (handled, failed or invalid) whose ack has not gone through yet. */
  awaitingAck: number;
}

/** The puller's view of the client: where to send, how to wait, where diagnostics go. */
export interface PullerContext {
  options: ResolvedClientOptions;
  diagnose: DiagnosticHandler;
}

// Its parts: CommandClaims (the claim loop), CommandHandlers (the handlers running), CommandAcks (the ack sender); the puller starts and stops them.
/**
 * Pulls reprocess commands for one client (see `RoundhouseClient.onReprocess`). Claims commands
 * (`POST /ingest/v1/commands/claim`), hands each valid one to the handler with at most
 * `concurrency` running at once, and acknowledges it (`POST /ingest/v1/commands/ack`) once its
 * handler settled. Once started it never throws; problems become diagnostics.
 */
export class ReprocessPuller {
  readonly #options: ResolvedClientOptions;
  readonly #diagnose: DiagnosticHandler;
  readonly #claims: CommandClaims;
  readonly #handlers: CommandHandlers;
  readonly #acks: CommandAcks;
  /** Aborted when stop() gives up waiting: acks in flight and their backoff end. */
  readonly #deadline = new AbortController();
  /** The api refused the token (401): nothing more is sent. */
  #tokenRefused = false;
  #loop: Promise<void> = Promise.resolve();
  #stopping: Promise<void> | undefined;
  /** Like a queue consumer, a running puller keeps the process alive; stop() or a 401 lets it go. */
  #keepAlive: NodeJS.Timeout | undefined;

  /** @internal Pullers come from `RoundhouseClient.onReprocess()`. */
  constructor(handler: ReprocessHandler, options: ReprocessOptions, context: PullerContext) {
    const reprocess = resolveReprocessOptions(handler, options);
    this.#options = context.options;
    // the program's handler may throw; pulling goes on regardless
    const diagnose = guardedDiagnostics(context.diagnose);
    this.#diagnose = diagnose;
    const request = commandsRequest(context.options);
    const unauthorized = (kind: ReprocessRequestKind, detail: string | undefined): void => this.#unauthorized(kind, detail);
    this.#acks = new CommandAcks({ options: context.options, request, diagnose, deadline: this.#deadline.signal, tokenRefused: () => this.#tokenRefused, unauthorized });
    this.#handlers = new CommandHandlers({ handler, diagnose, acks: this.#acks, slotFreed: () => this.#claims.slotFreed() });
    this.#claims = new CommandClaims({ options: context.options, reprocess, request, diagnose, handlers: this.#handlers, unauthorized, halt: () => this.#halt() });
  }

  /** @internal Starts claiming; the client calls it once. */
  start(): void {
    if (this.#keepAlive !== undefined || !this.#claims.active) {
      return;
    }
    this.#keepAlive = setInterval(() => undefined, 2 ** 30);
    this.#loop = this.#claims.run();
  }

  /** Whether it is claiming commands: false after stop(), or after the api refused the token (401). */
  get claiming(): boolean {
    return this.#claims.active;
  }

  stats(): ReprocessStats {
    const { received, handled, failed, invalid } = this.#handlers.counts();
    return {
      claims: this.#claims.answered,
      received,
      handled,
      failed,
      invalid,
      acknowledged: this.#acks.acknowledged,
      running: this.#handlers.running,
      awaitingAck: this.#acks.waiting,
    };
  }

  /**
   * Stops claiming at once (a claim in flight is abandoned: what it leased is offered again after
   * the lease), waits for the running handlers and sends their acks — at most the client's
   * `shutdownTimeoutMs` in all; what is left then is reported (`reprocess_stop_incomplete`) and
   * offered again after its lease. Idempotent; never rejects. `client.shutdown()` calls it.
   */
  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  /** 401: the token will not come back to life. Claims stop for good; handlers still running finish. */
  #unauthorized(request: ReprocessRequestKind, detail: string | undefined): void {
    if (this.#tokenRefused) {
      return;
    }
    this.#tokenRefused = true;
    this.#diagnose({
      code: 'reprocess_unauthorized',
      level: 'error',
      message: `the api refused the runtime token (401: missing, unknown, expired or revoked) on a ${request}; the SDK stopped pulling reprocess commands. Check the token the runtime was given.`,
      request,
      status: 401,
      ...detailOf(detail),
    });
    this.#halt();
  }

  /** Claims end (stop() still waits for the handlers running). */
  #halt(): void {
    this.#claims.end();
    clearInterval(this.#keepAlive);
  }

  async #stop(): Promise<void> {
    this.#claims.end();
    // A referenced timer: it keeps the process alive while handlers finish, and ends the wait.
    const deadline = setTimeout(() => this.#deadline.abort(), this.#options.shutdownTimeoutMs);
    const givenUp = new Promise<void>((resolve) => this.#deadline.signal.addEventListener('abort', () => resolve(), { once: true }));
    try {
      await this.#loop;
      while (this.#handlers.running > 0 && !this.#deadline.signal.aborted) {
        await Promise.race([this.#handlers.settled(), givenUp]);
      }
      while (this.#acks.waiting > 0 && this.#acks.canSend()) {
        await Promise.race([this.#acks.kick(), givenUp]);
      }
    } finally {
      clearTimeout(deadline);
      clearInterval(this.#keepAlive);
      this.#deadline.abort(); // nothing more goes out: acks of handlers that settle later are left to the lease
    }
    const running = this.#handlers.running;
    const unacknowledged = this.#acks.waiting;
    if (running > 0 || unacknowledged > 0) {
      this.#diagnose({
        code: 'reprocess_stop_incomplete',
        level: 'error',
        message: `stopped pulling reprocess commands with ${running} handlers still running and ${unacknowledged} commands unacknowledged (shutdownTimeoutMs passed, or the api could not be reached); they will be offered again after their lease.`,
        running,
        unacknowledged,
      });
    }
  }
}
