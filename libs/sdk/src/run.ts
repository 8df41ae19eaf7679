import { randomUUID } from 'node:crypto';
import type { DeadLetterV1, RunFailedV1, RunFinishedV1, RunStartedV1 } from '@roundhouse/contracts';
import { deadLetterFields, type RunDeadLetter } from './dead-letter.js';
import type { DiagnosticHandler } from './diagnostics.js';

/** What becomes of a failed run: another attempt follows, it was given up, or given up and parked as a dead letter. */
export type RunFailureOutcome = RunFailedV1['outcome'];

export interface StartRunOptions {
  /** The business transaction this run belongs to (deal id, order id…), shared across automations. */
  correlationId?: string;
  /** The run's id, the same across its attempts. Default: a new UUID. */
  runId?: string;
  /** Which attempt of the run this is, from 1. Default 1. */
  attempt?: number;
  /**
   * Set when this run handles a reprocessed dead letter: the command's `reprocessId` (a UUID; a
   * broker carries it as the `x-roundhouse-reprocess-id` header). Every event of the run carries it,
   * and so does a dead letter reported with `run.fail(error, { deadLetter })` unless it names its
   * own. A success resolves the dead letter; a dead letter with the same messageId and source marks
   * it failed again. See `reprocessRunOptions(command)`.
   */
  reprocessId?: string;
}

export interface SucceedOptions {
  /** A person had to step in for this run. Default false. */
  manualTouch?: boolean;
}

interface FailOptionsBase {
  /** A person had to step in for this run. Default false. */
  manualTouch?: boolean;
}

/**
 * How a run failed. With `deadLetter`, the message the run gave up on is reported as a
 * `dead_letter` event beside `run_failed` (same runId, correlationId, error), and the outcome is
 * `dead_lettered` (its default then).
 */
export type FailOptions =
  | (FailOptionsBase & {
      /** Default `failed`, or `dead_lettered` with `deadLetter`. */
      outcome?: Exclude<RunFailureOutcome, 'dead_lettered'>;
      deadLetter?: undefined;
    })
  | (FailOptionsBase & {
      outcome?: 'dead_lettered';
      /** The message the run gave up on: reported as a `dead_letter` event with the run's ids and error. */
      deadLetter?: RunDeadLetter;
    });

/** Longest errorClass and errorMessage the contract takes. */
const MAX_ERROR_CLASS = 200;
const MAX_ERROR_MESSAGE = 4000;

/** Where a run's events go: the client's buffer. */
export interface RunSink {
  /** Queues the event `build` makes; never throws (a failing build becomes a diagnostic). */
  emit(build: () => RunStartedV1 | RunFinishedV1 | RunFailedV1 | DeadLetterV1): void;
  clock: () => Date;
  diagnose: DiagnosticHandler;
}

/**
 * One attempt of one run of an automation, from `startRun()` to `succeed()` or `fail()`. Ending a
 * run twice is ignored (with a `run_already_ended` diagnostic); nothing here throws.
 */
export class Run {
  readonly automation: string;
  readonly runId: string;
  readonly attempt: number;
  readonly correlationId: string | undefined;
  /** The reprocess this run handles, if it handles one. */
  readonly reprocessId: string | undefined;
  /** When this attempt started, by the client's clock. */
  readonly startedAt: Date;
  readonly #sink: RunSink;
  #ended = false;

