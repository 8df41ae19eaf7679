import { Inject, Injectable } from '@nestjs/common';
import type { DashboardTrendInterval, Kpi } from '@roundhouse/contracts';
import { AutomationNotFoundError } from '../automations/index.js';
import { compareKpi, kpiBaseline, type KpiComparison } from './kpi-comparison.js';
import { kpiWindow, type TimeWindow } from './kpi-window.js';
import { rangeOrDefault, resolveRange, trendPlan, type DateRangeArgs, type ResolvedRange, type TrendPlan } from './kpi-range.js';
import { bucketValue, kpiCaveat, kpiHowComputed, kpiValue, type KpiValue, type SeriesFacts } from './kpi-values.js';
import { KpiNotFoundError } from './kpis.errors.js';
import { KpiDefinitions } from './kpi-definitions.js';
import { KpisRepository, type AutomationKpis, type SeriesRequest, type TrendSeriesRequest } from './kpis.repository.js';
import { programTotals, type ProgramKpi, type ProgramTotals } from './program-totals.js';

/** One KPI of one automation over a range: before, after, the comparison and its words. */
export interface KpiReportResult {
  automation: AutomationKpis;
  kpi: Kpi;
  range: ResolvedRange;
  after: KpiValue;
  comparison: KpiComparison;
  caveat: string | null;
  howComputed: string;
}

export interface KpiTrendPointResult {
  at: Date;
  value: number | null;
}

export interface KpiTrendResult {
  report: KpiReportResult;
  interval: DashboardTrendInterval;
  points: KpiTrendPointResult[];
}

/** What to compute in one batch: reports, trends, and plain run totals over the range. */
export interface KpiAsk {
  reports: readonly { automation: string; kpi: string }[];
  trends: readonly { automation: string; kpi: string; interval: DashboardTrendInterval }[];
  /** Automations whose run totals over the range are wanted (e.g. for SLO attainment), with the duration histogram or not. */
  runTotals: readonly { automation: string; histogram: boolean }[];
}

export interface KpiBatch {
  /** Null when the automation or KPI is not in the catalog. */
  report(automation: string, kpi: string): KpiReportResult | null;
  trend(automation: string, kpi: string, interval: DashboardTrendInterval): KpiTrendResult | null;
  runTotals(automation: string): SeriesFacts | null;
}

export interface ProgramTotalsResult extends ProgramTotals {
  /** KPI titles by `automation/kpi`, for the items. */
  kpiTitles: Map<string, string>;
}

/** The range of `automationKpis` and `kpiTrend` when none is asked. */
const DEFAULT_RANGE = { last: '30d' };

/** Cycle times are read from the duration histogram; the other KPIs need only counts. */
const needsHistogram = (kpi: Kpi) => kpi.source === 'cycle_time_p50' || kpi.source === 'cycle_time_p95';

const seriesKey = (automation: string, kpi: Kpi | null, window: TimeWindow) =>
  `${kpi === null || kpi.source !== 'measurement' ? 'runs' : `m:${kpi.name}`}|${automation}|${window.from.toISOString()}|${window.to.toISOString()}`;

function baselineWindow(kpi: Kpi, now: Date): TimeWindow | null {
  const { value, from, to } = kpi.baseline;
  return value === undefined && from !== undefined && to !== undefined ? kpiWindow({ from, to }, now) : null;
}

/** Before/after KPI reports, trends and program totals, each answered from the rollups in few queries. */
@Injectable()
export class KpisService {
  constructor(
    @Inject(KpisRepository) private readonly kpis: KpisRepository,
    @Inject(KpiDefinitions) private readonly definitions: Pick<KpiDefinitions, 'of'>,
  ) {}

  /** Automations by slug (those in the catalog, not archived), with their KPI and SLO definitions. */
  automations(slugs: readonly string[]): Promise<Map<string, AutomationKpis>> {
    return this.definitions.of([...new Set(slugs)]);
  }

  /** Every KPI of an automation over a range (its default when not given: the last 30 days). */
  async automationKpis(slug: string, range: DateRangeArgs | null | undefined, now: Date = new Date()): Promise<KpiReportResult[]> {
    const resolved = resolveRange(rangeOrDefault(range, DEFAULT_RANGE), now);
    const automation = await this.automation(slug);
    const ask = { reports: automation.kpis.map((kpi) => ({ automation: slug, kpi: kpi.name })), trends: [], runTotals: [] };
    const batch = await this.evaluate(new Map([[slug, automation]]), ask, resolved, now);
    return automation.kpis.map((kpi) => batch.report(slug, kpi.name)).filter((report) => report !== null);
  }

  /** One KPI over a range, point by point. An interval with too many points is an InputError. */
  async kpiTrend(slug: string, kpiName: string, range: DateRangeArgs | null | undefined, interval: DashboardTrendInterval, now: Date = new Date()): Promise<KpiTrendResult> {
    const resolved = resolveRange(rangeOrDefault(range, DEFAULT_RANGE), now);
    trendPlan(resolved, interval);
    const automation = await this.automation(slug);
    if (!automation.kpis.some((kpi) => kpi.name === kpiName)) {
      throw new KpiNotFoundError(
        slug,
        kpiName,
        automation.kpis.map((kpi) => kpi.name),
      );
    }
    const batch = await this.evaluate(new Map([[slug, automation]]), { reports: [], trends: [{ automation: slug, kpi: kpiName, interval }], runTotals: [] }, resolved, now);
    const trend = batch.trend(slug, kpiName, interval);
    if (trend === null) {
      throw new KpiNotFoundError(
        slug,
        kpiName,
        automation.kpis.map((kpi) => kpi.name),
      );
    }
    return trend;
  }

