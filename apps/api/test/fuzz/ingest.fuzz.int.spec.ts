import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
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
  .record({
    which: fc.nat({ max: 6 }),
    field: fc.constantFrom(
      'id',
      'type',
      'automation',
      'occurredAt',
      'runId',
      'attempt',
      'startedAt',
      'durationMs',
      'errorClass',
      'errorMessage',
      'outcome',
      'kpi',
      'value',
      'signal',
      'dependency',
      'instance',
      'messageId',
      'source',
      'payload',
      'headers',
      'attempts',
      'extra',
    ),
    value: fc.option(oddJson, { nil: undefined }),
  })
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
const DEFLATE_BOMB = deflateSync(Buffer.alloc(64 * 1024 * 1024, ' '));
const RAW_DEFLATE_BOMB = deflateRawSync(Buffer.alloc(64 * 1024 * 1024, ' '));

const SECOND = 1000;
const DAY = 86_400_000;
/** The window the fuzzed api runs with (the defaults): 300 s ahead; 30 days back for runs and heartbeats, 366 for KPIs and dead letters. */
const SKEW_MS = 300 * SECOND;
const pastDays = (type: unknown) => (type === 'kpi_measurement' || type === 'dead_letter' ? 366 : 30);
/** Times this close to an edge of the window may fall either side by the time the api looks. */
const EDGE_MS = 5 * SECOND;

/** The same instant written in another offset (`+05:30`, `-12:00`). */
function inOffset(at: number, minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${new Date(at + minutes * 60_000).toISOString().slice(0, -1)}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Any ISO 8601 time from year 0 to 9999, times near now and near the window's edges, in odd but valid spellings, and spellings that are not valid. */
const anyTime = fc.oneof(
  fc.date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -400 * 86_400, max: 2 * 86_400 }).map((seconds) => new Date(Date.now() + seconds * SECOND).toISOString()),
  fc
    .constantFrom(-366 * DAY, -30 * DAY, SKEW_MS, 0)
    .chain((edge) => fc.integer({ min: -120, max: 120 }).map((seconds) => new Date(Date.now() + edge + seconds * SECOND).toISOString())),
  fc
    .tuple(fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }), fc.integer({ min: -14 * 60, max: 14 * 60 }))
    .map(([seconds, offset]) => inOffset(Date.now() + seconds * SECOND, offset)),
  fc.tuple(fc.integer({ min: -86_400, max: 86_400 }), fc.integer({ min: 0, max: 9 })).map(([seconds, digits]) => {
    const iso = new Date(Date.now() + seconds * SECOND).toISOString();
    return digits === 0 ? `${iso.slice(0, 19)}Z` : `${iso.slice(0, 20)}${'123456789'.slice(0, digits)}Z`;
  }),
  fc.constantFrom(
    '9999-12-31T23:59:59Z',
    '0001-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    'yesterday',
    '',
    '2026-12-07',
    '2026-12-07T00:00:00',
    '2026-12-07 00:00:00Z',
    '2026-12-07T24:00:00Z',
    '2026-12-07T00:00:60Z',
    '2026-W49-1T00:00:00Z',
    '1796601600000',
  ),
);

/** The times an event carries that the window applies to. */
function timeFields(event: Record<string, unknown>): string[] {
  return ['occurredAt', ...('startedAt' in event ? ['startedAt'] : []), ...(event.type === 'dead_letter' ? ['firstFailedAt'] : [])];
}

