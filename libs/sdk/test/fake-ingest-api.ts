import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import {
  COMMANDS_ACK_PATH,
  COMMANDS_CLAIM_PATH,
  INGEST_OUTCOME_STATUS,
  INGEST_V2_PATH,
  ackCommandsRequestV1,
  claimCommandsRequestV1,
  ingestEventV2,
  type IngestEventResult,
  type IngestEventV2,
  type IngestOutcome,
  type IngestResponse,
} from '@roundhouse/contracts';

/** How the fake api answers one request, instead of its normal behaviour. */
export interface PlannedAnswer {
  /** Answer this status (with `body`) instead of taking the events. */
  status?: number;
  /** A Retry-After header for the answer. */
  retryAfter?: string;
  /** More headers for the answer, e.g. a Location. */
  headers?: Record<string, string>;
  body?: string;
  /** Destroy the connection without an answer. */
  dropConnection?: boolean;
  /** Take (store) the events first, then answer as planned: the api did the work but the answer got lost or late. */
  store?: boolean;
  /** Wait this long before answering (after storing, when it stores). */
  delayMs?: number;
  /** Claims and acks only: the leases run out as this answer is given (after its work, when it stores). */
  expireLeases?: boolean;
}

/** One request as the fake api saw it. */
export interface ReceivedRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  contentEncoding: string | undefined;
  /** The body's events, decoded (gunzipped when gzip). */
  events: unknown[];
  /** What the api answered; `dropped` when it cut the connection. */
  answer: number | 'dropped';
}

export interface FakeIngestApiOptions {
  /** The one token it accepts. */
  token: string;
  /** More events than this in one request: 413. Default: no limit. */
  maxEventsPerRequest?: number;
  /** Automations the token does not cover: their events are `forbidden`. */
  forbiddenAutomations?: readonly string[];
}

/**
 * A real HTTP server on 127.0.0.1 that plays the Roundhouse api's ingest endpoint: checks the
 * Bearer token, decodes gzip, validates each event with the contract, stores it once per id and
 * answers one result per event. Planned answers (500, 503 + Retry-After, a dropped connection, a
 * late answer…) are used up one per request, in order. It also serves the reprocess-command pull
 * protocol (`commands`), with the same token.
 */
export class FakeIngestApi {
  readonly requests: ReceivedRequest[] = [];
  /** The claim and ack endpoints. */
  readonly commands = new FakeCommands();
  /** Stored events by id: each id once, whatever how often it arrived. */
  readonly stored = new Map<string, IngestEventV2>();
  /** How often each event id arrived, in any request. */
  readonly arrivals = new Map<string, number>();
  readonly #plans: PlannedAnswer[] = [];
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #server: Server;
  readonly #options: FakeIngestApiOptions;

