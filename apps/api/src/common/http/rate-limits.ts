import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import type { RateLimitStores } from './rate-limit-stores.js';
import { jsonRefusal, refusalFor } from './refusal.js';

const MINUTE_MS = 60_000;

/** Where a limiter counts: `limiter` names its budget, shared by every api process of the deployment. */
interface Counter {
  stores: RateLimitStores;
  limiter: string;
}

/**
 * At most `perMinute` requests a minute per key, counted in Redis or PostgreSQL (RateLimitStores)
 * so that every api replica counts against the same budget (PostgreSQL a lease of hits per write); above it a 429 with `Retry-After` (seconds) and a sentence
 * saying what the limit is and when to try again.
 */
function perMinute(counter: Counter, perMinute: number, what: string, key: (request: Request) => string, options: Partial<Options> = {}): RequestHandler {
  return rateLimit({
    ...options,
    store: counter.stores.storeFor(counter.limiter, perMinute),
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: key,
    handler: (request, response) => {
      const wait = response.getHeader('retry-after') ?? '60';
      const message = `Too many ${what}: at most ${perMinute} a minute. Try again in ${String(wait)} s.`;
      const refusal = refusalFor(request);
      if (refusal === jsonRefusal) {
        response.status(429).json({ statusCode: 429, error: 'Too Many Requests', message });
      } else {
        refusal(response, 429, 'TOO_MANY_REQUESTS', message);
      }
    },
  });
}

const clientAddress = (request: Request) => ipKeyGenerator(request.ip ?? 'unknown');

/** Sign-in attempts, per client address: guessing is slowed down without locking anyone out for long. */
export function signInRateLimit(limit: number, stores: RateLimitStores): RequestHandler {
  return perMinute({ stores, limiter: 'sign-in' }, limit, 'sign-in attempts from this address', clientAddress);
}

/** How many credentials that worked lately one api process remembers (the most recent). */
const PROVEN_CAPACITY = 10_000;

/**
 * Hashes of runtime credentials that a runtime-token route accepted lately, in this process: only
 * these get a budget of their own. A credential is remembered when a route authenticated it, and
 * forgotten when one refused it (revoked, expired) or when newer ones push it out.
 */
class ProvenCredentials {
  private readonly hashes = new Set<string>();

  has(hash: string): boolean {
    return this.hashes.has(hash);
  }

  remember(hash: string): void {
    this.hashes.delete(hash);
    this.hashes.add(hash);
    if (this.hashes.size > PROVEN_CAPACITY) {
      const oldest = this.hashes.values().next().value;
      if (oldest !== undefined) {
        this.hashes.delete(oldest);
      }
    }
  }

  forget(hash: string): void {
    this.hashes.delete(hash);
  }
}

/** A hash of the request's credential (never the credential itself), or undefined without one. */
function credentialHash(request: Request): string | undefined {
  const authorization = request.headers.authorization;
  return authorization === undefined ? undefined : createHash('sha256').update(authorization).digest('hex').slice(0, 32);
}

export interface RuntimeRateLimits {
  /**
   * For every runtime-token route (`/ingest`, `/v1/traces`): a request whose credential is not one that worked
   * lately — missing, malformed, unknown, revoked — comes out of a small budget per client address,
   * answered 429 before the token is looked up, so guessing tokens costs no token lookup. A token
   * that turns out valid does not use the budget; but while the address is over it, a valid token
   * not yet seen by this process waits like the rest (Retry-After).
   */
  credentials: RequestHandler;
  /** For `POST /ingest/v1/events` and `POST /v1/traces` (one budget for both): each credential has a budget of its own, so one runaway runtime cannot starve the others. */
  perToken: RequestHandler;
}

export function runtimeRateLimits(perToken: number, unknownPerAddress: number, stores: RateLimitStores): RuntimeRateLimits {
  const proven = new ProvenCredentials();
  // A request whose token turned out valid is given back: only failures use the address's budget.
  const unknown = perMinute(
    { stores, limiter: 'runtime-unknown-credential' },
    unknownPerAddress,
    'requests with a missing or unknown runtime token from this address',
    clientAddress,
    {
      skipSuccessfulRequests: true,
      requestWasSuccessful: (request) => request.runtime !== undefined,
    },
  );
  const known = perMinute({ stores, limiter: 'runtime-token' }, perToken, 'ingest requests with this token', (request) => `token:${credentialHash(request) ?? ''}`);
  return {
    credentials: (request, response, next) => {
      const hash = credentialHash(request);
      if (hash !== undefined) {
        response.on('finish', () => {
          if (request.runtime !== undefined) {
            proven.remember(hash);
          } else if (response.statusCode === 401) {
            proven.forget(hash);
          }
        });
      }
      if (hash !== undefined && proven.has(hash)) {
        next();
      } else {
        void unknown(request, response, next);
      }
    },
    perToken: (request, response, next) => {
      if (credentialHash(request) === undefined) {
        next();
      } else {
        void known(request, response, next);
      }
    },
  };
}
