import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { MINUTE, HOUR, DAY, histogramText } from '../../test/rollup-rows.js';
import type { AppConfig } from '../config/app.config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { Database } from '../database/database.js';
import { ReadReplica } from '../database/read-replica.js';
import { RunRollupDaysRepository } from './run-rollup-days.repository.js';

const SLUG = 'invoice-generation';

interface Totals {
  succeeded: string;
  failed: string;
  minutes: string;
  histogram: number[] | null;
}

describe('daily rollups (run_rollup_day) and run_rollup_span over them', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let days: RunRollupDaysRepository;
  /** A UTC midnight ten days ago; the minutes below cover five days from it. */
  const base = new Date(Math.floor(Date.now() / DAY) * DAY - 10 * DAY);
  const at = (ms: number) => new Date(base.getTime() + ms);

  /** Per day: the day row and the sum of that day's minutes, which must be equal. */
  async function daysAgainstMinutes(slug = SLUG) {
    return db.query<{ day: Date; day_row: string | null; minutes_sum: string }>(
      `WITH m AS (
         SELECT date_bin('1 day', minute, timestamptz '2000-01-01 00:00:00+00') AS day,
                jsonb_build_array(sum(succeeded), sum(failed), sum(dead_lettered), sum(manual_touches), count(*), int_array_sum(duration_histogram))::text AS sums
           FROM run_rollup_minute WHERE automation_slug = $1 AND minute < (SELECT through FROM run_rollup_day_sealed) GROUP BY 1
       ), d AS (
         SELECT day, jsonb_build_array(succeeded, failed, dead_lettered, manual_touches, minutes, duration_histogram)::text AS sums FROM run_rollup_day WHERE automation_slug = $1
       )
       SELECT coalesce(m.day, d.day) AS day, d.sums AS day_row, coalesce(m.sums, jsonb_build_array(0, 0, 0, 0, 0, array_fill(0, ARRAY[121]))::text) AS minutes_sum
         FROM m FULL JOIN d ON d.day = m.day ORDER BY 1`,
      [slug],
    );
  }

  async function expectDaysEqualTheirMinutes(slug = SLUG): Promise<number> {
    const rows = await daysAgainstMinutes(slug);
    for (const row of rows) {
      expect(row.day_row, row.day.toISOString()).toEqual(row.minutes_sum);
    }
    return rows.length;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
    // No replica: ReadReplica reads the primary until its onModuleInit finds DATABASE_REPLICA_URL.
    days = new RunRollupDaysRepository(new Database(dataSource, new ReadReplica(dataSource, {} as AppConfig)));
    // A fresh database: nothing to seal yet, so the mark may be put anywhere. Days before base + 3 days are sealed.
    await db.query(`UPDATE run_rollup_day_sealed SET through = $1`, [at(3 * DAY)]);
    // Five days of minutes every 7 minutes: successes, every 10th with a failure and a manual touch, in varied buckets.
    const rows = Array.from({ length: Math.floor((5 * DAY) / (7 * MINUTE)) }, (_, k) => {
      const minute = at(k * 7 * MINUTE).toISOString();
      return `('${SLUG}', '${minute}', ${1 + (k % 3)}, ${k % 10 === 0 ? 1 : 0}, ${k % 10 === 0 ? 1 : 0}, '${histogramText(k % 50, 1 + (k % 3))}')`;
    });
    await db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, manual_touches, duration_histogram) VALUES ${rows.join(', ')}`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('keeps each sealed day equal to the sum of its minutes as they are written, and writes no row for a day not sealed', async () => {
    expect(await expectDaysEqualTheirMinutes()).toBe(3);
    const [unsealed] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM run_rollup_day WHERE day >= $1`, [at(3 * DAY)]);
    expect(unsealed?.n).toBe(0);
  });

  it('seals the days that have ended from their hours, and only those', async () => {
    expect(await days.seal(at(4 * DAY + 5 * HOUR))).toEqual({ days: 1, through: at(4 * DAY) });
    expect(await days.seal(at(4 * DAY + 6 * HOUR))).toEqual({ days: 0, through: at(4 * DAY) });
    expect(await expectDaysEqualTheirMinutes()).toBe(4);
    expect(await days.seal(at(5 * DAY + 1 * HOUR))).toEqual({ days: 1, through: at(5 * DAY) });
    expect(await expectDaysEqualTheirMinutes()).toBe(5);
  });

  it('keeps sealed days exact through late upserts, deletes, and a run on a sealed day that had none', async () => {
    await db.query(
      `INSERT INTO run_rollup_minute AS r (automation_slug, minute, succeeded, failed, duration_histogram)
       VALUES ('${SLUG}', $1, 4, 1, $4), ('${SLUG}', $2, 2, 0, $4), ('${SLUG}', $3, 1, 1, $4)
       ON CONFLICT (automation_slug, minute) DO UPDATE SET succeeded = r.succeeded + EXCLUDED.succeeded, failed = r.failed + EXCLUDED.failed,
         duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram)`,
      [at(DAY + 7 * MINUTE * 3), at(2 * DAY + 3 * MINUTE), at(-2 * DAY + 30 * MINUTE), histogramText(60, 5)],
    );
    await db.query(`DELETE FROM run_rollup_minute WHERE automation_slug = '${SLUG}' AND minute = $1`, [at(3 * DAY + 7 * MINUTE * 11)]);
    // A minute moved to another day (not what ingest does, but the trigger allows it).
    await db.query(`UPDATE run_rollup_minute SET minute = $2 WHERE automation_slug = '${SLUG}' AND minute = $1`, [at(7 * MINUTE * 5), at(4 * DAY + 7 * MINUTE * 5 + 2 * MINUTE)]);
    expect(await expectDaysEqualTheirMinutes()).toBe(6);
  });

  it('answers any window exactly as the minutes would, whole sealed days or not', async () => {
    const windows: [Date, Date][] = [
      [at(0), at(5 * DAY)],
      [at(-3 * DAY), at(6 * DAY)],
      [at(7 * MINUTE), at(4 * DAY + 13 * MINUTE)],
      [at(5 * HOUR + 17 * MINUTE), at(3 * DAY + 22 * HOUR + 3 * MINUTE)],
      [at(DAY), at(2 * DAY)],
      [at(DAY + 30 * MINUTE), at(DAY + 23 * HOUR)],
      [at(DAY + 5 * MINUTE), at(DAY + 50 * MINUTE)],
      [at(4 * DAY + 2 * HOUR), at(5 * DAY + 3 * HOUR + 1 * MINUTE)],
      [at(2 * DAY), at(2 * DAY)],
    ];
    for (const [from, to] of windows) {
      const [expected] = await db.query<Totals & Record<string, unknown>>(
        `SELECT coalesce(sum(succeeded), 0)::bigint::text AS succeeded, coalesce(sum(failed), 0)::bigint::text AS failed, count(*)::bigint::text AS minutes,
                CASE WHEN count(*) = 0 THEN NULL ELSE int_array_sum(duration_histogram) END AS histogram
           FROM run_rollup_minute WHERE automation_slug = '${SLUG}' AND minute >= $1 AND minute < $2`,
        [from, to],
      );
      const [actual] = await db.query<Totals & Record<string, unknown>>(
        `SELECT succeeded::text, failed::text, minutes::text, histogram FROM run_rollup_span('${SLUG}', $1, $2, true)`,
        [from, to],
      );
      expect(actual, `${from.toISOString()} – ${to.toISOString()}`).toEqual(expected);
    }
    // The 30-day way of reading: the sealed days come from their rows, not from 24 hours each.
    const [plan] = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF, FORMAT JSON) SELECT * FROM run_rollup_span('${SLUG}', $1, $2, true)`, [
      at(0),
      at(5 * DAY),
    ]);
    expect(JSON.stringify(plan)).toContain('run_rollup_day');
  });

  it('takes concurrent writers into sealed days, and a sealing while they write, without deadlocks, and stays exact', async () => {
    const slug = 'concurrent-days';
    // Six writers upserting, in key order as ingest does, minutes across the sealed day boundary at base + 4 days and the day after.
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        return client;
      }),
    );
    try {
      for (let round = 0; round < 6; round += 1) {
        const writers = clients.map(async (client, w) => {
          const minutes = [...new Set(Array.from({ length: 8 }, (_, k) => at(4 * DAY - 2 * HOUR + ((w * 37 + k * 53 + round * 11) % (30 * 60)) * MINUTE).toISOString()))].sort();
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO run_rollup_minute AS r (automation_slug, minute, succeeded, duration_histogram)
             SELECT '${slug}', m, 1, $2::int[] FROM unnest($1::timestamptz[]) AS m
             ON CONFLICT (automation_slug, minute) DO UPDATE SET succeeded = r.succeeded + EXCLUDED.succeeded,
               duration_histogram = int_array_add(r.duration_histogram, EXCLUDED.duration_histogram)`,
            [minutes, histogramText(9, 1)],
          );
          await client.query('COMMIT');
        });
        // Half-way, the day after base + 4 days ends: sealed while the writers write into it.
        const sealing = round === 3 ? days.seal(at(6 * DAY + HOUR)) : Promise.resolve(null);
        await Promise.all([...writers, sealing]);
      }
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
    expect(await days.sealedThrough()).toEqual(at(6 * DAY));
    expect(await expectDaysEqualTheirMinutes(slug)).toBe(2);
  });
});
