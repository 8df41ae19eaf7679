import type { DashboardDateRange } from '@roundhouse/contracts';
import type { ResolvedRange } from '../kpi-range.js';
import type { KpiReportResult, KpiTrendResult, ProgramTotalsResult } from '../kpis.service.js';
import type { SkippedReason } from '../program-totals.js';
import type { DateRangeSpecType, ResolvedDateRangeType } from './date-range.type.js';
import type { KpiReportType, KpiTrendType } from './kpi-report.type.js';
import type { ProgramTotalsType } from './program-totals.type.js';

export function toDateRangeSpec(spec: DashboardDateRange): DateRangeSpecType {
  return { last: spec.last ?? null, from: spec.from ?? null, to: spec.to ?? null };
}

export function toResolvedDateRange(range: ResolvedRange): ResolvedDateRangeType {
  return { start: range.from, end: range.to, days: range.days, label: range.label };
}

export function toKpiReport(report: KpiReportResult): KpiReportType {
  const { kpi, comparison } = report;
  const { improvement, progress } = comparison;
  return {
    automation: report.automation.slug,
    automationTitle: report.automation.title,
    name: kpi.name,
    title: kpi.title,
    unit: kpi.unit,
    direction: kpi.direction,
    source: kpi.source,
    currency: kpi.currency ?? null,
    target: kpi.target,
    baseline: comparison.baseline,
    baselineNote: kpi.baseline.note,
    baselineFrom: kpi.baseline.from ?? null,
    baselineTo: kpi.baseline.to ?? null,
    after: comparison.after,
    coverage: comparison.coverage,
    partial: comparison.partial,
    noData: comparison.noData,
    delta: comparison.delta,
    change: comparison.change,
    improvementPercent: improvement.defined ? improvement.percent : null,
    progressPercent: progress.defined ? progress.percent : null,
    progressDisplayPercent: progress.defined ? progress.displayPercent : null,
    targetReached: progress.defined ? progress.reached : null,
    caveat: report.caveat,
    howComputed: report.howComputed,
    range: toResolvedDateRange(report.range),
  };
}

export function toKpiTrend(trend: KpiTrendResult): KpiTrendType {
  return { kpi: toKpiReport(trend.report), interval: trend.interval, points: trend.points.map((p) => ({ at: p.at, value: p.value })) };
}

const SKIPPED_WORDS: Readonly<Record<SkippedReason, string>> = {
  no_data: 'no data in the range',
  no_baseline: 'no baseline measured',
  no_minutes_per_touch: 'minutes per touch not set',
};

export function toProgramTotals(totals: ProgramTotalsResult): ProgramTotalsType {
  const title = (automation: string, kpi: string) => totals.kpiTitles.get(`${automation}/${kpi}`) ?? kpi;
  return {
    hoursSaved: totals.hoursSaved,
    hoursSavedItems: totals.hoursItems.map((item) => ({ ...item, kpiTitle: title(item.automation, item.kpi) })),
    money: totals.money.map((total) => ({
      currency: total.currency,
      unit: total.unit,
      kind: total.kind,
      before: total.before,
      after: total.after,
      change: total.change,
      items: total.items.map((item) => ({
        automation: item.automation,
        kpi: item.kpi,
        kpiTitle: title(item.automation, item.kpi),
        currency: item.currency,
        unit: item.unit,
        kind: item.kind,
        before: item.before,
        after: item.after,
        change: item.change,
      })),
    })),
    skipped: totals.skipped.map((s) => ({ automation: s.automation, kpi: s.kpi, kpiTitle: title(s.automation, s.kpi), reason: SKIPPED_WORDS[s.reason] })),
  };
}
