import { reprocessCommandV1, type ReprocessCommandV1 } from '@roundhouse/contracts';
import type { CommandAcks } from './command-acks.js';
import type { DiagnosticHandler } from './diagnostics.js';
import { isRecord } from './ingest-transport.js';
import type { ReprocessHandler } from './reprocess-options.js';
import { describeError } from './run.js';

/** What the handlers need of their puller. */
export interface HandlersContext {
  handler: ReprocessHandler;
  diagnose: DiagnosticHandler;
  /** Where a command goes once the puller is done with it. */
  acks: CommandAcks;
  /** Called when a handler settles: a slot is free. */
  slotFreed: () => void;
}

/**
 * Hands each claimed command that passes the contract to the program's handler, one handler per
 * reprocessId at a time, and queues its ack once the handler settled (resolved or threw). A command
 * that fails the contract is never handed over; it is acknowledged when its reprocessId is readable.
 */
export class CommandHandlers {
  readonly #context: HandlersContext;
  /** Running handlers by reprocessId. */
  readonly #running = new Map<string, Promise<void>>();
  readonly #counters = { received: 0, handled: 0, failed: 0, invalid: 0 };

  constructor(context: HandlersContext) {
    this.#context = context;
  }

  /** Handlers running now. */
  get running(): number {
    return this.#running.size;
  }

  /** Commands received (valid or not), handlers that resolved, handlers that threw, commands the contract refused. */
  counts(): { received: number; handled: number; failed: number; invalid: number } {
    return { ...this.#counters };
  }

  /** Resolves when the handlers running now have settled. */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.#running.values()]);
  }

  /** Takes one command of a claim's answer, as it came. */
  accept(raw: unknown): void {
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
    this.#context.diagnose({
      code: 'reprocess_command_invalid',
      level: 'warn',
      message: `a reprocess command${automation === undefined ? '' : ` of ${automation}`} does not match the contract and was not handled${reprocessId === undefined ? ' (it has no readable reprocessId, so it could not be acknowledged)' : '; it was acknowledged'}: ${issues}`,
      acknowledged: reprocessId !== undefined,
      issues,
      ...(reprocessId === undefined ? {} : { reprocessId }),
      ...(automation === undefined ? {} : { automation }),
    });
    if (reprocessId !== undefined) {
      this.#context.acks.queue(reprocessId);
    }
  }

  async #handle(command: ReprocessCommandV1): Promise<void> {
    await Promise.resolve(); // leave the claim loop's stack (and let accept() record this handler) first
    const { handler } = this.#context; // called as a plain function, as the program passed it
    try {
      await handler(command);
      this.#counters.handled += 1;
    } catch (error) {
      this.#counters.failed += 1;
      const { errorClass, errorMessage } = describeError(error);
      const text = `${errorClass}: ${errorMessage}`;
      this.#context.diagnose({
        code: 'reprocess_handler_failed',
        level: 'warn',
        message: `the reprocess handler threw for ${command.reprocessId} of ${command.automation} (${text}); the command was acknowledged all the same — report the failed run from the handler.`,
        reprocessId: command.reprocessId,
        automation: command.automation,
        error: text,
      });
    } finally {
      this.#running.delete(command.reprocessId);
      this.#context.acks.queue(command.reprocessId);
      this.#context.slotFreed();
    }
  }
}

/** The reprocessId of a command that failed the contract, when it is one the ack request takes (a UUID). */
function readableReprocessId(raw: unknown): string | undefined {
  if (!isRecord(raw)) {
    return undefined;
  }
  const parsed = reprocessCommandV1.shape.reprocessId.safeParse(raw['reprocessId']);
  return parsed.success ? parsed.data : undefined;
}
