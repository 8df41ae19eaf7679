import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** What a request's catch-ups are taken from: the change feed (change-feed.ts), or a test's stand-in for it. */
export interface CatchUpSource {
  caughtUp(): Promise<boolean>;
}

/** The catch-up the request under way has taken, by feed; emptied whenever the request may have written. */
const taken = new AsyncLocalStorage<Map<CatchUpSource, Promise<boolean>>>();

/**
 * Runs `work` (a request) with one catch-up with the change feed for all its per-process copies
 * (NotifiedCache): the first copy asked takes it, the others answer from it, so they all answer as
 * of the same moment, after everything committed before it, the request's start at the latest. A
 * statement that may write (`mayHaveWritten`, every `Database` statement but `read`) drops it: the
 * next copy asked then takes a new one, which brings the notification of the request's own change,
 * so a request reads what it wrote.
 */
export function withOneCatchUp<T>(work: () => T): T {
  return taken.run(new Map(), work);
}

/** Express middleware: every request catches up at most once until it writes (withOneCatchUp). */
export function oneCatchUpPerRequest() {
  return (_request: Request, _response: Response, next: NextFunction): void => {
    withOneCatchUp(next);
  };
}

/**
 * Says that a statement of the work under way has completed that may have changed what a copy holds
 * (its change is notified when it commits): the next copy asked catches up again. Outside a request,
 * where every ask catches up for itself, it does nothing.
 */
export function mayHaveWritten(): void {
  taken.getStore()?.clear();
}

/**
 * Resolves once every change committed before the request's catch-up (or, outside a request, before
 * this call) has been told to the watchers; false when the feed is not connected (ChangeFeed.caughtUp).
 */
export function caughtUpInRequest(feed: CatchUpSource): Promise<boolean> {
  const catchUps = taken.getStore();
  if (catchUps === undefined) {
    return feed.caughtUp();
  }
  let caughtUp = catchUps.get(feed);
  if (caughtUp === undefined) {
    caughtUp = feed.caughtUp();
    catchUps.set(feed, caughtUp);
  }
  return caughtUp;
}
