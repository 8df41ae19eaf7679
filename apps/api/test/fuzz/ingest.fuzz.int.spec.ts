import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { INGEST_MAX_EVENTS, INGEST_OUTCOME_STATUS, INGEST_PATH, ingestEventV1, type IngestResponse } from '@roundhouse/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../src/catalog/catalog.service.js';
import { isStorable } from '../../src/ingest/storable-json.js';
import { useTestApi } from '../harness.js';
import { attempt, createToken, deadLetter } from '../telemetry.js';
import { expectAlive, expectRefusal, headerText, oddJson, oddText, rowCounts, RUNS, send, UNLIMITED, withProtoKey, type Answer } from './fuzz.js';

const AUTOMATION = 'payout-reconciliation';

/** One valid event of each type, made afresh (new ids) for every run. */
function validEvents(): Record<string, unknown>[] {
  const now = new Date().toISOString();
  const base = () => ({ id: randomUUID(), automation: AUTOMATION, occurredAt: now });
  const [started, finished] = attempt(AUTOMATION);
  const [, failed] = attempt(AUTOMATION, { end: 'failed' });
  return [
    { ...started },
    { ...finished },
    { ...failed },
    { ...base(), type: 'heartbeat', instance: 'worker-1' },
    { ...base(), type: 'kpi_measurement', kpi: 'unmatched-lines', value: 3 },
    { ...base(), type: 'resilience', signal: 'retry', dependency: 'netsuite' },
    { ...deadLetter(AUTOMATION) },
  ];
}

/** Whether the api must take this event as it is (else it must quarantine or forbid it). */
function isValid(event: unknown): boolean {
  const sent: unknown = JSON.parse(JSON.stringify(event) ?? 'null');
  return isStorable(sent) && ingestEventV1.safeParse(sent).success;
}

/** An event of a random type with one field set to something else (or removed). */
const brokenEvent = fc
  .record({ which: fc.nat({ max: 6 }), field: fc.constantFrom('id', 'type', 'automation', 'occurredAt', 'runId', 'attempt', 'startedAt', 'durationMs', 'errorClass', 'errorMessage', 'outcome', 'kpi', 'value', 'signal', 'dependency', 'instance', 'messageId', 'source', 'payload', 'headers', 'attempts', 'extra'), value: fc.option(oddJson, { nil: undefined }) })
  .map(({ which, field, value }) => {
    const event = { ...validEvents()[which] };
    if (value === undefined) {
      delete event[field];
    } else {
      event[field] = value;
    }
    return event;
  });

const GZIP_BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));

