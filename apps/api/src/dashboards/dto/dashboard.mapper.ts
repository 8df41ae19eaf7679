import { toDateRangeSpec, toKpiReport, toKpiTrend, toProgramTotals, toResolvedDateRange } from '../../kpis/dto/kpi-report.mapper.js';
import { toSloStatus } from '../../slos/dto/slo-status.mapper.js';
import type { DashboardRecord } from '../dashboards.repository.js';
import type { DashboardResult, PanelResult, SloRowResult } from '../dashboards.service.js';
import type { DashboardPanelType, DashboardSloRowType, DashboardSummaryType, DashboardType } from './dashboard.type.js';

export function toDashboardSummary(record: DashboardRecord): DashboardSummaryType {
  return {
    name: record.name,
    title: record.title,
    description: record.description,
    owner: record.owner,
    path: record.path,
    panelCount: record.spec.panels.length,
    defaultRange: toDateRangeSpec(record.spec.defaultRange),
  };
}

export function toDashboardSloRow(row: SloRowResult): DashboardSloRowType {
  const { good, total } = row.counts;
  return {
    automation: row.automation.slug,
    automationTitle: row.automation.title,
    status: toSloStatus(row.status),
    attainmentPercent: total > 0 ? (good * 100) / total : null,
    good,
    total,
  };
}

function toPanel(result: PanelResult): DashboardPanelType {
  return {
    kind: result.panel.kind,
    title: result.panel.title,
    description: result.panel.description ?? null,
    kpi: result.kpi === null ? null : toKpiReport(result.kpi),
    trend: result.trend === null ? null : toKpiTrend(result.trend),
    slos: result.slos?.map(toDashboardSloRow) ?? null,
    backlog: result.backlog?.map((row) => ({ ...row })) ?? null,
    totals: result.totals === null ? null : toProgramTotals(result.totals),
    problem: result.problem,
  };
}

export function toDashboard(result: DashboardResult): DashboardType {
  const { record } = result;
  return {
    name: record.name,
    title: record.title,
    description: record.description,
    owner: record.owner,
    path: record.path,
    defaultRange: toDateRangeSpec(record.spec.defaultRange),
    range: toResolvedDateRange(result.range),
    panels: result.panels.map(toPanel),
  };
}
