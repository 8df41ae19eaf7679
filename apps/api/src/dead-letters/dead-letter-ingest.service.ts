import { Inject, Injectable } from '@nestjs/common';
import type { DeadLetterV1 } from '@roundhouse/contracts';
import { DeadLetterIngestRepository } from './dead-letter-ingest.repository.js';
import type { Transaction } from '../database/database.js';

/** A run that gave up on a message a reprocess sent back, with the error it gave up with. */
export interface GaveUpRun {
  reprocessId: string;
  errorClass: string;
  errorMessage: string;
}

/**
 * What ingest and the runtimes' collectors write about dead letters, in the caller's transaction:
 * the dead letters reported or collected, and what became of the messages a reprocess sent back.
 * The caller opens the transaction (`Database.transaction`) so that these writes commit with its own
 * (the events it claimed, the runs it stored) or not at all.
 */
@Injectable()
export class DeadLetterIngestService {
  constructor(@Inject(DeadLetterIngestRepository) private readonly deadLetters: DeadLetterIngestRepository) {}

  /**
   * Stores dead letters in `tx`: a message seen before (same automation, queue and message id) is one
   * dead letter seen again (failed again, when a reprocess had sent it back); new ones count into their group.
   */
  store(tx: Transaction, letters: readonly DeadLetterV1[]): Promise<void> {
    return this.deadLetters.store(tx, letters);
  }

  /**
   * Closes in `tx` the ledger items of messages a reprocess sent back whose runs are known: a success
   * resolves the dead letter; a run that gave up without parking the message again marks it failed again.
   */
  recordReprocessRuns(tx: Transaction, succeeded: readonly string[], gaveUp: readonly GaveUpRun[]): Promise<void> {
    return this.deadLetters.recordReprocessRuns(tx, succeeded, gaveUp);
  }

  /**
   * Messages a reprocess sent back through `route` (a runtime kind) to `queue` of `automation` whose
   * outcome is not known yet (acknowledged, e.g. BullMQ jobs retried), oldest first: their reprocess keys and message ids.
   */
  acknowledgedItems(route: string, automation: string, queue: string, limit: number): Promise<{ reprocess_id: string; message_id: string }[]> {
    return this.deadLetters.acknowledgedItems(route, automation, queue, limit);
  }
}
