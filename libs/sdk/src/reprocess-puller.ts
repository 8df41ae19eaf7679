import { COMMANDS_ACK_PATH, COMMANDS_CLAIM_PATH, COMMANDS_MAX_CLAIM, reprocessCommandV1, type ReprocessCommandV1 } from '@roundhouse/contracts';
import { backoffDelay } from './backoff.js';
import { RoundhouseConfigError, integerOption, type ResolvedClientOptions } from './client-options.js';
import { postCommands, type CommandsOutcome, type CommandsRequest } from './commands-transport.js';
import type { DiagnosticHandler, ReprocessRequestKind, RoundhouseDiagnostic } from './diagnostics.js';
import { isRecord } from './ingest-transport.js';
import { describeError } from './run.js';

/**
 * Handles one reprocess command: runs the automation again with `command.payload` under a run
 * started with `reprocessRunOptions(command)`, and reports that run (success, or failure with
 * `reprocessDeadLetter(command)`). May return a promise; the command is acknowledged once it
 * settles, whether it resolved or rejected.
 */
export type ReprocessHandler = (command: ReprocessCommandV1) => unknown;

/** What `onReprocess(handler, options)` takes besides the handler. */
export interface ReprocessOptions {
  /** Claim commands of these automations only (slugs, at most 100). Default: every automation the token covers. */
  automations?: readonly string[];
  /** Most handlers running at once; the puller never claims more commands than it has free slots for. 1 to 100. Default 4. */
  concurrency?: number;
  /** Wait this long before claiming again after a claim that did not fill the free slots, in ms. Default 2000. */
  pollIntervalMs?: number;
}

export const REPROCESS_DEFAULTS = { concurrency: 4, pollIntervalMs: 2_000 } as const;

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

/** running: claiming; halted: claims ended by a 401 or a bug (handlers finish, acks still go out unless 401); stopping/stopped: stop(). */
type PullerState = 'running' | 'halted' | 'stopping' | 'stopped';

/** Claim again at once (0), or after this many ms. */
type NextClaim = number;

/**
 * Pulls reprocess commands for one client (see `RoundhouseClient.onReprocess`). Claims commands
 * (`POST /ingest/v1/commands/claim`), hands each valid one to the handler with at most
 * `concurrency` running at once, and acknowledges it (`POST /ingest/v1/commands/ack`) once its
 * handler settled. Once started it never throws; problems become diagnostics.
 */
export class ReprocessPuller {
  readonly #handler: ReprocessHandler;
  readonly #context: PullerContext;
  readonly #request: CommandsRequest;
  readonly #automations: string[] | undefined;
  readonly #concurrency: number;
  readonly #pollIntervalMs: number;
  /** Running handlers by reprocessId. */
  readonly #running = new Map<string, Promise<void>>();
  /** Commands done with, waiting for their ack. */
  readonly #toAck = new Set<string>();
  /** Aborted by stop(): the claim in flight and any wait between claims end at once. */
  readonly #claims = new AbortController();
  /** Aborted when stop() gives up waiting: acks in flight and their backoff end. */
  readonly #deadline = new AbortController();
  readonly #counters = { claims: 0, received: 0, handled: 0, failed: 0, invalid: 0, acknowledged: 0 };
  #state: PullerState = 'running';
  /** The api refused the token (401): nothing more is sent. */
  #tokenRefused = false;
  #loop: Promise<void> = Promise.resolve();
  #acking: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  /** Wakes the claim loop waiting for a free slot. */
  #wake: (() => void) | undefined;
  /** Consecutive retryable claim failures. */
  #claimFailures = 0;
  /** A claim problem diagnosed once per episode, until a claim works again. */
  #trouble: 'forbidden' | 'rejected' | undefined;
  /** Like a queue consumer, a running puller keeps the process alive; stop() or a 401 lets it go. */
  #keepAlive: NodeJS.Timeout | undefined;

  /** @internal Pullers come from `RoundhouseClient.onReprocess()`. */
  constructor(handler: ReprocessHandler, options: ReprocessOptions, context: PullerContext) {
    if (typeof handler !== 'function') {
      throw new RoundhouseConfigError('handler', 'must be a function that handles one reprocess command.', 'onReprocess()');
    }
    this.#handler = handler;
    this.#context = context;
    this.#automations = checkAutomations(options.automations);
    this.#concurrency = integerOption('concurrency', options.concurrency ?? REPROCESS_DEFAULTS.concurrency, 1, COMMANDS_MAX_CLAIM, 'onReprocess()');
    this.#pollIntervalMs = integerOption('pollIntervalMs', options.pollIntervalMs ?? REPROCESS_DEFAULTS.pollIntervalMs, 1, 3_600_000, 'onReprocess()');
    const { token, fetch, requestTimeoutMs, clock } = context.options;
    this.#request = { token, fetch, timeoutMs: requestTimeoutMs, now: clock };
  }

