import type { ReprocessCommandV1 } from '@roundhouse/contracts';
import type { RunDeadLetter } from './dead-letter.js';
import type { StartRunOptions } from './run.js';

/**
 * The run options for handling `command`: its `reprocessId` (so a success resolves the dead
 * letter) and its `correlationId` (so the run joins its business transaction's trail).
 *
 *   const run = roundhouse.startRun(command.automation, reprocessRunOptions(command));
 */
export function reprocessRunOptions(command: ReprocessCommandV1): StartRunOptions & { reprocessId: string } {
  return { reprocessId: command.reprocessId, ...(command.correlationId === undefined ? {} : { correlationId: command.correlationId }) };
}

export interface ReprocessDeadLetterOptions {
  /** Deliveries tried in this reprocess before giving up again, from 1. Default 1. */
  attempts?: number;
  /** When this delivery first failed. Default: when it is reported. */
  firstFailedAt?: Date | string;
}

/**
 * The command's message as a dead letter again, for a reprocess that failed again:
 * `run.fail(error, { deadLetter: reprocessDeadLetter(command) })`. It has the command's messageId,
 * source, body (bytes, content type and encoding) and headers (so the api recognises the same message and marks its dead letter
 * failed again) and its reprocessId.
 */
export function reprocessDeadLetter(command: ReprocessCommandV1, options: ReprocessDeadLetterOptions = {}): RunDeadLetter {
  return {
    messageId: command.messageId,
    source: { ...command.source },
    // The body's bytes as they were dead-lettered, so the dead letter stays byte for byte the message.
    payload: Buffer.from(command.body.base64, 'base64'),
    ...(command.body.contentType === undefined ? {} : { contentType: command.body.contentType }),
    ...(command.body.contentEncoding === undefined ? {} : { contentEncoding: command.body.contentEncoding }),
    headers: { ...command.headers },
    attempts: options.attempts ?? 1,
    reprocessId: command.reprocessId,
    ...(options.firstFailedAt === undefined ? {} : { firstFailedAt: options.firstFailedAt }),
  };
}