  /** @internal Runs come from `RoundhouseClient.startRun()`. */
  constructor(sink: RunSink, automation: string, options: StartRunOptions) {
    this.#sink = sink;
    this.automation = automation;
    this.runId = options.runId ?? randomUUID();
    this.attempt = options.attempt ?? 1;
    this.correlationId = options.correlationId;
    this.reprocessId = options.reprocessId;
    this.startedAt = sink.clock();
    sink.emit(() => ({ type: 'run_started', ...this.#fields(this.startedAt) }));
  }

  /** Whether succeed() or fail() was called. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Reports `run_finished`, with the duration since start measured by the client's clock. */
  succeed(options: SucceedOptions = {}): void {
    if (!this.#end()) {
      return;
    }
    this.#sink.emit(() => {
      const now = this.#sink.clock();
      return { type: 'run_finished', ...this.#fields(now), durationMs: this.#durationMs(now), manualTouch: options.manualTouch ?? false };
    });
  }

  /**
   * Reports `run_failed` with the error's class and message (any thrown value is accepted). With
   * `deadLetter`, also reports the message as a `dead_letter` event of this run, right after.
   */
  fail(error: unknown, options: FailOptions = {}): void {
    if (!this.#end()) {
      return;
    }
    const { deadLetter } = options;
    let failedAt: Date | undefined;
    this.#sink.emit(() => {
      const now = this.#sink.clock();
      failedAt = now;
      return {
        type: 'run_failed',
        ...this.#fields(now),
        durationMs: this.#durationMs(now),
        manualTouch: options.manualTouch ?? false,
        ...describeError(error),
        outcome: options.outcome ?? (deadLetter === undefined ? 'failed' : 'dead_lettered'),
      };
    });
    if (deadLetter !== undefined) {
      this.#sink.emit(() => {
        const now = failedAt ?? this.#sink.clock();
        return {
          type: 'dead_letter',
          id: randomUUID(),
          automation: this.automation,
          occurredAt: now.toISOString(),
          ...deadLetterFields(
            {
              ...deadLetter,
              runId: this.runId,
              ...(this.correlationId === undefined ? {} : { correlationId: this.correlationId }),
              ...this.#reprocessOf(deadLetter),
            },
            describeError(error),
          ),
        };
      });
    }
  }

  /** The dead letter's own reprocessId, else the run's. */
  #reprocessOf(deadLetter: RunDeadLetter): { reprocessId?: string } {
    const reprocessId = deadLetter.reprocessId ?? this.reprocessId;
    return reprocessId === undefined ? {} : { reprocessId };
  }

  #end(): boolean {
    if (this.#ended) {
      this.#sink.diagnose({
        code: 'run_already_ended',
        level: 'warn',
        message: `run ${this.runId} of ${this.automation} already ended; the second succeed()/fail() was ignored.`,
        automation: this.automation,
        runId: this.runId,
      });
      return false;
    }
    this.#ended = true;
    return true;
  }

  #fields(occurredAt: Date) {
    return {
      id: randomUUID(),
      automation: this.automation,
      occurredAt: occurredAt.toISOString(),
      runId: this.runId,
      attempt: this.attempt,
      startedAt: this.startedAt.toISOString(),
      ...(this.correlationId === undefined ? {} : { correlationId: this.correlationId }),
      ...(this.reprocessId === undefined ? {} : { reprocessId: this.reprocessId }),
    };
  }

  #durationMs(now: Date): number {
    return Math.max(0, Math.round(now.getTime() - this.startedAt.getTime()));
  }
}

/** errorClass and errorMessage for `run_failed`: the error's name, or its class when the name is the generic "Error". */
export function describeError(error: unknown): { errorClass: string; errorMessage: string } {
  if (error instanceof Error) {
    const constructorName = error.constructor.name;
    const generic = error.name === '' || error.name === 'Error';
    const errorClass = generic && constructorName !== '' && constructorName !== 'Object' ? constructorName : error.name || 'Error';
    return { errorClass: truncate(errorClass, MAX_ERROR_CLASS), errorMessage: truncate(error.message, MAX_ERROR_MESSAGE) };
  }
  if (typeof error === 'string') {
    return { errorClass: 'string', errorMessage: truncate(error, MAX_ERROR_MESSAGE) };
  }
  return { errorClass: error === null ? 'null' : typeof error, errorMessage: truncate(safeString(error), MAX_ERROR_MESSAGE) };
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return 'a value that cannot be printed';
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