/** What ingest must answer for an event, by the test's own reading of the window; undefined near an edge. */
function expectedOutcome(event: Record<string, unknown>): 'accepted' | 'quarantined' | undefined {
  if (!isValid(event)) {
    return 'quarantined';
  }
  const now = Date.now();
  const earliest = now - pastDays(event.type) * DAY;
  const latest = now + SKEW_MS;
  const times = timeFields(event).flatMap((f) => (typeof event[f] === 'string' ? [Date.parse(event[f])] : []));
  if (times.some((at) => Math.abs(at - earliest) < EDGE_MS || Math.abs(at - latest) < EDGE_MS)) {
    return undefined;
  }
  return times.every((at) => at >= earliest && at <= latest) ? 'accepted' : 'quarantined';
}

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
    await fc.assert(
      fc.asyncProperty(body, async (text) => void (await expectHandled(() => post(text)))),
      { numRuns: RUNS },
    );
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

  it('takes events whose times are within the window and quarantines the rest, whatever the date or its spelling, never a 5xx', async () => {
    const timed = fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: 2 }), anyTime).map(([which, field, time]) => {
      const event = { ...validEvents()[which] };
      const fields = timeFields(event);
      event[fields[field % fields.length] ?? 'occurredAt'] = time;
      return event;
    });
    await fc.assert(
      fc.asyncProperty(fc.array(timed, { minLength: 1, maxLength: 5 }), async (events) => {
        const expected = events.map(expectedOutcome);
        const body = expectOutcomes(await expectHandled(() => post(JSON.stringify(events))));
        expected.forEach((outcome, index) => {
          if (outcome !== undefined) {
            expect(body.results[index]?.outcome, `${JSON.stringify(events[index])}: ${body.results[index]?.reason ?? ''}`).toBe(outcome);
          }
        });
      }),
      { numRuns: RUNS },
    );
    // Nothing outside the window reached runs, rollups, last-seen times, KPIs or dead letters.
    const [latest] = await t.db.query<Record<string, Date | null>>(
      `SELECT (SELECT max(started_at) FROM run) AS run, (SELECT max(finished_at) FROM run) AS finished, (SELECT max(minute) FROM run_rollup_minute) AS rollup,
              (SELECT max(greatest(last_heartbeat_at, last_success_at)) FROM automation_activity) AS activity, (SELECT max(measured_at) FROM kpi_measurement) AS kpi,
              (SELECT max(last_failed_at) FROM dead_letter) AS dead_letter`,
    );
    const [earliest] = await t.db.query<Record<string, Date | null>>(
      `SELECT (SELECT min(started_at) FROM run) AS run, (SELECT min(measured_at) FROM kpi_measurement) AS kpi, (SELECT min(first_failed_at) FROM dead_letter) AS dead_letter`,
    );
    Object.values(latest ?? {}).forEach((at) => expect(at?.getTime() ?? 0).toBeLessThanOrEqual(Date.now() + SKEW_MS));
    Object.values(earliest ?? {}).forEach((at) => expect(at?.getTime() ?? Date.now()).toBeGreaterThanOrEqual(Date.now() - 366 * DAY - 60 * SECOND));
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

  it('refuses bodies that are not deflate, or too large once inflated, and codings it does not take, without storing anything', async () => {
    const valid = JSON.stringify(validEvents());
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
      fc.nat({ max: 200 }).map((cut) => deflateSync(valid).subarray(0, cut)),
      fc.nat({ max: 200 }).map((cut) => deflateRawSync(valid).subarray(0, cut)),
      fc.constantFrom(DEFLATE_BOMB, RAW_DEFLATE_BOMB),
      fc.constant(null).map(() => deflateSync(JSON.stringify(validEvents()))),
      fc.constant(null).map(() => deflateRawSync(JSON.stringify(validEvents()))),
    );
    const coding = fc.oneof(
      { arbitrary: fc.constantFrom('deflate', 'DEFLATE', ' deflate '), weight: 4 },
      fc.constantFrom('br', 'zstd', 'compress', 'deflate, gzip', 'gzip, gzip'),
      headerText,
    );
    await fc.assert(
      fc.asyncProperty(body, coding, async (bytes, encoding) => {
        const answer = await expectHandled(() => post(bytes, { 'content-encoding': encoding }));
        if ((bytes === DEFLATE_BOMB || bytes === RAW_DEFLATE_BOMB) && encoding.trim().toLowerCase() === 'deflate') {
          expect(answer.status).toBe(413);
          expect((answer.body as { error: { message: string } }).error.message).toBe('The body is larger than 8 MiB (8388608 bytes) once inflated.');
        }
        if (['br', 'zstd', 'compress', 'deflate, gzip', 'gzip, gzip'].includes(encoding)) {
          expect(answer.status).toBe(415);
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
    const contentType = fc.oneof(
      fc.constant(undefined),
      headerText,
      fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain', 'application/json; charset=latin1', 'multipart/form-data; boundary=x'),
    );
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