  private constructor(options: FakeIngestApiOptions) {
    this.#options = options;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  }

  static async start(options: FakeIngestApiOptions): Promise<FakeIngestApi> {
    const api = new FakeIngestApi(options);
    await new Promise<void>((resolve, reject) => {
      api.#server.once('error', reject);
      api.#server.listen(0, '127.0.0.1', resolve);
    });
    return api;
  }

  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The next requests get these answers, one each, in order; after them the api behaves normally. */
  plan(...answers: PlannedAnswer[]): void {
    this.#plans.push(...answers);
  }

  /** Stored events, in the order they were stored. */
  storedEvents(): IngestEventV2[] {
    return [...this.stored.values()];
  }

  /** Events per request, in order. */
  requestSizes(): number[] {
    return this.requests.map((request) => request.events.length);
  }

  async close(): Promise<void> {
    for (const timer of this.#timers) {
      clearTimeout(timer);
    }
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    if (request.method === 'POST' && (request.url === COMMANDS_CLAIM_PATH || request.url === COMMANDS_ACK_PATH)) {
      const authorized = request.headers.authorization === `Bearer ${this.#options.token}`;
      return this.commands.handle(request.url === COMMANDS_CLAIM_PATH ? 'claim' : 'ack', authorized, raw, request, response);
    }
    if (request.method !== 'POST' || request.url !== INGEST_V2_PATH) {
      return this.#answer(response, 404, 'not found');
    }
    const contentEncoding = request.headers['content-encoding'];
    const events = decodeEvents(raw, contentEncoding, request.headers['content-type']);
    const received: ReceivedRequest = {
      authorization: request.headers.authorization,
      contentType: request.headers['content-type'],
      contentEncoding,
      events,
      answer: 200,
    };
    this.requests.push(received);

    if (request.headers.authorization !== `Bearer ${this.#options.token}`) {
      received.answer = 401;
      return this.#answer(response, 401, JSON.stringify({ message: 'The runtime token is missing, unknown, expired or revoked.' }));
    }
    const plan = this.#plans.shift();
    if (plan?.dropConnection === true) {
      if (plan.store === true) {
        this.#take(events);
      }
      received.answer = 'dropped';
      request.socket.destroy();
      return;
    }
    if (events.length > (this.#options.maxEventsPerRequest ?? Infinity)) {
      received.answer = 413;
      return this.#answer(response, 413, JSON.stringify({ message: `At most ${this.#options.maxEventsPerRequest} events per request.` }));
    }
    const storesNow = plan?.status === undefined || plan.store === true;
    const ingest = storesNow ? this.#take(events) : undefined;
    await this.#wait(plan?.delayMs ?? 0);
    if (plan?.status !== undefined) {
      received.answer = plan.status;
      const headers: Record<string, string> = { ...plan.headers, ...(plan.retryAfter === undefined ? {} : { 'retry-after': plan.retryAfter }) };
      return this.#answer(response, plan.status, plan.body ?? JSON.stringify({ message: `planned ${plan.status}` }), headers);
    }
    const allForbidden = ingest !== undefined && events.length > 0 && ingest.forbidden === events.length;
    received.answer = allForbidden ? 403 : 200; // as the api: 403 when no event was covered
    return this.#answer(response, received.answer, JSON.stringify(ingest));
  }

  /** Validates, dedupes and stores events as the api does; the per-event answer. */
  #take(events: readonly unknown[]): IngestResponse {
    const results = events.map((event, index) => this.#takeOne(event, index));
    const count = (outcome: IngestOutcome): number => results.filter((result) => result.outcome === outcome).length;
    return { accepted: count('accepted'), duplicates: count('duplicate'), quarantined: count('quarantined'), forbidden: count('forbidden'), results };
  }

  #takeOne(event: unknown, index: number): IngestEventResult {
    const parsed = ingestEventV2.safeParse(event);
    const rawId = typeof event === 'object' && event !== null && 'id' in event && typeof event.id === 'string' ? event.id : null;
    if (rawId !== null) {
      this.arrivals.set(rawId, (this.arrivals.get(rawId) ?? 0) + 1);
    }
    if (!parsed.success) {
      const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      return { index, id: rawId, outcome: 'quarantined', status: INGEST_OUTCOME_STATUS.quarantined, reason };
    }
    const { data } = parsed;
    if (this.#options.forbiddenAutomations?.includes(data.automation) === true) {
      return { index, id: data.id, outcome: 'forbidden', status: INGEST_OUTCOME_STATUS.forbidden, reason: `the token does not cover ${data.automation}` };
    }
    if (this.stored.has(data.id)) {
      return { index, id: data.id, outcome: 'duplicate', status: INGEST_OUTCOME_STATUS.duplicate };
    }
    this.stored.set(data.id, data);
    return { index, id: data.id, outcome: 'accepted', status: INGEST_OUTCOME_STATUS.accepted };
  }

  #answer(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
    answer(response, status, body, headers);
  }

  #wait(ms: number): Promise<void> {
    if (ms <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}

function answer(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (response.destroyed) {
    return; // the client gave up on this request
  }
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(body);
}

/** One claim or ack request as the fake api saw it. */
export interface CommandsRequestSeen {
  /** The JSON body. */
  body: unknown;
  answer: number | 'dropped';
  /** Claims: the reprocessIds it handed out (`?` for a command without one). Acks: the ids it acknowledged. */
  reprocessIds: string[];
}

/**
 * The api's side of the pull protocol, as the contract describes it: a claim leases up to `max`
 * waiting commands (of the `automations` asked for) to the caller; an ack of a leased command
 * removes it for good. `expireLeases()` plays the lease running out: every leased, unacknowledged
 * command is offered again, with the same reprocessId. Claim and ack plans are separate queues,
 * used up one per request of their kind.
 */
export class FakeCommands {
  readonly claims: CommandsRequestSeen[] = [];
  readonly acks: CommandsRequestSeen[] = [];
  /** Every reprocessId acknowledged, each once. */
  readonly acknowledged = new Set<string>();
  /** The token lacks the `commands` capability: every request is answered 403. */
  forbidden = false;
  #waiting: unknown[] = [];
  readonly #leased = new Map<string, unknown>();
  readonly #claimPlans: PlannedAnswer[] = [];
  readonly #ackPlans: PlannedAnswer[] = [];

