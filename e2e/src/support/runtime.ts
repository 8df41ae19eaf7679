/** An error of class `name`, as a runtime throws it (the class is what the workbench groups dead letters by). */
export function namedError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/** A reprocess command as the runtime receives it (see @roundhouse/contracts, reprocess-command.v1.ts). */
export interface ReprocessCommand {
  reprocessId: string;
  requestId: string;
  automation: string;
  deadLetterId: string;
  messageId: string;
  correlationId?: string;
  payload: unknown;
}

/** What ingest answers for a batch of events. */
export interface IngestAnswer {
  accepted: number;
  quarantined: number;
  forbidden: number;
}

/** A runtime's side as plain HTTP with its token `token`: what the SDK does under the hood. */
export function httpRuntime(baseUrl: string, token: string) {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`POST ${path} answered ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  };
  return {
    /** Reports a batch of ingest events (`POST /ingest/v1/events`). */
    report: (events: unknown[]) => post<IngestAnswer>('/ingest/v1/events', events),
    /** Claims up to `max` of the reprocess commands offered to the token. */
    claim: (max: number) => post<{ commands: ReprocessCommand[] }>('/ingest/v1/commands/claim', { max }),
    /** Acknowledges claimed commands, so they are not offered again. */
    ack: (reprocessIds: string[]) => post<{ acknowledged: number }>('/ingest/v1/commands/ack', { reprocessIds }),
  };
}
