import type { NextFunction, Request, Response } from 'express';
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { identifyOnArrival, type Identity } from './request-identifier.js';

/**
 * A RequestIdentifier's `identify` as the real one keeps it: one answer per request, on the request.
 * A plain function, not a vi.fn: a spy settles the promises it returns, which would handle a rejection.
 */
function identities(answer: () => Promise<Identity>) {
  const checks = { started: 0 };
  const identify = (request: Request): Promise<Identity> => {
    if (request.identity === undefined) {
      checks.started += 1;
      request.identity = answer();
    }
    return request.identity;
  };
  return { identify, checks };
}

describe('identifying a request on its arrival', () => {
  it('starts the session check before the rest of the stack, which then awaits that very check', async () => {
    const check = identities(() => Promise.resolve({ credential: 'session', sessionId: 's1' }));
    const request = {} as Request;
    const passedOn: unknown[][] = [];
    const next: NextFunction = (...args: unknown[]) => passedOn.push(args);
    identifyOnArrival(check)(request, {} as Response, next);
    expect(passedOn).toEqual([[]]);
    expect(check.checks.started).toBe(1);
    // The CSRF middleware and the guard ask again later: the same answer, no second check.
    await expect(check.identify(request)).resolves.toEqual({ credential: 'session', sessionId: 's1' });
    expect(check.checks.started).toBe(1);
  });

  it('leaves a failed check to whoever awaits it, and none unhandled when the request is answered first', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const failing = identities(() => Promise.reject(new Error('the database is away')));
      const answeredFirst = {} as Request;
      identifyOnArrival(failing)(answeredFirst, {} as Response, () => undefined);
      const awaited = {} as Request;
      identifyOnArrival(failing)(awaited, {} as Response, () => undefined);
      await expect(failing.identify(awaited)).rejects.toThrow('the database is away');
      await setTimeout(20);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
