import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { MINUTE, HOUR, histogramText } from '../../test/rollup-rows.js';

interface Span {
  succeeded: string;
  failed: string;
  minutes: string;
  histogram: number[] | null;
}

describe('hourly rollups and run_rollup_span', () => {
  let db: TestDatabase;
  /** An hour boundary in the past, so windows can start and end off the hour around it. */
  const base = new Date(Math.floor(Date.now() / HOUR) * HOUR - 10 * HOUR);
  const at = (ms: number) => new Date(base.getTime() + ms);

  beforeAll(async () => {
    db = await createTestDatabase();
    // Three hours of minutes: 1 success each, and a failure every 10th minute; durations in bucket 7.
    const rows = Array.from(
      { length: 180 },
      (_, k) => `('invoice-generation', '${at(k * MINUTE).toISOString()}', 1, ${k % 10 === 0 ? 1 : 0}, '${histogramText(7, k % 10 === 0 ? 2 : 1)}')`,
    );
    await db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, duration_histogram) VALUES ${rows.join(', ')}`);
  });
  afterAll(() => db.drop());

  async function span(from: Date, to: Date, withHistogram = true): Promise<Span> {
    const [row] = await db.query<Span & Record<string, unknown>>(`SELECT * FROM run_rollup_span('invoice-generation', $1, $2, $3)`, [from, to, withHistogram]);
    return row as Span;
  }

  it('keeps each hour equal to the sum of its minutes, through inserts, upserts and deletes', async () => {
    const hours = await db.query<{ hour: Date; succeeded: number; failed: number; minutes: number; h7: number }>(
      `SELECT hour, succeeded, failed, minutes, duration_histogram[8] AS h7 FROM run_rollup_hour WHERE automation_slug = 'invoice-generation' ORDER BY hour`,
    );
    expect(hours.map((h) => [h.hour.toISOString(), h.succeeded, h.failed, h.minutes, h.h7])).toEqual([
      [at(0).toISOString(), 60, 6, 60, 66],
      [at(HOUR).toISOString(), 60, 6, 60, 66],
      [at(2 * HOUR).toISOString(), 60, 6, 60, 66],
    ]);
    // An upsert into an existing minute (as ingest does) and a new minute in a new hour.
    await db.query(
      `INSERT INTO run_rollup_minute AS r (automation_slug, minute, succeeded, failed, duration_histogram)
       VALUES ('invoice-generation', $1, 4, 1, $3), ('invoice-generation', $2, 2, 0, $3)
       ON CONFLICT (automation_slug, minute) DO UPDATE SET succeeded = r.succeeded + EXCLUDED.succeeded, failed = r.failed + EXCLUDED.failed,
         duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram)`,
      [at(HOUR + 5 * MINUTE), at(4 * HOUR), histogramText(7, 5)],
    );
    await db.query(`DELETE FROM run_rollup_minute WHERE minute = $1`, [at(2 * HOUR)]);
    const after = await db.query<{ succeeded: number; failed: number; minutes: number; h7: number }>(
      `SELECT h.succeeded, h.failed, h.minutes, h.duration_histogram[8] AS h7 FROM run_rollup_hour h WHERE automation_slug = 'invoice-generation' ORDER BY hour`,
    );
    expect(after.map((h) => [h.succeeded, h.failed, h.minutes, h.h7])).toEqual([
      [60, 6, 60, 66],
      [64, 7, 60, 71],
      [59, 5, 59, 64],
      [2, 0, 1, 5],
    ]);
  });

  it('answers any window exactly as the minutes would: whole hours, edges, and windows inside one hour', async () => {
    const windows: [Date, Date][] = [
      [at(0), at(3 * HOUR)],
      [at(7 * MINUTE), at(2 * HOUR + 13 * MINUTE)],
      [at(HOUR + 5 * MINUTE), at(HOUR + 50 * MINUTE)],
      [at(-HOUR), at(5 * HOUR)],
      [at(30 * MINUTE), at(30 * MINUTE)],
    ];
    for (const [from, to] of windows) {
      const [expected] = await db.query<Span & Record<string, unknown>>(
        `SELECT coalesce(sum(succeeded), 0)::bigint::text AS succeeded, coalesce(sum(failed), 0)::bigint::text AS failed, count(*)::bigint::text AS minutes,
                CASE WHEN count(*) = 0 THEN NULL ELSE int_array_sum(duration_histogram) END AS histogram
           FROM run_rollup_minute WHERE automation_slug = 'invoice-generation' AND minute >= $1 AND minute < $2`,
        [from, to],
      );
      const actual = await span(from, to);
      expect(
        { succeeded: String(actual.succeeded), failed: String(actual.failed), minutes: String(actual.minutes), histogram: actual.histogram },
        `${from.toISOString()} – ${to.toISOString()}`,
      ).toEqual(expected);
    }
  });

  it('skips the histogram when it is not asked for', async () => {
    const withoutHistogram = await span(at(0), at(3 * HOUR), false);
    expect(withoutHistogram.histogram).toBeNull();
    expect(Number(withoutHistogram.succeeded)).toBeGreaterThan(0);
  });

  it('takes concurrent ingest upserts over the same hours without deadlocks, and stays exact', async () => {
    // Eight writers at once, each upserting (as ingest does, in key order) minutes across the same two
    // hours, some new and some existing — the mix that split statement triggers into opposite lock orders.
    const start = at(20 * HOUR);
    const writers = Array.from({ length: 8 }, (_, w) => w);
    const clients = await Promise.all(
      writers.map(async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        return client;
      }),
    );
    try {
      for (let round = 0; round < 5; round += 1) {
        await Promise.all(
          clients.map(async (client, w) => {
            const minutes = Array.from({ length: 6 }, (_, k) => new Date(start.getTime() + ((w * 7 + k * 19 + round * 5) % 120) * MINUTE)).sort(
              (a, b) => a.getTime() - b.getTime(),
            );
            const unique = [...new Set(minutes.map((m) => m.toISOString()))];
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO run_rollup_minute AS r (automation_slug, minute, succeeded, duration_histogram)
               SELECT 'concurrent', m, 1, $2::int[] FROM unnest($1::timestamptz[]) AS m
               ON CONFLICT (automation_slug, minute) DO UPDATE SET succeeded = r.succeeded + EXCLUDED.succeeded,
                 duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram)`,
              [unique, histogramText(3, 1)],
            );
            await client.query('COMMIT');
          }),
        );
      }
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    const [minutes] = await db.query<{ succeeded: number; h3: number }>(
      `SELECT sum(succeeded)::int AS succeeded, sum(duration_histogram[4])::int AS h3 FROM run_rollup_minute WHERE automation_slug = 'concurrent'`,
    );
    const [hours] = await db.query<{ succeeded: number; h3: number }>(
      `SELECT sum(succeeded)::int AS succeeded, sum(duration_histogram[4])::int AS h3 FROM run_rollup_hour WHERE automation_slug = 'concurrent'`,
    );
    expect(hours).toEqual(minutes);
    expect(minutes?.succeeded).toBeGreaterThan(100);
  });
});