  /** Commands (valid or not) waiting to be claimed, after those already waiting. */
  offer(...commands: unknown[]): void {
    this.#waiting.push(...commands);
  }

  planClaims(...answers: PlannedAnswer[]): void {
    this.#claimPlans.push(...answers);
  }

  planAcks(...answers: PlannedAnswer[]): void {
    this.#ackPlans.push(...answers);
  }

  /** The leases run out: leased, unacknowledged commands wait at the front again. */
  expireLeases(): void {
    this.#waiting = [...this.#leased.values(), ...this.#waiting];
    this.#leased.clear();
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Reprocess ids handed out by claims, in order (offers again included). */
  claimed(): string[] {
    return this.claims.flatMap((claim) => claim.reprocessIds);
  }

  handle(kind: 'claim' | 'ack', authorized: boolean, raw: Buffer, request: IncomingMessage, response: ServerResponse): void {
    const body: unknown = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
    const seen: CommandsRequestSeen = { body, answer: 200, reprocessIds: [] };
    (kind === 'claim' ? this.claims : this.acks).push(seen);
    const refusal = !authorized ? 401 : this.forbidden ? 403 : undefined;
    if (refusal !== undefined) {
      seen.answer = refusal;
      answer(
        response,
        refusal,
        JSON.stringify({ message: refusal === 401 ? 'The runtime token is missing, unknown, expired or revoked.' : 'The token lacks the commands capability.' }),
      );
      return;
    }
    const plan = (kind === 'claim' ? this.#claimPlans : this.#ackPlans).shift();
    if (plan?.store === true) {
      this.#work(kind, body, seen);
    }
    if (plan?.expireLeases === true) {
      this.expireLeases();
    }
    if (plan?.dropConnection === true) {
      seen.answer = 'dropped';
      request.socket.destroy();
      return;
    }
    if (plan?.status !== undefined) {
      seen.answer = plan.status;
      answer(response, plan.status, plan.body ?? JSON.stringify({ message: `planned ${plan.status}` }), {
        ...plan.headers,
        ...(plan.retryAfter === undefined ? {} : { 'retry-after': plan.retryAfter }),
      });
      return;
    }
    const result = this.#work(kind, body, seen);
    seen.answer = result.status;
    answer(response, result.status, JSON.stringify(result.body));
  }

  #work(kind: 'claim' | 'ack', body: unknown, seen: CommandsRequestSeen): { status: number; body: unknown } {
    return kind === 'claim' ? this.#claim(body, seen) : this.#ack(body, seen);
  }

  #claim(body: unknown, seen: CommandsRequestSeen): { status: number; body: unknown } {
    const parsed = claimCommandsRequestV1.safeParse(body);
    if (!parsed.success) {
      return { status: 400, body: { message: parsed.error.message } };
    }
    const { max, automations } = parsed.data;
    const handedOut: unknown[] = [];
    this.#waiting = this.#waiting.filter((command) => {
      const fits = handedOut.length < max && (automations === undefined || automations.includes(fieldOf(command, 'automation')));
      if (fits) {
        handedOut.push(command);
      }
      return !fits;
    });
    for (const command of handedOut) {
      const reprocessId = fieldOf(command, 'reprocessId');
      seen.reprocessIds.push(reprocessId);
      this.#leased.set(reprocessId === '?' ? `?${this.#leased.size}` : reprocessId, command);
    }
    return { status: 200, body: { commands: handedOut } };
  }

  #ack(body: unknown, seen: CommandsRequestSeen): { status: number; body: unknown } {
    const parsed = ackCommandsRequestV1.safeParse(body);
    if (!parsed.success) {
      return { status: 400, body: { message: parsed.error.message } };
    }
    let acknowledged = 0;
    for (const reprocessId of parsed.data.reprocessIds) {
      seen.reprocessIds.push(reprocessId);
      if (this.#leased.delete(reprocessId)) {
        acknowledged += 1;
        this.acknowledged.add(reprocessId);
      }
    }
    return { status: 200, body: { acknowledged } };
  }
}

function fieldOf(command: unknown, field: string): string {
  const value = typeof command === 'object' && command !== null ? (command as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : '?';
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function decodeEvents(raw: Buffer, contentEncoding: string | undefined, contentType: string | undefined): unknown[] {
  const text = (contentEncoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  if (contentType?.startsWith('application/x-ndjson') === true) {
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line): unknown => JSON.parse(line));
  }
  const body: unknown = JSON.parse(text);
  return Array.isArray(body) ? body : [body];
}
