import { reprocessDeadLetter, reprocessRunOptions, type ReprocessCommandV1, type RoundhouseClient } from '@roundhouse/sdk';
import { profileOf, type Profile } from './profiles.js';
import { chance, logNormal, type Random } from './random.js';

/**
 * The demo's answer to "reprocess" in the console: its SDK pulls the command, and the automation
 * runs again with the command's payload under a run that carries the reprocessId (and the
 * command's correlation id). The fix has been deployed, so most reprocesses succeed and the api
 * resolves their dead letters; a few fail again and are dead-lettered once more as the same
 * message, which the api marks failed again.
 */

/** Share of reprocessed messages that fail again: the fix did not cover their case, or the third party is still down. */
export const FAIL_AGAIN_SHARE = 0.1;

/** A reprocess never takes longer than this: well inside the command's 60 s lease, so it is not offered again meanwhile. */
export const MAX_REPROCESS_MS = 40_000;

/** How the demo remembers handled reprocessIds: enough for a large bulk reprocess. */
const REMEMBERED_REPROCESSES = 10_000;

export interface ReprocessPlan {
  durationMs: number;
  result: 'succeeded' | 'failed_again';
  /** Why it failed again, as the runtime would report it. */
  error?: { name: string; message: string };
  manualTouch: boolean;
}

/** What one reprocess of a message of an automation with `profile` will do: one attempt, with the profile's latency. */
export function planReprocess(profile: Profile, random: Random, failAgainShare = FAIL_AGAIN_SHARE): ReprocessPlan {
  const durationMs = Math.min(MAX_REPROCESS_MS, Math.max(50, Math.round(logNormal(random, profile.medianMs, profile.spread))));
  if (!chance(random, failAgainShare)) {
    // A person looked at the message before clicking reprocess: now and then that shows as a manual touch.
    return { durationMs, result: 'succeeded', manualTouch: chance(random, 0.05) };
  }
  if (chance(random, 0.4)) {
    return {
      durationMs: Math.min(MAX_REPROCESS_MS, 30_000),
      result: 'failed_again',
      error: { name: 'TimeoutError', message: `${profile.dependency} did not answer within 30 s` },
      manualTouch: false,
    };
  }
  return {
    durationMs,
    result: 'failed_again',
    error: { name: 'ValidationError', message: `${profile.dependency} still refuses the record: the deployed fix does not cover this case` },
    manualTouch: true,
  };
}

/** The run id of a reprocess: recognisable in the console, and the same for every offer of one delivery. */
export function reprocessRunId(command: ReprocessCommandV1): string {
  return `${command.automation}-rp-${command.reprocessId}`;
}

/**
 * The reprocessIds handled lately, at most `capacity` (the oldest are forgotten). A command offered
 * again with the same reprocessId (its ack was lost, its lease ran out) is recognised and skipped:
 * the runtime dedupes, as the SDK asks.
 */
export class HandledReprocesses {
  readonly #ids = new Set<string>();

  constructor(readonly capacity: number = REMEMBERED_REPROCESSES) {}

  has(reprocessId: string): boolean {
    return this.#ids.has(reprocessId);
  }

  remember(reprocessId: string): void {
    this.#ids.delete(reprocessId);
    this.#ids.add(reprocessId);
    for (const oldest of this.#ids) {
      if (this.#ids.size <= this.capacity) {
        break;
      }
      this.#ids.delete(oldest);
    }
  }

  get size(): number {
    return this.#ids.size;
  }
}

export interface ReprocessorOptions {
  random: Random;
  /** Waits as long as the work takes. */
  sleep: (ms: number) => Promise<void>;
  /** After a success: the transaction flows on into the automations downstream. */
  onSucceeded?: (automation: string, correlationId: string) => void;
  failAgainShare?: number;
}

/** Handles the reprocess commands the demo's SDK clients pull. */
export class DemoReprocessor {
  readonly handled = new HandledReprocesses();

  constructor(private readonly options: ReprocessorOptions) {}

  /** Runs the automation again for `command` and reports the run through `client`; never throws. */
  async handle(client: Pick<RoundhouseClient, 'startRun'>, command: ReprocessCommandV1): Promise<void> {
    if (this.handled.has(command.reprocessId)) {
      return; // offered again after a lost ack: reported before
    }
    const plan = planReprocess(profileOf(command.automation), this.options.random, this.options.failAgainShare);
    const run = client.startRun(command.automation, { ...reprocessRunOptions(command), runId: reprocessRunId(command) });
    await this.options.sleep(plan.durationMs);
    if (plan.result === 'succeeded') {
      run.succeed({ manualTouch: plan.manualTouch });
      if (command.correlationId !== undefined) {
        this.options.onSucceeded?.(command.automation, command.correlationId);
      }
    } else {
      const error = new Error(plan.error?.message ?? 'failed again');
      error.name = plan.error?.name ?? 'Error';
      // Given up again: the same message (messageId, source) is dead-lettered once more, with the reprocessId.
      run.fail(error, { outcome: 'dead_lettered', manualTouch: plan.manualTouch, deadLetter: reprocessDeadLetter(command) });
    }
    this.handled.remember(command.reprocessId);
  }
}
