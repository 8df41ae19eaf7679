import type { IngestEventTypeV2 } from '@roundhouse/contracts';

/**
 * What the SDK tells the program it runs in, through `onDiagnostic`. The SDK never throws in the
 * caller's path and never logs by itself beyond the default handler (see `defaultDiagnosticHandler`):
 * every problem of delivery is reported here instead. Diagnostics never contain the token.
 */
export type DiagnosticLevel = 'debug' | 'info' | 'warn' | 'error';

interface DiagnosticBase {
  level: DiagnosticLevel;
  /** One sentence for a log line. */
  message: string;
}

/** Which event a per-event diagnostic is about. */
export interface DiagnosedEvent {
  /** `unknown` when the api's result named no event of the batch. */
  eventId: string;
  eventType: IngestEventTypeV2 | 'unknown';
  automation: string;
}

/** Which request of the reprocess-command pull protocol a diagnostic is about. */
export type ReprocessRequestKind = 'claim' | 'ack';

export type RoundhouseDiagnostic =
  /** A request failed in a way worth retrying (network error, timeout, 5xx, 408, 429); the next attempt follows after `delayMs`. */
  | (DiagnosticBase & { code: 'retry_scheduled'; attempt: number; delayMs: number; events: number; status?: number; error?: string })
  /** A batch failed `retry.maxAttempts` times: its events went back to the front of the buffer (`requeued`) or, without room, were dropped. */
  | (DiagnosticBase & { code: 'batch_failed'; attempts: number; events: number; requeued: number; dropped: number; status?: number; error?: string })
  /** The api refused the batch with a 4xx that retrying cannot fix (400, 404, …), or answered a redirect (not followed): its events were dropped. */
  | (DiagnosticBase & { code: 'batch_rejected'; status: number; events: number; detail?: string })
  /** 401: the token is missing, unknown, expired or revoked. The batch was dropped. */
  | (DiagnosticBase & { code: 'unauthorized'; status: 401; events: number; detail?: string })
  /** 413: the batch was split in two halves, sent one after the other. */
  | (DiagnosticBase & { code: 'batch_split'; events: number; status?: 413; detail?: string })
  /** One event alone is larger than a request may be: it was dropped. */
  | (DiagnosticBase & DiagnosedEvent & { code: 'event_too_large'; bytes?: number })
  /** The api kept the event in quarantine (invalid, or an automation it does not know); the reason says why. */
  | (DiagnosticBase & DiagnosedEvent & { code: 'event_quarantined'; reason: string })
  /** The token does not cover this automation or event type; the event was not stored. */
  | (DiagnosticBase & DiagnosedEvent & { code: 'event_forbidden'; reason: string })
  /** The api answered 2xx with a body the SDK does not understand; the batch counts as sent. */
  | (DiagnosticBase & { code: 'unexpected_response'; status: number; detail?: string })
  /** The buffer is full and started to drop the oldest events (once per overflow episode). */
  | (DiagnosticBase & { code: 'buffer_overflow'; capacity: number })
  /** The buffer has room again; `dropped` events were lost in the episode. */
  | (DiagnosticBase & { code: 'buffer_recovered'; dropped: number })
  /** An event was reported after shutdown() completed; it was dropped (once per client). */
  | (DiagnosticBase & DiagnosedEvent & { code: 'client_closed' })
  /** shutdown() could not deliver everything before `shutdownTimeoutMs` or a batch gave up: `dropped` events were lost. */
  | (DiagnosticBase & { code: 'shutdown_incomplete'; dropped: number })
  /** run.succeed() or run.fail() on a run that already ended: ignored. */
  | (DiagnosticBase & { code: 'run_already_ended'; automation: string; runId: string })
  /** A bug in the SDK: caught so that it never reaches the caller. */
  | (DiagnosticBase & { code: 'internal_error'; error: string })
  /** A claim or ack failed in a way worth retrying (network error, timeout, 5xx, 408, 429); it is tried again after `delayMs`. */
  | (DiagnosticBase & { code: 'reprocess_retry_scheduled'; request: ReprocessRequestKind; attempt: number; delayMs: number; status?: number; error: string })
  /** 401 on a claim or ack: the token is missing, unknown, expired or revoked. The puller stopped claiming for good. */
  | (DiagnosticBase & { code: 'reprocess_unauthorized'; request: ReprocessRequestKind; status: 401; detail?: string })
  /**
   * 403: the token lacks the `commands` capability or does not cover an automation asked for. A
   * claim is tried again every `retryInMs` (once per episode); an ack's `commands` are offered again after their lease.
   */
  | (DiagnosticBase & { code: 'reprocess_forbidden'; request: ReprocessRequestKind; status: 403; retryInMs?: number; commands?: number; detail?: string })
  /**
   * Another 4xx, a redirect, or a 2xx whose body is not a claim response: a claim is tried again
   * every `retryInMs` (once per episode); an ack's `commands` are offered again after their lease.
   */
  | (DiagnosticBase & { code: 'reprocess_rejected'; request: ReprocessRequestKind; status: number; retryInMs?: number; commands?: number; detail?: string })
  /** Claims work again after a reprocess_forbidden or reprocess_rejected episode. */
  | (DiagnosticBase & { code: 'reprocess_resumed' })
  /** A claimed command failed the contract: never handed to the handler; acknowledged when its reprocessId was readable. */
  | (DiagnosticBase & { code: 'reprocess_command_invalid'; reprocessId?: string; automation?: string; acknowledged: boolean; issues: string })
  /** The handler threw or rejected: the command was acknowledged all the same (the handler reports its failed run). */
  | (DiagnosticBase & { code: 'reprocess_handler_failed'; reprocessId: string; automation: string; error: string })
  /** stop()/shutdown() gave up waiting: `running` handlers had not settled, `unacknowledged` commands were not acknowledged; they are offered again after their lease. */
  | (DiagnosticBase & { code: 'reprocess_stop_incomplete'; running: number; unacknowledged: number });

