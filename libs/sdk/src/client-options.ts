import { INGEST_MAX_EVENTS, INGEST_V2_PATH } from '@roundhouse/contracts';
import { defaultDiagnosticHandler, type DiagnosticHandler } from './diagnostics.js';

/** How the client retries one batch. */
export interface RetryOptions {
  /** Most attempts to send one batch, the first included; then the batch gives up (see the README's retry policy). Default 8. */
  maxAttempts?: number;
  /** Ceiling of the first retry's delay in ms; the ceiling doubles with each retry and the delay is drawn at random below it (full jitter). Default 200. */
  baseDelayMs?: number;
  /** No wait between attempts is longer than this (Retry-After included), in ms. Also the pause after a batch gave up. Default 30 000. */
  maxDelayMs?: number;
}

export interface RoundhouseClientOptions {
  /** Base URL of the Roundhouse api, e.g. `http://localhost:3000`; events go to `<url>/ingest/v2/events`. */
  url: string;
  /** The runtime token (`rh_rt_…`), sent as `Authorization: Bearer`. Never logged and never put into a diagnostic. */
  token: string;
  /** Events per request: a batch is sent as soon as this many are queued. 1 to 1000 (INGEST_MAX_EVENTS). Default 200. */
  batchSize?: number;
  /** A batch is sent at the latest this many ms after its first event was queued. Default 1000. */
  flushIntervalMs?: number;
  /** Most events waiting in the buffer; beyond it the oldest is dropped (see the README's overflow policy). Default 10 000. */
  maxBufferedEvents?: number;
  /** Compress request bodies with gzip (`Content-Encoding: gzip`). Default true. */
  gzip?: boolean;
  /** Retries of a batch: exponential backoff with full jitter. */
  retry?: RetryOptions;
  /** One request (response body included) may take this long before it is aborted and retried, in ms. Default 15 000. */
  requestTimeoutMs?: number;
  /** shutdown() stops waiting for delivery after this many ms and drops what is left. Default 10 000. */
  shutdownTimeoutMs?: number;
  /** The fetch to use. Default: the global fetch of Node 20+. */
  fetch?: typeof fetch;
  /** Receives every diagnostic (delivery problems, quarantined events, overflow…). Default: warnings and errors to console.warn. */
  onDiagnostic?: DiagnosticHandler;
  /** The time of events (`occurredAt`, `startedAt`), run durations and Retry-After dates. Default: `() => new Date()`. */
  clock?: () => Date;
  /** Waits between attempts; must resolve early when `signal` aborts (shutdown deadline). Default: an unref'd setTimeout. For tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** A number in [0, 1) for the backoff jitter. Default: Math.random. For tests. */
  random?: () => number;
}

/** Options with their defaults, checked. */
export interface ResolvedClientOptions {
  /** The api's base URL without a trailing slash (path prefix kept): the protocol paths go after it. */
  apiUrl: string;
  /** `<apiUrl>/ingest/v2/events`. */
  endpoint: string;
  token: string;
  batchSize: number;
  flushIntervalMs: number;
  maxBufferedEvents: number;
  gzip: boolean;
  retry: Required<RetryOptions>;
  requestTimeoutMs: number;
  shutdownTimeoutMs: number;
  fetch: typeof fetch;
  onDiagnostic: DiagnosticHandler;
  clock: () => Date;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  random: () => number;
}

export const CLIENT_DEFAULTS = {
  batchSize: 200,
  flushIntervalMs: 1000,
  maxBufferedEvents: 10_000,
  gzip: true,
  retry: { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 30_000 },
  requestTimeoutMs: 15_000,
  shutdownTimeoutMs: 10_000,
} as const;

/** A setting the SDK cannot work with. Thrown at set-up only (the constructor, resilience()), never while reporting. */
export class RoundhouseConfigError extends Error {
  override readonly name = 'RoundhouseConfigError';

  constructor(
    readonly option: string,
    problem: string,
    where = 'RoundhouseClient',
  ) {
    super(`${where} option "${option}" ${problem}`);
  }
}

