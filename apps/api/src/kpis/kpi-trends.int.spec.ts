import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/harness.js';
import { MINUTE, HOUR, DAY, histogramText } from '../../test/rollup-rows.js';
import type { AppConfig } from '../config/app.config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { Database } from '../database/database.js';
import { ReadReplica } from '../database/read-replica.js';
import { HISTOGRAM_BUCKETS } from '../runs/duration-histogram.js';
import { trendPlan } from './kpi-range.js';
import type { SeriesFacts } from './kpi-values.js';
import { KpisRepository, type TrendSeriesRequest } from './kpis.repository.js';

const SLUG = 'invoice-generation';

interface Totals {
  succeeded: number;
  failed: number;
  manualTouches: number;
  minutes: number;
  histogram: number[] | null;
}

describe('trend buckets over the minute, hour and sealed-day rollups', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kpis: KpisRepository;
  /** A UTC midnight twelve days ago; minutes cover the ten days from it, the last four not sealed. */
  const base = new Date(Math.floor(Date.now() / DAY) * DAY - 12 * DAY);
  const at = (ms: number) => new Date(base.getTime() + ms);

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
    kpis = new KpisRepository(new Database(dataSource, new ReadReplica(dataSource, {} as AppConfig)));
    // A fresh database: nothing sealed yet, so the mark may be put anywhere. Days before base + 6 days are sealed.
    await db.query(`UPDATE run_rollup_day_sealed SET through = $1`, [at(6 * DAY)]);
    // Ten days of minutes every 11 minutes (so no hour or day has the same minutes), varied counts and buckets.
    const rows = Array.from({ length: Math.floor((10 * DAY) / (11 * MINUTE)) }, (_, k) => {
      const minute = at(k * 11 * MINUTE).toISOString();
      return `('${SLUG}', '${minute}', ${1 + (k % 4)}, ${k % 9 === 0 ? 1 : 0}, ${k % 13 === 0 ? 1 : 0}, '${histogramText(k % 60, 1 + (k % 3))}')`;
    });
    await db.query(`INSERT INTO run_rollup_minute (automation_slug, minute, succeeded, failed, manual_touches, duration_histogram) VALUES ${rows.join(', ')}`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  /** What each bucket of the plan holds, summed straight from the minutes: only buckets with any. */
  async function fromMinutes(buckets: readonly { from: Date; to: Date }[]): Promise<Map<number, Totals>> {
    const expected = new Map<number, Totals>();
    for (const [index, bucket] of buckets.entries()) {
      const [row] = await db.query<{ succeeded: number; failed: number; manual_touches: number; minutes: number; histogram: number[] | null }>(
        `SELECT coalesce(sum(succeeded), 0)::int AS succeeded, coalesce(sum(failed), 0)::int AS failed, coalesce(sum(manual_touches), 0)::int AS manual_touches,
                count(*)::int AS minutes, int_array_sum(duration_histogram) AS histogram
           FROM run_rollup_minute WHERE automation_slug = '${SLUG}' AND minute >= $1 AND minute < $2`,
        [bucket.from, bucket.to],
      );
      if (row !== undefined && row.minutes > 0) {
        expected.set(index, { succeeded: row.succeeded, failed: row.failed, manualTouches: row.manual_touches, minutes: row.minutes, histogram: row.histogram });
      }
    }
    return expected;
  }

  it('gives each hourly, daily and weekly bucket what its minutes hold, for windows on and off the hour, across the sealed mark', async () => {
    const windows: [string, Date, Date][] = [
      ['rolling, off the minute', at(13 * HOUR + 7 * MINUTE + 31_000), at(9 * DAY + 2 * HOUR + 41 * MINUTE + 12_345)],
      ['whole days', at(DAY), at(8 * DAY)],
      ['before the data to after it', at(-2 * DAY - 5 * HOUR), at(11 * DAY + 3 * HOUR)],
      ['inside one hour', at(5 * DAY + 3 * HOUR + 4 * MINUTE), at(5 * DAY + 3 * HOUR + 50 * MINUTE)],
      ['the day before the mark to the day after', at(5 * DAY + 23 * HOUR + 59 * MINUTE), at(7 * DAY + 30 * MINUTE)],
    ];
    for (const [name, from, to] of windows) {
      for (const interval of ['hour', 'day', 'week'] as const) {
        const plan = trendPlan({ from, to }, interval);
        const request: TrendSeriesRequest = { key: 'runs', automation: SLUG, kpi: null, from, to, histogram: true, origin: plan.origin, stepMs: plan.stepMs };
        const actual = (await kpis.trends([request])).get('runs') ?? new Map<number, SeriesFacts>();
        const got = new Map(
          [...actual].map(([index, facts]) => [
            index,
            { succeeded: facts.runs.succeeded, failed: facts.runs.failed, manualTouches: facts.runs.manualTouches, minutes: facts.rollupMinutes, histogram: facts.runs.histogram },
          ]),
        );
        expect(got, `${name}, by ${interval}`).toEqual(await fromMinutes(plan.buckets));
      }
    }
  });

  it('leaves the histogram out when not asked for, and answers several series at once', async () => {
    const from = at(2 * DAY + 30 * MINUTE);
    const to = at(8 * DAY + 15 * MINUTE);
    const plan = trendPlan({ from, to }, 'day');
    const common = { automation: SLUG, kpi: null, from, to, origin: plan.origin, stepMs: plan.stepMs };
    const answer = await kpis.trends([
      { ...common, key: 'with', histogram: true },
      { ...common, key: 'without', histogram: false },
      { ...common, key: 'other automation', automation: 'crm-enrichment', histogram: true },
    ]);
    const withHistogram = [...(answer.get('with') ?? new Map<number, SeriesFacts>()).values()];
    const withoutHistogram = [...(answer.get('without') ?? new Map<number, SeriesFacts>()).values()];
    expect(withHistogram).toHaveLength(plan.buckets.length);
    expect(withoutHistogram.map((f) => [f.runs.succeeded, f.rollupMinutes])).toEqual(withHistogram.map((f) => [f.runs.succeeded, f.rollupMinutes]));
    // No histogram read: the empty one the repository puts in its place.
    expect(withoutHistogram.every((f) => f.runs.histogram.every((n) => n === 0))).toBe(true);
    expect(withHistogram.some((f) => f.runs.histogram.some((n) => n > 0))).toBe(true);
    expect(answer.get('other automation')?.size).toBe(0);
    // The statements' histogram sums are written out in migrations (CutRollupWindowsInOnePlace,
    // PlanKpiStatementsOnce): they must keep as many buckets as the api reads.
    const totals = (await kpis.series([{ key: 'total', automation: SLUG, kpi: null, from, to, histogram: true }])).get('total');
    expect(totals?.runs.histogram).toHaveLength(HISTOGRAM_BUCKETS);
    expect(withHistogram.every((f) => f.runs.histogram.length === HISTOGRAM_BUCKETS)).toBe(true);
  });
});
