import { RoundhouseClient } from '@roundhouse/sdk';
import { logNormal, type Random } from './random.js';

const DAY_MS = 86_400_000;

/** How a KPI the runtime measures itself got where it is: the agreed "before", the target, and when the automation took over. */
export interface KpiHistoryPlan {
  baseline: number;
  target: number;
  /** Daily values to make, one per day, the last one a day before now. */
  days: number;
  /** How many days ago the automation went live; the days before it sit at the baseline. */
  switchedOverDaysAgo: number;
}

/** The share of the way from baseline to target the automation settles at: the live simulation measures 60–95 % (`LiveSimulation.measureKpis`). */
export const SETTLED_PROGRESS = 0.78;
/** Days for the adoption curve to cover ~63 % of the way to where it settles (teams move over, edge cases get fixed). */
const ADOPTION_DAYS = 14;
/** Day-to-day noise: a log-normal spread of 8 %. */
const DAILY_SPREAD = 0.08;

/**
 * One value per day for a measured KPI, oldest first: value i is for the day `days − i` days ago.
 * Before the switch-over the process ran by hand, so the values sit at the baseline (with the same
 * noise); from then on they move toward the target along an adoption curve and settle at
 * `SETTLED_PROGRESS` of the way, where the live simulation carries on. Values stay at or above 0
 * when baseline and target are (counts, money, days).
 */
export function kpiHistory(plan: KpiHistoryPlan, random: Random): number[] {
  const { baseline, target, days, switchedOverDaysAgo } = plan;
  const values: number[] = [];
  for (let i = 0; i < days; i += 1) {
    const daysAgo = days - i;
    const sinceSwitchOver = switchedOverDaysAgo - daysAgo;
    const progress = sinceSwitchOver <= 0 ? 0 : SETTLED_PROGRESS * (1 - Math.exp(-sinceSwitchOver / ADOPTION_DAYS));
    const expected = baseline + (target - baseline) * progress;
    const value = logNormal(random, expected, DAILY_SPREAD);
    values.push(baseline >= 0 && target >= 0 ? Math.max(0, value) : value);
  }
  return values;
}

export interface MeasuredKpi {
  name: string;
  target: number;
  baseline: { value: number | null };
}

/**
 * Fills the last `days` days of an automation's measured KPIs with one value a day (`kpiHistory`), so
 * a dashboard's 30- or 90-day "after" is not a day of data flagged partial. The client's clock is
 * moved back to each day, as the run backfill does. Returns the measurements reported.
 */
export async function backfillKpiHistory(options: {
  url: string;
  token: string;
  slug: string;
  kpis: readonly MeasuredKpi[];
  random: Random;
  days: number;
  switchedOverDaysAgo: number;
  now: Date;
}): Promise<number> {
  const { slug, kpis, random, days, switchedOverDaysAgo, now } = options;
  let clock = now.getTime();
  const client = new RoundhouseClient({
    url: options.url,
    token: options.token,
    batchSize: 500,
    flushIntervalMs: 60_000,
    clock: () => new Date(clock),
    onDiagnostic: () => undefined,
  });
  let reported = 0;
  for (const kpi of kpis) {
    const baseline = kpi.baseline.value ?? kpi.target * 2;
    kpiHistory({ baseline, target: kpi.target, days, switchedOverDaysAgo }, random).forEach((value, i) => {
      // Measured once a day, up to four hours before the same time of day as now: the earliest value
      // is then at least `days` days old, so a range of that many days is fully covered.
      clock = now.getTime() - (days - i) * DAY_MS - Math.floor(random() * 4 * 3_600_000);
      client.measure(slug, kpi.name, Math.round(value * 100) / 100);
      reported += 1;
    });
  }
  await client.shutdown();
  return reported;
}
