import { ingestEventV2, type IngestEventV2 } from '@roundhouse/contracts';
import { afterEach, beforeEach } from 'vitest';
import type { RoundhouseClientOptions } from '../src/client-options.js';
import type { DiagnosticCode, RoundhouseDiagnostic } from '../src/diagnostics.js';
import { RoundhouseClient } from '../src/roundhouse-client.js';
import { FakeIngestApi, type FakeIngestApiOptions } from './fake-ingest-api.js';

/**
 * What the SDK's specs share: a fake api started before each test and closed after it, and
 * clients of it whose waits, jitter and clock the test controls. A spec calls useFakeIngestApi()
 * once at its top; `api` is then the current test's fake api.
 */

export const TOKEN = 'rh_rt_sdk-test-4b1d2c9e7f';
export const AUTOMATION = 'invoice-generation';
export const T0 = new Date('2026-11-27T08:00:00Z');

/** The current test's fake api (a live binding: restartApi() replaces it). */
export let api: FakeIngestApi;
const clients: RoundhouseClient[] = [];

/** Starts a fake api before each test of the calling spec; after each, shuts its clients down and closes the api. */
export function useFakeIngestApi(): void {
  beforeEach(async () => {
    api = await FakeIngestApi.start({ token: TOKEN });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.shutdown()));
    await api.close();
  });
}

/** Replaces the current test's fake api with one started with `options` (the token stays TOKEN). */
export async function restartApi(options: Omit<FakeIngestApiOptions, 'token'>): Promise<void> {
  await api.close();
  api = await FakeIngestApi.start({ token: TOKEN, ...options });
}

/** Shuts `client` down after the test. */
export function shutDownAfterTest(client: RoundhouseClient): RoundhouseClient {
  clients.push(client);
  return client;
}

/** A clock the test moves by hand. */
export function manualClock(start = T0): { clock: () => Date; advance: (ms: number) => void } {
  let now = start.getTime();
  return { clock: () => new Date(now), advance: (ms) => (now += ms) };
}

export interface Harness {
  client: RoundhouseClient;
  /** Every wait the client asked for between attempts, in ms (the waits themselves are skipped). */
  delays: number[];
  diagnostics: RoundhouseDiagnostic[];
  codes: () => DiagnosticCode[];
}

/**
 * A client of the fake api. Sends only on size or flush() unless the test sets flushIntervalMs;
 * waits between attempts are recorded instead of waited; jitter draws 0.5.
 */
export function harness(options: Partial<RoundhouseClientOptions> = {}): Harness {
  const delays: number[] = [];
  const diagnostics: RoundhouseDiagnostic[] = [];
  const client = new RoundhouseClient({
    url: api.url,
    token: TOKEN,
    flushIntervalMs: 3_600_000,
    clock: manualClock().clock,
    random: () => 0.5,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    onDiagnostic: (diagnostic) => diagnostics.push(diagnostic),
    ...options,
  });
  shutDownAfterTest(client);
  return { client, delays, diagnostics, codes: () => diagnostics.map((d) => d.code) };
}

/** Reports `count` KPI measurements whose values are 0, 1, 2…: the order is visible at the server. */
export function measureMany(client: RoundhouseClient, count: number, from = 0): void {
  for (let index = 0; index < count; index += 1) {
    client.measure(AUTOMATION, 'close-to-invoice-time', from + index);
  }
}

export function storedValues(): number[] {
  return api.storedEvents().flatMap((event) => (event.type === 'kpi_measurement' ? [event.value] : []));
}

/** Every event the server received, raw, checked against the contract. */
export function receivedEvents(): IngestEventV2[] {
  return api.requests.flatMap((request) => request.events).map((event) => ingestEventV2.parse(event));
}

/** Every event the api stored, checked against the contract. */
export function storedEvents(): IngestEventV2[] {
  return api.storedEvents().map((event) => ingestEventV2.parse(event));
}