describe('ingest under fuzzing', () => {
  const t = useTestApi(UNLIMITED);
  let token: string;

  beforeAll(async () => {
    await t.api.app.get(CatalogService).apply(path.join(t.api.config.repositoryRoot, 'catalog'), t.api.config.repositoryRoot);
    token = (await createToken(t.api, await t.api.signIn('ada'), { team: 'finance-ops' })).secret;
  });

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    send(t.api, INGEST_PATH, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body });

  /** Every event has an outcome; every one not taken says why. */
  function expectOutcomes(answer: Answer): IngestResponse {
    const body = answer.body as IngestResponse;
    expect([200, 403], JSON.stringify(body).slice(0, 500)).toContain(answer.status);
    expect(body.results.length).toBe(body.accepted + body.duplicates + body.quarantined + body.forbidden);
    body.results.forEach((result, index) => {
      expect(result.index).toBe(index);
      expect(result.status).toBe(INGEST_OUTCOME_STATUS[result.outcome]);
      if (result.outcome === 'quarantined' || result.outcome === 'forbidden') {
        expect(result.reason).toMatch(/\S{2,}/);
      }
    });
    return body;
  }

  /**
   * The answer to anything: never a 5xx; either outcomes per event, or a refusal with a sentence
   * that stored nothing. The api still answers afterwards.
   */
  async function expectHandled(request: () => Promise<Answer>): Promise<Answer> {
    const before = await rowCounts(t.db);
    const answer = await request();
    if (answer.status === 200 || (answer.status === 403 && Array.isArray((answer.body as IngestResponse).results))) {
      expectOutcomes(answer);
      if (answer.status === 403) {
        expect(await rowCounts(t.db)).toEqual(before);
      }
    } else {
      expectRefusal(answer);
      expect(await rowCounts(t.db)).toEqual(before);
    }
    await expectAlive(t.api);
    return answer;
  }

  it('answers malformed and odd bodies with a sentence, never a 5xx, storing nothing when it refuses', async () => {
    const body = fc.oneof(
      fc.string(),
      fc.json().chain((json) => fc.nat({ max: json.length }).map((cut) => json.slice(0, cut))),
      oddText,
      oddJson.map((value) => JSON.stringify(value) ?? ''),
      fc.nat({ max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
      fc.nat({ max: 3000 }).map((n) => `[${'{"a":'.repeat(n)}1${'}'.repeat(n)}]`),
    );
    await fc.assert(fc.asyncProperty(body, async (text) => void (await expectHandled(() => post(text)))), { numRuns: RUNS });
  });

  it('quarantines, with its reason, every event with a wrong type, a missing field or odd text in any field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(brokenEvent, { minLength: 1, maxLength: 5 }), async (events) => {
        const answer = await expectHandled(() => post(JSON.stringify(events)));
        if (answer.status === 413) {
          return;
        }
        const body = expectOutcomes(answer);
        events.forEach((event, index) => {
          if (!isValid(event)) {
            expect(['quarantined', 'forbidden'], JSON.stringify(event).slice(0, 300)).toContain(body.results[index]?.outcome);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps the prototype of every object clean whatever keys an event has', async () => {
    const own = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('__proto__', 'constructor', 'prototype'), oddJson, fc.nat({ max: 6 }), async (key, value, which) => {
        const event = JSON.stringify(validEvents()[which]);
        const text = key === '__proto__' ? withProtoKey(event, value) : `{"${key}":${JSON.stringify(value) ?? 'null'},${event.slice(1)}`;
        const answer = await expectHandled(() => post(`[${text}]`));
        if (answer.status === 200) {
          expect(expectOutcomes(answer).results[0]?.outcome).toBe('quarantined');
        }
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(own);
        expect(({} as Record<string, unknown>).automation).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('takes NDJSON line by line: a broken line is quarantined by itself', async () => {
    const line = fc.oneof(
      fc.constant(null).map(() => JSON.stringify(validEvents()[0])),
      brokenEvent.map((event) => JSON.stringify(event)),
      fc.string().map((s) => s.replace(/\n/g, ' ')),
      oddText.map((s) => s.replace(/\n/g, ' ')),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 20 }), fc.boolean(), async (lines, gzip) => {
        const text = lines.join('\n');
        const answer = await expectHandled(() => post(gzip ? gzipSync(text) : text, { 'content-type': 'application/x-ndjson', ...(gzip ? { 'content-encoding': 'gzip' } : {}) }));
        if (answer.status === 200) {
          const unparseable = (answer.body as IngestResponse).results.filter((r) => r.reason?.match(/^line \d+ is not JSON$/));
          unparseable.forEach((r) => expect(r.outcome).toBe('quarantined'));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses bodies that are not gzip, or too large once un-gzipped, without storing anything', async () => {
    const valid = JSON.stringify(validEvents());
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      fc.nat({ max: 200 }).map((cut) => gzipSync(valid).subarray(0, cut)),
      fc.constant(GZIP_BOMB),
      fc.constant(null).map(() => gzipSync(JSON.stringify(validEvents()))),
    );
    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const answer = await expectHandled(() => post(bytes, { 'content-encoding': 'gzip' }));
        if (bytes === GZIP_BOMB) {
          expect(answer.status).toBe(413);
          expect((answer.body as { error: { message: string } }).error.message).toBe('The body is larger than 8 MiB (8388608 bytes) once un-gzipped.');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a missing or garbage token with a 401 and takes any content type as JSON or NDJSON', async () => {
    const authorization = fc.oneof(
      fc.constant(undefined),
      headerText,
      headerText.map((s) => `Bearer ${s}`),
      fc.constantFrom('Bearer', 'Bearer ', 'bearer rh_rt_', 'Basic YWRhOmFkYQ==', 'Bearer rh_rt_00000000-0000-0000-0000-000000000000.garbage'),
    );
    const contentType = fc.oneof(fc.constant(undefined), headerText, fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain', 'application/json; charset=latin1', 'multipart/form-data; boundary=x'));
    await fc.assert(
      fc.asyncProperty(authorization, contentType, async (auth, type) => {
        const headers: Record<string, string> = { ...(auth === undefined ? {} : { authorization: auth }), ...(type === undefined ? {} : { 'content-type': type }) };
        const answer = await expectHandled(() => send(t.api, INGEST_PATH, { method: 'POST', headers, body: JSON.stringify(validEvents()) }));
        expect(answer.status).toBe(401);
      }),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(contentType, async (type) => {
        const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...(type === undefined ? {} : { 'content-type': type }) };
        await expectHandled(() => send(t.api, INGEST_PATH, { method: 'POST', headers, body: JSON.stringify(validEvents()) }));
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses too many events or too many bytes with a 413 naming the limit, storing nothing', async () => {
    const oversized = fc.oneof(
      fc.integer({ min: INGEST_MAX_EVENTS + 1, max: 3000 }).map((n) => JSON.stringify(Array.from({ length: n }, () => ({})))),
      fc.integer({ min: 1024 * 1024 + 1, max: 3 * 1024 * 1024 }).map((n) => JSON.stringify([{ ...validEvents()[3], instance: 'x'.repeat(n) }])),
      fc.integer({ min: 1024 * 1024 + 1, max: 2 * 1024 * 1024 }).map((n) => randomBytes(n)),
    );
    await fc.assert(
      fc.asyncProperty(oversized, async (body) => {
        const answer = await expectHandled(() => post(body));
        expect(answer.status).toBe(413);
        expect((answer.body as { error: { message: string } }).error.message).toMatch(/at most 1000 (events )?are allowed per request|larger than 1 MiB \(1048576 bytes\)/);
      }),
      { numRuns: 30 },
    );
  });
});
