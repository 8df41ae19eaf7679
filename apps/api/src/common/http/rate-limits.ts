import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

const MINUTE_MS = 60_000;

/**
 * At most `perMinute` requests a minute per key, in this api process; above it a 429 with
 * `Retry-After` (seconds) and a sentence saying what the limit is and when to try again.
 */
function perMinute(perMinute: number, what: string, key: (request: Request) => string): RequestHandler {
  return rateLimit({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (_request, response) => {
      const wait = response.getHeader('retry-after') ?? '60';
      response.status(429).json({ statusCode: 429, error: 'Too Many Requests', message: `Too many ${what}: at most ${perMinute} a minute. Try again in ${String(wait)} s.` });
    },
  });
}

const clientAddress = (request: Request) => ipKeyGenerator(request.ip ?? 'unknown');

/** Sign-in attempts, per client address: guessing is slowed down without locking anyone out for long. */
export function signInRateLimit(limit: number): RequestHandler {
  return perMinute(limit, 'sign-in attempts from this address', clientAddress);
}

/**
 * Ingest requests, per runtime token (a hash of the credential, never the credential itself), or
 * per address without one: one runaway runtime cannot starve the others.
 */
export function ingestRateLimit(limit: number): RequestHandler {
  return perMinute(limit, 'ingest requests with this token', (request) => {
    const authorization = request.headers.authorization;
    return authorization === undefined ? `address:${clientAddress(request)}` : `token:${createHash('sha256').update(authorization).digest('hex').slice(0, 32)}`;
  });
}
