import type { ResilienceV1 } from '@roundhouse/contracts';
import {
  ConsecutiveBreaker,
  DelegateBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  isIsolatedCircuitError,
  isTaskCancelledError,
  noop,
  retry,
  timeout,
  wrap,
  type IDefaultPolicyContext,
  type IPolicy,
} from 'cockatiel';
import { backoffDelay } from './backoff.js';
import { RoundhouseConfigError } from './client-options.js';

export type ResilienceSignal = ResilienceV1['signal'];

/** Retries of the wrapped call: exponential backoff with full jitter, as the client's own. */
export interface ResilienceRetryOptions {
  /** Most calls, the first included (3 means two retries). 1 turns retrying off. Default 3. */
  maxAttempts?: number;
  /** Ceiling of the first retry's delay in ms, doubled for each further retry. Default 200. */
  baseDelayMs?: number;
  /** Longest delay between calls in ms. Default 10 000. */
  maxDelayMs?: number;
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  threshold?: number;
  /** How long the circuit stays open before a trial call (half-open), in ms. Default 30 000. */
  halfOpenAfterMs?: number;
}

export interface ResilienceOptions {
  /** Retries; `false` for none. Default `{ maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 10_000 }`. */
  retry?: ResilienceRetryOptions | false;
  /** A circuit breaker over consecutive failures; `false` for none. Default `{ threshold: 5, halfOpenAfterMs: 30_000 }`. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** Each call may take this long (ms) before it is abandoned with cockatiel's TaskCancelledError (its signal aborts). Default: no timeout. */
  timeoutMs?: number;
  /**
   * Which errors are worth a retry and count against the breaker, e.g. `(e) => !(e instanceof ValidationError)`.
   * Timeouts always count. Default: every error.
   */
  isTransient?: (error: Error) => boolean;
}

/**
 * A cockatiel policy: retry around a circuit breaker around a timeout. `execute(fn)` runs `fn`
 * with `{ signal }` (aborted on timeout) and resolves or rejects with its result.
 */
export type ResiliencePolicy = IPolicy<IDefaultPolicyContext>;

export const RESILIENCE_DEFAULTS = {
  retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 10_000 },
  circuitBreaker: { threshold: 5, halfOpenAfterMs: 30_000 },
} as const;

/**
 * Builds the policy, reporting every retry, timeout and breaker state change through `report`.
 * A call refused by an open circuit is not retried: the breaker already says the dependency is down.
 */
export function createResiliencePolicy(options: ResilienceOptions, report: (signal: ResilienceSignal) => void, random: () => number): ResiliencePolicy {
  const isTransient = options.isTransient ?? (() => true);
  const counts = (error: Error): boolean => isTaskCancelledError(error) || isTransient(error);
  const policies: ResiliencePolicy[] = [];

  if (options.retry !== false) {
    const settings = { ...RESILIENCE_DEFAULTS.retry, ...options.retry };
    const maxAttempts = whole('retry.maxAttempts', settings.maxAttempts, 1);
    const policy = { baseDelayMs: whole('retry.baseDelayMs', settings.baseDelayMs, 0), maxDelayMs: whole('retry.maxDelayMs', settings.maxDelayMs, 0) };
    const retryable = (error: Error): boolean => !isBrokenCircuitError(error) && !isIsolatedCircuitError(error) && counts(error);
    const retryPolicy = retry(handleWhen(retryable), {
      maxAttempts: maxAttempts - 1, // cockatiel counts retries, we count calls
      backoff: new DelegateBackoff<{ attempt: number }>((context) => backoffDelay(context.attempt, policy, random)),
    });
    retryPolicy.onRetry(() => report('retry'));
    policies.push(retryPolicy);
  }

  if (options.circuitBreaker !== false) {
    const settings = { ...RESILIENCE_DEFAULTS.circuitBreaker, ...options.circuitBreaker };
    const breaker = circuitBreaker(handleWhen(counts), {
      halfOpenAfter: whole('circuitBreaker.halfOpenAfterMs', settings.halfOpenAfterMs, 0),
      breaker: new ConsecutiveBreaker(whole('circuitBreaker.threshold', settings.threshold, 1)),
    });
    breaker.onBreak(() => report('circuit_open'));
    breaker.onHalfOpen(() => report('circuit_half_open'));
    breaker.onReset(() => report('circuit_close'));
    policies.push(breaker);
  }

  if (options.timeoutMs !== undefined) {
    const timeoutPolicy = timeout(whole('timeoutMs', options.timeoutMs, 1), TimeoutStrategy.Aggressive);
    timeoutPolicy.onTimeout(() => report('timeout'));
    policies.push(timeoutPolicy);
  }

  return policies.length === 0 ? noop : wrap(...policies);
}

function whole(option: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RoundhouseConfigError(option, `must be a whole number of at least ${min}; got ${String(value)}.`, 'resilience()');
  }
  return value;
}