  /** @internal Starts claiming; the client calls it once. */
  start(): void {
    if (this.#keepAlive !== undefined || this.#state !== 'running') {
      return;
    }
    this.#keepAlive = setInterval(() => undefined, 2 ** 30);
    this.#loop = this.#claimLoop();
  }

  /** Whether it is claiming commands: false after stop(), or after the api refused the token (401). */
  get claiming(): boolean {
    return this.#state === 'running';
  }

  stats(): ReprocessStats {
    return { ...this.#counters, running: this.#running.size, awaitingAck: this.#toAck.size };
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

  // ---- claiming ---------------------------------------------------------------------------

  async #claimLoop(): Promise<void> {
    try {
      while (this.#state === 'running') {
        const free = this.#concurrency - this.#running.size;
        if (free <= 0) {
          await this.#slotFreed();
          continue;
        }
        const max = Math.min(free, COMMANDS_MAX_CLAIM);
        const outcome = await postCommands(this.#url(COMMANDS_CLAIM_PATH), this.#claimBody(max), this.#request, this.#claims.signal);
        if (this.#state !== 'running') {
          break; // stopped meanwhile: the claim was abandoned
        }
        const next = this.#afterClaim(outcome, max);
        if (next > 0 && this.#state === 'running') {
          await this.#context.options.sleep(next, this.#claims.signal);
        }
      }
    } catch (error) {
      this.#internalError(error);
      this.#halt();
    }
  }

  #claimBody(max: number): { max: number; automations?: string[] } {
    return this.#automations === undefined ? { max } : { max, automations: this.#automations };
  }

  /** Takes a claim's answer; when to claim again. */
  #afterClaim(outcome: CommandsOutcome, max: number): NextClaim {
    switch (outcome.kind) {
      case 'ok': {
        const commands = isRecord(outcome.body) && Array.isArray(outcome.body['commands']) ? (outcome.body['commands'] as unknown[]) : undefined;
        if (commands === undefined) {
          return this.#claimTrouble('rejected', outcome.status, `a body that is not a claim response${outcome.detail === undefined ? '' : `: ${outcome.detail}`}`);
        }
        this.#claimWorked();
        for (const command of commands) {
          this.#accept(command);
        }
        // A full batch: more are probably waiting, so claim again as soon as a slot is free.
        return commands.length >= max ? 0 : this.#pollIntervalMs;
      }
      case 'retryable':
        return this.#claimRetry(outcome);
      case 'unauthorized':
        this.#unauthorized('claim', outcome.detail);
        return 0;
      case 'forbidden':
        return this.#claimTrouble('forbidden', 403, outcome.detail);
      case 'rejected':
        return this.#claimTrouble('rejected', outcome.status, outcome.detail);
    }
  }

