import { RUNTIME_KINDS, type RuntimeKind } from '@roundhouse/contracts';
import type { DeadLetterQuery } from '../dead-letters/index.js';

export const REPROCESS_ACTIONS = ['reprocess', 'discard'] as const;
export type ReprocessAction = (typeof REPROCESS_ACTIONS)[number];

/** A request's life: running ⇄ paused, then done (everything sent) or cancelled. */
export const REQUEST_STATES = ['requested', 'awaiting_approval', 'running', 'paused', 'cancelled', 'done'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Error groups a request's answer shows (most first). */
export const ERROR_GROUPS = 5;

/**
 * One message's place in the ledger:
 *   queued        waiting its turn (or waiting to be tried again after `not_before`)
 *   dispatched    handed to its transport and not yet confirmed — or, for SDK runtimes, offered and
 *                 not yet picked up; after a crash, unconfirmed ones are sent again with the same key
 *   acknowledged  the transport confirmed it (broker confirm, webhook 2xx, job retried, SDK ack)
 *   succeeded     the runtime reported a successful run with its key (or it was discarded)
 *   failed        it failed again, or could not be delivered
 *   cancelled     the request was cancelled before it was sent
 */
export const ITEM_STATES = ['queued', 'dispatched', 'acknowledged', 'succeeded', 'failed', 'cancelled'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/**
 * How a message goes back to its runtime: the runtime kind whose adapter sends it (see
 * runtimes/registry.ts), 'sdk' when the runtime pulls it, or 'discard'. `other` runtimes pull through the SDK.
 */
export type Route = Exclude<RuntimeKind, 'other'> | 'discard';
export const ROUTES: readonly Route[] = [...RUNTIME_KINDS.filter((kind): kind is Exclude<RuntimeKind, 'other'> => kind !== 'other'), 'discard'];

/** Which dead letters: these ids, or everything matching a workbench filter at the time of the request. */
export type Selection = { kind: 'ids'; ids: string[] } | { kind: 'filter'; filter: DeadLetterQuery };

/** Statuses a dead letter can be reprocessed or discarded from. */
export const ACTIONABLE_STATUSES = ['pending', 'failed_again', 'reprocessed'] as const;