export type DiagnosticCode = RoundhouseDiagnostic['code'];

export type DiagnosticHandler = (diagnostic: RoundhouseDiagnostic) => void;

/** Without `onDiagnostic`: warnings and errors go to `console.warn`, prefixed `[roundhouse]`; debug and info are dropped. */
export const defaultDiagnosticHandler: DiagnosticHandler = (diagnostic) => {
  if (diagnostic.level === 'warn' || diagnostic.level === 'error') {
    console.warn(`[roundhouse] ${diagnostic.code}: ${diagnostic.message}`);
  }
};

/** Which event a diagnostic is about, from the event itself. */
export function describeEvent(event: { id: string; type: IngestEventTypeV2; automation: string }): DiagnosedEvent {
  return { eventId: event.id, eventType: event.type, automation: event.automation };
}

/** `handler`, made safe to call from anywhere in the SDK: a handler that throws is ignored (the program's handler failed; the SDK's work goes on). */
export function guardedDiagnostics(handler: DiagnosticHandler): DiagnosticHandler {
  return (diagnostic) => {
    try {
      handler(diagnostic);
    } catch {
      // the program's handler failed; reporting and pulling go on regardless
    }
  };
}

const BUG_IN = { client: 'the Roundhouse SDK hit a bug and carried on', puller: "the Roundhouse SDK's reprocess puller hit a bug" } as const;

/** The `internal_error` diagnostic of a bug the SDK caught (in the client, or in a reprocess puller) so that it never reaches the caller. */
export function internalError(error: unknown, where: keyof typeof BUG_IN): RoundhouseDiagnostic {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'internal_error', level: 'error', message: `${BUG_IN[where]}: ${text}`, error: text };
}

/** `{ detail }`, or nothing when there is no detail: the optional field of an outcome or a diagnostic. */
export function detailOf(detail: string | undefined): { detail?: string } {
  return detail === undefined ? {} : { detail };
}

type RefusalFields = Omit<Extract<RoundhouseDiagnostic, { code: 'reprocess_rejected' }>, 'code' | 'status'>;

/** The diagnostic of a claim or ack refused with 403 (`reprocess_forbidden`) or another refusal (`reprocess_rejected`). */
export function reprocessRefusal(kind: 'forbidden' | 'rejected', status: number, fields: RefusalFields): RoundhouseDiagnostic {
  return kind === 'forbidden' ? { code: 'reprocess_forbidden', status: 403, ...fields } : { code: 'reprocess_rejected', status, ...fields };
}

/** The diagnostic of a claim or ack that failed for the `failures`th time in a row and is tried again in `delayMs`; `doing` begins the message. */
export function reprocessRetryScheduled(
  request: ReprocessRequestKind,
  doing: string,
  failures: number,
  delayMs: number,
  outcome: { status?: number; error: string },
): RoundhouseDiagnostic {
  return {
    code: 'reprocess_retry_scheduled',
    level: 'info',
    message: `${doing} failed (${outcome.error}); trying again in ${delayMs} ms.`,
    request,
    attempt: failures + 1,
    delayMs,
    error: outcome.error,
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
  };
}