  #claimWorked(): void {
    this.#counters.claims += 1;
    this.#claimFailures = 0;
    if (this.#trouble !== undefined) {
      this.#trouble = undefined;
      this.#diagnose({ code: 'reprocess_resumed', level: 'info', message: 'claiming reprocess commands works again.' });
    }
  }

  #claimRetry(outcome: Extract<CommandsOutcome, { kind: 'retryable' }>): NextClaim {
    this.#claimFailures += 1;
    const delayMs = this.#retryDelay(this.#claimFailures, outcome.retryAfterMs);
    this.#diagnose({
      code: 'reprocess_retry_scheduled',
      level: 'info',
      message: `claiming reprocess commands failed (${outcome.error}); trying again in ${delayMs} ms.`,
      request: 'claim',
      attempt: this.#claimFailures + 1,
      delayMs,
      error: outcome.error,
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
    });
    return Math.max(1, delayMs);
  }

  /**
   * 403 and other refusals are settings to fix (a token without the `commands` capability, an
   * automation it does not cover, a url that does not serve the protocol) — fixable without a
   * restart of the runtime, so claims go on slowly (every `retry.maxDelayMs`, at least the poll
   * interval), diagnosed once per episode.
   */
  #claimTrouble(kind: 'forbidden' | 'rejected', status: number, detail: string | undefined): NextClaim {
    const retryInMs = Math.max(this.#pollIntervalMs, this.#context.options.retry.maxDelayMs, 1);
    if (this.#trouble !== kind) {
      this.#trouble = kind;
      const why =
        kind === 'forbidden'
          ? 'the token lacks the commands capability, or does not cover an automation asked for (403)'
          : `the api refused the claim with ${status}, which a retry cannot fix`;
      this.#diagnose(
        refusal(kind, status, {
          level: 'error',
          message: `claiming reprocess commands failed: ${why}${detail === undefined ? '' : ` (${detail})`}; trying again every ${retryInMs} ms.`,
          request: 'claim',
          retryInMs,
          ...(detail === undefined ? {} : { detail }),
        }),
      );
    }
    return retryInMs;
  }

  #retryDelay(attempt: number, retryAfterMs: number | undefined): number {
    const { retry, random } = this.#context.options;
    return retryAfterMs === undefined ? backoffDelay(attempt, retry, random) : Math.min(retryAfterMs, retry.maxDelayMs);
  }

  /** Resolves when a handler settles (a slot is free) or stop() is called. */
  #slotFreed(): Promise<void> {
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

  // ---- handling ---------------------------------------------------------------------------

  #accept(raw: unknown): void {
    this.#counters.received += 1;
    const parsed = reprocessCommandV1.safeParse(raw);
    if (!parsed.success) {
      this.#refuseInvalid(raw, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(command)'}: ${issue.message}`).join('; '));
      return;
    }
    const command = parsed.data;
    if (this.#running.has(command.reprocessId)) {
      return; // offered again while its handler still runs here (its lease ran out): that handler's ack covers both
    }
    this.#running.set(command.reprocessId, this.#handle(command));
  }

  /** Never handed to the handler; acknowledged when it has a readable reprocessId, so it is not offered again and again. */
  #refuseInvalid(raw: unknown, issues: string): void {
    this.#counters.invalid += 1;
    const reprocessId = readableReprocessId(raw);
    const automation = isRecord(raw) && typeof raw['automation'] === 'string' ? raw['automation'] : undefined;
    this.#diagnose({
      code: 'reprocess_command_invalid',
      level: 'warn',
      message: `a reprocess command${automation === undefined ? '' : ` of ${automation}`} does not match the contract and was not handled${reprocessId === undefined ? ' (it has no readable reprocessId, so it could not be acknowledged)' : '; it was acknowledged'}: ${issues}`,
      acknowledged: reprocessId !== undefined,
      issues,
      ...(reprocessId === undefined ? {} : { reprocessId }),
      ...(automation === undefined ? {} : { automation }),
    });
    if (reprocessId !== undefined) {
      this.#queueAck(reprocessId);
    }
  }

  async #handle(command: ReprocessCommandV1): Promise<void> {
    await Promise.resolve(); // leave the claim loop's stack (and let #accept record this handler) first
    try {
      await this.#handler(command);
      this.#counters.handled += 1;
    } catch (error) {
      this.#counters.failed += 1;
      const { errorClass, errorMessage } = describeError(error);
      const text = `${errorClass}: ${errorMessage}`;
      this.#diagnose({
        code: 'reprocess_handler_failed',
        level: 'warn',
        message: `the reprocess handler threw for ${command.reprocessId} of ${command.automation} (${text}); the command was acknowledged all the same — report the failed run from the handler.`,
        reprocessId: command.reprocessId,
        automation: command.automation,
        error: text,
      });
    } finally {
      this.#running.delete(command.reprocessId);
      this.#queueAck(command.reprocessId);
      this.#wake?.();
    }
  }

  // ---- acknowledging ----------------------------------------------------------------------

  #queueAck(reprocessId: string): void {
    this.#toAck.add(reprocessId);
    void this.#kickAcks();
  }

  #canAck(): boolean {
    return !this.#tokenRefused && !this.#deadline.signal.aborted;
  }

  #kickAcks(): Promise<void> {
    this.#acking ??= this.#pumpAcks().finally(() => {
      this.#acking = undefined;
      if (this.#toAck.size > 0 && this.#canAck()) {
        void this.#kickAcks(); // queued after the pump's last look
      }
    });
    return this.#acking;
  }

  /** The one ack sender: up to COMMANDS_MAX_CLAIM ids per request, one request at a time, retried with backoff. Never rejects. */
  async #pumpAcks(): Promise<void> {
    await Promise.resolve(); // gather what settles together into one request
    let failures = 0;
    try {
      while (this.#toAck.size > 0 && this.#canAck()) {
        const ids = [...this.#toAck].slice(0, COMMANDS_MAX_CLAIM);
        const outcome = await postCommands(this.#url(COMMANDS_ACK_PATH), { reprocessIds: ids }, this.#request, this.#deadline.signal);
        if (outcome.kind === 'retryable') {
          failures += 1;
          await this.#ackRetry(failures, outcome, ids.length);
          continue;
        }
        failures = 0;
        this.#afterAck(outcome, ids);
      }
    } catch (error) {
      this.#internalError(error);
    }
  }

  #afterAck(outcome: Exclude<CommandsOutcome, { kind: 'retryable' }>, ids: readonly string[]): void {
    switch (outcome.kind) {
      case 'ok':
        ids.forEach((id) => this.#toAck.delete(id));
        this.#counters.acknowledged += ids.length;
        return;
      case 'unauthorized':
        this.#unauthorized('ack', outcome.detail);
        return;
      case 'forbidden':
      case 'rejected': {
        ids.forEach((id) => this.#toAck.delete(id));
        const status = outcome.kind === 'forbidden' ? 403 : outcome.status;
        this.#diagnose(
          refusal(outcome.kind, status, {
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

  async #ackRetry(failures: number, outcome: Extract<CommandsOutcome, { kind: 'retryable' }>, commands: number): Promise<void> {
    if (this.#deadline.signal.aborted) {
      return; // stop() gave up: the loop ends, stop() reports what is left
    }
    const delayMs = this.#retryDelay(failures, outcome.retryAfterMs);
    this.#diagnose({
      code: 'reprocess_retry_scheduled',
      level: 'info',
      message: `acknowledging ${commands} reprocess commands failed (${outcome.error}); trying again in ${delayMs} ms.`,
      request: 'ack',
      attempt: failures + 1,
      delayMs,
      error: outcome.error,
      ...(outcome.status === undefined ? {} : { status: outcome.status }),
    });
    await this.#context.options.sleep(delayMs, this.#deadline.signal);
  }

  // ---- stopping ---------------------------------------------------------------------------

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
      ...(detail === undefined ? {} : { detail }),
    });
    this.#halt();
  }

  /** Claims end (stop() still waits for the handlers running). */
  #halt(): void {
    if (this.#state === 'running') {
      this.#state = 'halted';
    }
    this.#claims.abort();
    clearInterval(this.#keepAlive);
  }

  async #stop(): Promise<void> {
    if (this.#state === 'running') {
      this.#state = 'stopping';
    }
    this.#claims.abort();
    // A referenced timer: it keeps the process alive while handlers finish, and ends the wait.
    const deadline = setTimeout(() => this.#deadline.abort(), this.#context.options.shutdownTimeoutMs);
    const givenUp = new Promise<void>((resolve) => this.#deadline.signal.addEventListener('abort', () => resolve(), { once: true }));
    try {
      await this.#loop;
      while (this.#running.size > 0 && !this.#deadline.signal.aborted) {
        await Promise.race([Promise.allSettled([...this.#running.values()]), givenUp]);
      }
      while (this.#toAck.size > 0 && this.#canAck()) {
        await Promise.race([this.#kickAcks(), givenUp]);
      }
    } finally {
      clearTimeout(deadline);
      clearInterval(this.#keepAlive);
      this.#deadline.abort(); // nothing more goes out: acks of handlers that settle later are left to the lease
      this.#state = 'stopped';
    }
    const running = this.#running.size;
    const unacknowledged = this.#toAck.size;
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

  // ---- helpers ----------------------------------------------------------------------------

  #url(path: string): string {
    return `${this.#context.options.apiUrl}${path}`;
  }

  #internalError(error: unknown): void {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.#diagnose({ code: 'internal_error', level: 'error', message: `the Roundhouse SDK's reprocess puller hit a bug: ${text}`, error: text });
  }

  #diagnose(diagnostic: RoundhouseDiagnostic): void {
    try {
      this.#context.diagnose(diagnostic);
    } catch {
      // the program's handler failed; pulling goes on regardless
    }
  }
}

type RefusalFields = Omit<Extract<RoundhouseDiagnostic, { code: 'reprocess_rejected' }>, 'code' | 'status'>;

/** The diagnostic of a 403 (`reprocess_forbidden`) or another refusal (`reprocess_rejected`). */
function refusal(kind: 'forbidden' | 'rejected', status: number, fields: RefusalFields): RoundhouseDiagnostic {
  return kind === 'forbidden' ? { code: 'reprocess_forbidden', status: 403, ...fields } : { code: 'reprocess_rejected', status, ...fields };
}

function checkAutomations(automations: readonly string[] | undefined): string[] | undefined {
  if (automations === undefined) {
    return undefined;
  }
  if (!Array.isArray(automations) || automations.length === 0 || automations.length > COMMANDS_MAX_CLAIM || !automations.every((slug) => typeof slug === 'string' && slug !== '')) {
    throw new RoundhouseConfigError(
      'automations',
      `must be 1 to ${COMMANDS_MAX_CLAIM} automation slugs (leave it out for every automation the token covers); got ${JSON.stringify(automations)}.`,
      'onReprocess()',
    );
  }
  return Array.from(new Set<string>(automations));
}

/** The reprocessId of a command that failed the contract, when it is one the ack request takes (a UUID). */
function readableReprocessId(raw: unknown): string | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const parsed = reprocessCommandV1.shape.reprocessId.safeParse(raw['reprocessId']);
  return parsed.success ? parsed.data : undefined;
}
