import type { Profile } from './profiles.js';
import { chance, logNormal, type Random } from './random.js';

export type AttemptResult = 'succeeded' | 'retrying' | 'failed' | 'dead_lettered';

export interface AttemptPlan {
  durationMs: number;
  result: AttemptResult;
  /** Why the attempt failed, as the runtime would report it. */
  error?: { name: string; message: string };
  /** Calls to the third party that were rate-limited and retried inside the attempt. */
  rateLimitedCalls: number;
  manualTouch: boolean;
}

/** Rate limits and timeouts are worse during an incident (the third party is struggling). */
export interface Conditions {
  incident: boolean;
}

const RATE_LIMIT_BUDGET = 3;

function failure(name: string, message: string): { name: string; message: string } {
  return { name, message };
}

/**
 * What one run of an automation will do, attempt by attempt, as the field sees it: most succeed,
 * some are rate-limited and retried, some time out and are retried later, a few are refused for
 * good and need a person; a run that exhausts its attempts is dead-lettered.
 */
export function planRun(profile: Profile, random: Random, conditions: Conditions = { incident: false }): AttemptPlan[] {
  const factor = conditions.incident ? 5 : 1;
  const attempts: AttemptPlan[] = [];
  for (let attempt = 1; attempt <= profile.maxAttempts; attempt += 1) {
    const last = attempt === profile.maxAttempts;
    const base = Math.round(logNormal(random, profile.medianMs, profile.spread));
    let rateLimitedCalls = 0;
    while (rateLimitedCalls < RATE_LIMIT_BUDGET && chance(random, Math.min(0.9, profile.failures.rateLimit * factor))) {
      rateLimitedCalls += 1;
    }
    const durationMs = base + rateLimitedCalls * 400;
    if (rateLimitedCalls === RATE_LIMIT_BUDGET) {
      attempts.push({
        durationMs,
        result: last ? 'dead_lettered' : 'retrying',
        error: failure('RateLimitError', `${profile.dependency} answered 429 Too Many Requests ${RATE_LIMIT_BUDGET} times (Retry-After: 20)`),
        rateLimitedCalls,
        manualTouch: false,
      });
      continue;
    }
    if (chance(random, Math.min(0.9, profile.failures.timeout * factor))) {
      attempts.push({
        durationMs: 30_000,
        result: last ? 'dead_lettered' : 'retrying',
        error: failure('TimeoutError', `${profile.dependency} did not answer within 30 s`),
        rateLimitedCalls,
        manualTouch: false,
      });
      continue;
    }
    if (chance(random, profile.failures.rejected)) {
      attempts.push({
        durationMs,
        result: 'failed',
        error: failure('ValidationError', `${profile.dependency} refused the record: a required field is missing`),
        rateLimitedCalls,
        manualTouch: true,
      });
      return attempts;
    }
    attempts.push({ durationMs, result: 'succeeded', rateLimitedCalls, manualTouch: chance(random, 0.02) });
    return attempts;
  }
  return attempts;
}