export function resolveClientOptions(options: RoundhouseClientOptions): ResolvedClientOptions {
  const retry = options.retry ?? {};
  const apiUrl = apiBaseUrl(options.url);
  const resolved: ResolvedClientOptions = {
    apiUrl,
    endpoint: `${apiUrl}${INGEST_V2_PATH}`,
    token: checkToken(options.token),
    batchSize: integerOption('batchSize', options.batchSize ?? CLIENT_DEFAULTS.batchSize, 1, INGEST_MAX_EVENTS),
    flushIntervalMs: integerOption('flushIntervalMs', options.flushIntervalMs ?? CLIENT_DEFAULTS.flushIntervalMs, 1, 3_600_000),
    maxBufferedEvents: integerOption('maxBufferedEvents', options.maxBufferedEvents ?? CLIENT_DEFAULTS.maxBufferedEvents, 1, 10_000_000),
    gzip: options.gzip ?? CLIENT_DEFAULTS.gzip,
    retry: {
      maxAttempts: integerOption('retry.maxAttempts', retry.maxAttempts ?? CLIENT_DEFAULTS.retry.maxAttempts, 1, 100),
      baseDelayMs: integerOption('retry.baseDelayMs', retry.baseDelayMs ?? CLIENT_DEFAULTS.retry.baseDelayMs, 0, 3_600_000),
      maxDelayMs: integerOption('retry.maxDelayMs', retry.maxDelayMs ?? CLIENT_DEFAULTS.retry.maxDelayMs, 0, 3_600_000),
    },
    requestTimeoutMs: integerOption('requestTimeoutMs', options.requestTimeoutMs ?? CLIENT_DEFAULTS.requestTimeoutMs, 1, 3_600_000),
    shutdownTimeoutMs: integerOption('shutdownTimeoutMs', options.shutdownTimeoutMs ?? CLIENT_DEFAULTS.shutdownTimeoutMs, 0, 3_600_000),
    fetch: options.fetch ?? globalThis.fetch,
    onDiagnostic: options.onDiagnostic ?? defaultDiagnosticHandler,
    clock: options.clock ?? (() => new Date()),
    sleep: options.sleep ?? unrefSleep,
    random: options.random ?? Math.random,
  };
  if (resolved.retry.maxDelayMs < resolved.retry.baseDelayMs) {
    throw new RoundhouseConfigError('retry.maxDelayMs', `must be at least retry.baseDelayMs (${resolved.retry.baseDelayMs}); got ${resolved.retry.maxDelayMs}.`);
  }
  if (typeof resolved.fetch !== 'function') {
    throw new RoundhouseConfigError('fetch', 'is needed: this runtime has no global fetch (Node 20+ has one); pass a fetch implementation.');
  }
  return resolved;
}

function apiBaseUrl(url: unknown): string {
  if (typeof url !== 'string' || !URL.canParse(url)) {
    throw new RoundhouseConfigError('url', `must be the api's base URL, e.g. "http://localhost:3000"; got ${JSON.stringify(url)}.`);
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RoundhouseConfigError('url', `must be an http or https URL; got the protocol "${parsed.protocol}".`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new RoundhouseConfigError('url', 'must not carry credentials: pass the runtime token as "token".');
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
}

function checkToken(token: unknown): string {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new RoundhouseConfigError('token', 'must be the runtime token (rh_rt_…), a non-empty string; it is missing or empty.');
  }
  if (/\s/.test(token)) {
    throw new RoundhouseConfigError('token', 'must not contain white space (a stray newline from an env file?).');
  }
  return token;
}

/** `value` when it is a whole number in [min, max]; otherwise a RoundhouseConfigError naming the option (`where`: which call). */
export function integerOption(name: string, value: number, min: number, max: number, where?: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RoundhouseConfigError(name, `must be a whole number from ${min} to ${max}; got ${String(value)}.`, where);
  }
  return value;
}

/** Waits `ms`, or less when `signal` aborts. The timer does not keep the process alive. */
export function unrefSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal.addEventListener('abort', done, { once: true });
  });
}
