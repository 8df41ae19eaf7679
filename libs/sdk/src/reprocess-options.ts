import { COMMANDS_MAX_CLAIM, type ReprocessCommandV1 } from '@roundhouse/contracts';
import { RoundhouseConfigError, integerOption } from './client-options.js';

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

/** Options with their defaults, checked. */
export interface ResolvedReprocessOptions {
  /** The automations to claim commands of, each once; undefined for every automation the token covers. */
  automations: string[] | undefined;
  concurrency: number;
  pollIntervalMs: number;
}

/** Checks `handler` and `options`; throws a RoundhouseConfigError naming a wrong one. */
export function resolveReprocessOptions(handler: ReprocessHandler, options: ReprocessOptions): ResolvedReprocessOptions {
  if (typeof handler !== 'function') {
    throw new RoundhouseConfigError('handler', 'must be a function that handles one reprocess command.', 'onReprocess()');
  }
  return {
    automations: checkAutomations(options.automations),
    concurrency: integerOption('concurrency', options.concurrency ?? REPROCESS_DEFAULTS.concurrency, 1, COMMANDS_MAX_CLAIM, 'onReprocess()'),
    pollIntervalMs: integerOption('pollIntervalMs', options.pollIntervalMs ?? REPROCESS_DEFAULTS.pollIntervalMs, 1, 3_600_000, 'onReprocess()'),
  };
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