  /**
   * Computes everything asked in two queries (window totals, trend buckets), run side by side. KPIs
   * of automations not in `automations` are answered with null.
   */
  async evaluate(automations: ReadonlyMap<string, AutomationKpis>, ask: KpiAsk, range: ResolvedRange, now: Date): Promise<KpiBatch> {
    const find = (slug: string, name: string) => {
      const automation = automations.get(slug);
      const kpi = automation?.kpis.find((k) => k.name === name);
      return automation === undefined || kpi === undefined ? null : { automation, kpi };
    };
    const wanted = [...ask.reports, ...ask.trends].map((a) => find(a.automation, a.kpi)).filter((f) => f !== null);
    const series = new Map<string, SeriesRequest>();
    const addSeries = (automation: string, kpi: Kpi | null, window: TimeWindow, histogram: boolean) => {
      const key = seriesKey(automation, kpi, window);
      const withHistogram = histogram || (series.get(key)?.histogram ?? false);
      series.set(key, { key, automation, kpi: kpi === null || kpi.source !== 'measurement' ? null : kpi.name, from: window.from, to: window.to, histogram: withHistogram });
    };
    for (const { automation, kpi } of wanted) {
      addSeries(automation.slug, kpi, range, needsHistogram(kpi));
      const base = baselineWindow(kpi, now);
      if (base !== null) {
        addSeries(automation.slug, kpi, base, needsHistogram(kpi));
      }
    }
    for (const totals of ask.runTotals) {
      addSeries(totals.automation, null, range, totals.histogram);
    }
    const plans = new Map<string, { request: TrendSeriesRequest; plan: TrendPlan }>();
    for (const t of ask.trends) {
      const found = find(t.automation, t.kpi);
      if (found !== null) {
        const plan = trendPlan(range, t.interval);
        const key = `${t.automation}|${t.kpi}|${t.interval}`;
        const kpi = found.kpi.source === 'measurement' ? found.kpi.name : null;
        const request = { key, automation: t.automation, kpi, from: range.from, to: range.to, histogram: needsHistogram(found.kpi), origin: plan.origin, stepMs: plan.stepMs };
        plans.set(key, { request, plan });
      }
    }
    const [facts, buckets] = await Promise.all([this.kpis.series([...series.values()]), this.kpis.trends([...plans.values()].map((p) => p.request))]);
    const factsOf = (automation: string, kpi: Kpi | null, window: TimeWindow): SeriesFacts => {
      const found = facts.get(seriesKey(automation, kpi, window));
      if (found === undefined) {
        throw new RangeError(`No facts were read for ${seriesKey(automation, kpi, window)}`);
      }
      return found;
    };
    const reports = new Map<string, KpiReportResult>();
    const report = (slug: string, name: string): KpiReportResult | null => {
      const found = find(slug, name);
      if (found === null) {
        return null;
      }
      const key = `${slug}|${name}`;
      const existing = reports.get(key);
      if (existing !== undefined) {
        return existing;
      }
      const made = this.report(found.automation, found.kpi, range, now, factsOf);
      reports.set(key, made);
      return made;
    };
    return {
      report,
      trend: (slug, name, interval) => {
        const planned = plans.get(`${slug}|${name}|${interval}`);
        const made = report(slug, name);
        if (planned === undefined || made === null) {
          return null;
        }
        const byBucket = buckets.get(planned.request.key) ?? new Map<number, SeriesFacts>();
        const firstDataAt = factsOf(slug, made.kpi, range).firstDataAt;
        const points = planned.plan.buckets.map((bucket, index) => ({ at: bucket.at, value: bucketValue(made.kpi, byBucket.get(index), bucket, firstDataAt, now) }));
        return { report: made, interval, points };
      },
      runTotals: (slug) => facts.get(seriesKey(slug, null, range)) ?? null,
    };
  }

  /** Program totals over the reports of every KPI of `automations` (reports from the same batch). */
  programTotals(automations: readonly AutomationKpis[], batch: KpiBatch): ProgramTotalsResult {
    const entries: ProgramKpi[] = [];
    const kpiTitles = new Map<string, string>();
    for (const automation of automations) {
      for (const kpi of automation.kpis) {
        const made = batch.report(automation.slug, kpi.name);
        if (made !== null) {
          kpiTitles.set(`${automation.slug}/${kpi.name}`, kpi.title);
          entries.push({ automation: automation.slug, kpi, baseline: made.comparison.baseline, after: made.comparison.after, days: made.after.days });
        }
      }
    }
    return { ...programTotals(entries), kpiTitles };
  }

  private report(automation: AutomationKpis, kpi: Kpi, range: ResolvedRange, now: Date, factsOf: (a: string, k: Kpi, w: TimeWindow) => SeriesFacts): KpiReportResult {
    const after = kpiValue(kpi, factsOf(automation.slug, kpi, range), range, now);
    const base = baselineWindow(kpi, now);
    const measured = base === null ? null : kpiValue(kpi, factsOf(automation.slug, kpi, base), base, now).value;
    const comparison = compareKpi({ direction: kpi.direction, baseline: kpiBaseline(kpi, measured), target: kpi.target, after: { value: after.value, coverage: after.coverage } });
    return { automation, kpi, range, after, comparison, caveat: kpiCaveat(kpi, comparison, after.reason), howComputed: kpiHowComputed(kpi, after) };
  }

  private async automation(slug: string): Promise<AutomationKpis> {
    const automation = (await this.definitions.of([slug])).get(slug);
    if (automation === undefined) {
      throw new AutomationNotFoundError(slug);
    }
    return automation;
  }
}
