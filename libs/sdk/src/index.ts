export { RoundhouseClient, type TrackOptions } from './roundhouse-client.js';
export { type RoundhouseStats } from './client-stats.js';
export { AttemptBatch, batchEvents, type BatchItem, type SdkEvent } from './attempt-batch.js';
export { Run, describeError, type FailOptions, type RunFailureOutcome, type StartRunOptions, type SucceedOptions } from './run.js';
export { PAYLOAD_ENCODING_HEADER, type DeadLetterHeaderValue, type DeadLetterReport, type DeadLetterSource, type RunDeadLetter } from './dead-letter.js';
export { CLIENT_DEFAULTS, RoundhouseConfigError, type RetryOptions, type RoundhouseClientOptions } from './client-options.js';
export { ReprocessPuller, type ReprocessStats } from './reprocess-puller.js';
export { REPROCESS_DEFAULTS, type ReprocessHandler, type ReprocessOptions } from './reprocess-options.js';
export { reprocessDeadLetter, reprocessRunOptions, type ReprocessDeadLetterOptions } from './reprocess-command.js';
export { reprocessSignature, verifyReprocessSignature, type HeaderValue } from './reprocess-signature.js';
export type { ReprocessCommandV1 } from '@roundhouse/contracts';
export {
  defaultDiagnosticHandler,
  type DiagnosedEvent,
  type DiagnosticCode,
  type DiagnosticHandler,
  type DiagnosticLevel,
  type ReprocessRequestKind,
  type RoundhouseDiagnostic,
} from './diagnostics.js';
export {
  RESILIENCE_DEFAULTS,
  type CircuitBreakerOptions,
  type ResilienceOptions,
  type ResiliencePolicy,
  type ResilienceRetryOptions,
  type ResilienceSignal,
} from './resilience-policy.js';
export { backoffCeiling, backoffDelay, parseRetryAfter, type BackoffPolicy } from './backoff.js';
