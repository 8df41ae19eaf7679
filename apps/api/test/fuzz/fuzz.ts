import fc from 'fast-check';
import { expect } from 'vitest';
import type { TestApi, TestDatabase } from '../harness.js';

/** Runs per property: enough to find the usual crashes, few enough for the suite to stay quick. */
export const RUNS = 150;

/** The fuzz apis lift the rate limits so that a 429 never hides the answer under test. */
export const UNLIMITED = { ROUNDHOUSE_INGEST_RATE_LIMIT: '1000000', ROUNDHOUSE_INGEST_UNKNOWN_TOKEN_RATE_LIMIT: '1000000', ROUNDHOUSE_SIGN_IN_RATE_LIMIT: '1000000' };

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body; fails the property when the body is not JSON. */
  body: unknown;
}

export async function send(api: TestApi, path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${api.url}${path}`, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  return { status: response.status, headers: response.headers, body };
}

/** The sentence of an error answer: `{ error: { message } }`, `{ message }` (429) or GraphQL's `{ errors: [{ message }] }`. */
export function messageOf(body: unknown): string | undefined {
  const record = (body ?? {}) as { error?: { message?: unknown }; message?: unknown; errors?: { message?: unknown }[] };
  const message = record.error?.message ?? record.message ?? record.errors?.[0]?.message;
  return typeof message === 'string' ? message : undefined;
}

/** A client error that says, in a readable sentence, what was wrong. */
export function expectRefusal(answer: Answer): void {
  expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(400);
  expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(500);
  const message = messageOf(answer.body);
  expect(message, JSON.stringify(answer.body)).toMatch(/^\S.{8,}/s);
  expect(message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
}

export async function expectAlive(api: TestApi): Promise<void> {
  const health = await fetch(`${api.url}/healthz`);
  expect(health.status).toBe(200);
}

/** How many rows the tables a client can write to hold: compared before and after a refused request. */
export async function rowCounts(db: TestDatabase): Promise<Record<string, number>> {
  const tables = [
    'ingest_event',
    'run',
    'run_step',
    'run_rollup_minute',
    'kpi_measurement',
    'automation_activity',
    'quarantined_event',
    'dead_letter',
    'runtime_token',
    'automation',
    'audit_entry',
    'reprocess_request',
    'alert',
  ];
  const [row] = await db.query<Record<string, number>>(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return row ?? {};
}

/** Header-safe text (fetch refuses control characters in header values). */
export const headerText = fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));

/** Strings with what breaks storage and parsers: NUL, lone surrogates, emoji, right-to-left marks, long runs. */
export const oddText = fc.oneof(
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udc00y',
      '😀'.slice(0, 1),
      '\u202e\u2066',
      '\ufeff',
      '%00',
      '../../etc/passwd',
      "'; DROP TABLE run; --",
      '${7*7}',
      '__proto__',
      'constructor',
    ),
    weight: 3,
  },
  { arbitrary: fc.nat({ max: 100_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

/** Any JSON value, with odd strings and the keys that pollute prototypes. */
export const oddJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    oddText,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(oddText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'type')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** JSON text where `__proto__` really is a key (JSON.stringify of an object literal would drop it). */
export function withProtoKey(json: string, value: unknown): string {
  const inner = JSON.stringify(value) ?? 'null';
  return json.startsWith('{') && json !== '{}' ? `{"__proto__":${inner},${json.slice(1)}` : `{"__proto__":${inner}}`;
}
