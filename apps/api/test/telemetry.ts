import { randomUUID } from 'node:crypto';
import { combineAttempt, INGEST_PATH, INGEST_V2_PATH, type IngestEventV1Input, type IngestEventV2Input, type IngestResponse } from '@roundhouse/contracts';
import type { TestApi } from './harness.js';

/** Creates a runtime token through the GraphQL API as an owner or admin; returns the secret. */
export async function createToken(
  api: TestApi,
  cookie: string,
  input: { name?: string; team: string; automations?: string[]; capabilities?: string[]; expiresInDays?: number },
): Promise<{ id: string; secret: string }> {
  const result = await api.graphql<{ createRuntimeToken: { secret: string; token: { id: string } } }>(
    `mutation Create($input: CreateRuntimeTokenInput!) { createRuntimeToken(input: $input) { secret token { id } } }`,
    // Token names are unique among a team's tokens in effect: each unnamed one gets its own.
    { input: { name: input.name ?? `test runtime ${randomUUID()}`, ...input } },
    cookie,
  );
  if (result.data?.createRuntimeToken === undefined) {
    throw new Error(`token not created: ${JSON.stringify(result.errors)}`);
  }
  return { id: result.data.createRuntimeToken.token.id, secret: result.data.createRuntimeToken.secret };
}

/** Rotates a runtime token as an owner or admin; returns the new token's id and secret and the old one's new end. */
export async function rotateToken(
  api: TestApi,
  cookie: string,
  id: string,
  options: { overlapHours?: number; expiresInDays?: number } = {},
): Promise<{ id: string; secret: string; oldExpiresAt: string }> {
  const result = await api.graphql<{ rotateRuntimeToken: { secret: string; token: { id: string }; replaced: { expiresAt: string } } }>(
    `mutation Rotate($id: ID!, $overlapHours: Int, $expiresInDays: Int) { rotateRuntimeToken(id: $id, overlapHours: $overlapHours, expiresInDays: $expiresInDays) { secret token { id } replaced { expiresAt } } }`,
    { id, ...options },
    cookie,
  );
  if (result.data?.rotateRuntimeToken === undefined) {
    throw new Error(`token not rotated: ${JSON.stringify(result.errors)}`);
  }
  const rotated = result.data.rotateRuntimeToken;
  return { id: rotated.token.id, secret: rotated.secret, oldExpiresAt: rotated.replaced.expiresAt };
}

export async function ingest(
  api: TestApi,
  token: string,
  events: unknown[],
  headers: Record<string, string> = {},
  body?: Buffer | string,
  path: string = INGEST_PATH,
): Promise<{ status: number; body: IngestResponse & { error?: { code: string; message: string } } }> {
  const response = await fetch(`${api.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: body ?? JSON.stringify(events),
  });
  return { status: response.status, body: (await response.json()) as IngestResponse & { error?: { code: string; message: string } } };
}

/** The events of one attempt: started, then finished or failed. */
export function attempt(
  automation: string,
  options: { runId?: string; attempt?: number; correlationId?: string; startedAt?: Date; durationMs?: number; end?: 'succeeded' | 'retrying' | 'failed' | 'dead_lettered' } = {},
): IngestEventV1Input[] {
  const startedAt = options.startedAt ?? new Date();
  const durationMs = options.durationMs ?? 1200;
  const run = { automation, runId: options.runId ?? randomUUID(), attempt: options.attempt ?? 1, correlationId: options.correlationId, startedAt: startedAt.toISOString() };
  const finishedAt = new Date(startedAt.getTime() + durationMs).toISOString();
  const started: IngestEventV1Input = { id: randomUUID(), type: 'run_started', occurredAt: run.startedAt, ...run };
  const end = options.end ?? 'succeeded';
  const finished: IngestEventV1Input =
    end === 'succeeded'
      ? { id: randomUUID(), type: 'run_finished', occurredAt: finishedAt, ...run, durationMs }
      : { id: randomUUID(), type: 'run_failed', occurredAt: finishedAt, ...run, durationMs, errorClass: 'RateLimitError', errorMessage: 'NetSuite answered 429', outcome: end };
  return [started, finished];
}

/** Events sent to `POST /ingest/v2/events`. */
export function ingestV2(api: TestApi, token: string, events: unknown[]): ReturnType<typeof ingest> {
  return ingest(api, token, events, {}, undefined, INGEST_V2_PATH);
}

/** One attempt as one `run` event (version 2): the start and end `attempt` makes, joined. */
export function wholeAttempt(automation: string, options: Parameters<typeof attempt>[1] = {}): IngestEventV2Input {
  const [started, ended] = attempt(automation, options) as [
    Extract<IngestEventV1Input, { type: 'run_started' }>,
    Extract<IngestEventV1Input, { type: 'run_finished' | 'run_failed' }>,
  ];
  return combineAttempt(started, ended);
}

/** A dead letter as a runtime reports it. */
export function deadLetter(automation: string, overrides: Record<string, unknown> = {}): IngestEventV1Input {
  return {
    id: randomUUID(),
    type: 'dead_letter',
    automation,
    occurredAt: new Date().toISOString(),
    messageId: randomUUID(),
    source: { kind: 'rabbitmq', queue: 'payouts.reconcile.dlq', exchange: 'finance', routingKey: 'payout.settled' },
    payload: { payoutId: 'po_4711', psp: 'adyen', amount: { value: 1250.5, currency: 'EUR' }, iban: 'DE89370400440532013000' },
    headers: { 'x-death': 'count=5;reason=rejected;queue=payouts.reconcile' },
    errorClass: 'ValidationError',
    errorMessage: 'NetSuite refused payout po_4711: bank account 553 is closed',
    attempts: 5,
    ...overrides,
  };
}

/** One finished root span in OTLP/JSON (an ExportTraceServiceRequest), naming `automation`. */
export function otlpRun(automation: string, options: { traceId?: string; spanId?: string; startedAt?: Date; durationMs?: number } = {}): unknown {
  const start = BigInt((options.startedAt ?? new Date()).getTime()) * 1_000_000n;
  const end = start + BigInt(options.durationMs ?? 1200) * 1_000_000n;
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'access-matrix' } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: [
              {
                traceId: options.traceId ?? randomUUID().replace(/-/g, ''),
                spanId: options.spanId ?? randomUUID().replace(/-/g, '').slice(0, 16),
                name: 'run',
                kind: 1,
                startTimeUnixNano: start.toString(),
                endTimeUnixNano: end.toString(),
                attributes: [{ key: 'roundhouse.automation', value: { stringValue: automation } }],
                status: { code: 1 },
              },
            ],
          },
        ],
      },
    ],
  };
}
