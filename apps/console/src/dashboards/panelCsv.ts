import type { KpiReportFieldsFragment } from '@/gql/graphql';
import { type CsvCell, slugify, toCsv } from './csv';
import type { BacklogRow, DashboardPanelData, KpiTrendData, ProgramTotalsData, ResolvedRange, SloRow } from './dashboardTypes';
import { isoDay, lastDayOf } from './dateRange';
import { moneyLineAmount } from './moneyWords';

export interface PanelCsv {
  filename: string;
  content: string;
}

interface CsvTable {
  header: string[];
  rows: CsvCell[][];
}

/** A share (0–1) in percent, without floating-point dust: 0.29 → 29. */
const percentOf = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 10_000) / 100);
const DIRECTION_WORDS = { lower_is_better: 'lower is better', higher_is_better: 'higher is better' } as const;

function kpiTable(kpi: KpiReportFieldsFragment, range: ResolvedRange): CsvTable {
  const unit = kpi.unit;
  return {
    header: [
      'Automation',
      'KPI',
      'Direction',
      `Before: agreed baseline (${unit})`,
      `After (${unit})`,
      `Target (${unit})`,
      `Change: after − before (${unit})`,
      'Improvement (%)',
      'Progress to target (%)',
      'Target reached',
      'Data coverage of the range (%)',
      'Partial data',
      'Range first day',
      'Range last day',
      'Baseline first day',
      'Baseline last day',
      'How the baseline was measured',
      'How after is computed',
      'Caveat',
    ],
    rows: [
      [
        kpi.automationTitle,
        kpi.title,
        DIRECTION_WORDS[kpi.direction],
        kpi.baseline,
        kpi.after,
        kpi.target,
        kpi.delta,
        kpi.improvementPercent,
        kpi.progressPercent,
        kpi.targetReached,
        percentOf(kpi.coverage),
        kpi.partial,
        isoDay(range.start),
        lastDayOf(range.end),
        kpi.baselineFrom,
        kpi.baselineTo,
        kpi.baselineNote,
        kpi.howComputed,
        kpi.caveat,
      ],
    ],
  };
}

function trendTable(trend: KpiTrendData): CsvTable {
  const { kpi } = trend;
  const at = (value: string) => (trend.interval === 'hour' ? new Date(value).toISOString() : isoDay(value));
  return {
    header: [
      `${trend.interval === 'hour' ? 'Hour' : trend.interval === 'week' ? 'Week' : 'Day'} starting (UTC)`,
      `${kpi.title} (${kpi.unit})`,
      `Target (${kpi.unit})`,
      `Before: agreed baseline (${kpi.unit})`,
    ],
    rows: trend.points.map((point) => [at(point.at), point.value, kpi.target, kpi.baseline]),
  };
}

function sloTable(rows: readonly SloRow[]): CsvTable {
  return {
    header: [
      'Automation',
      'SLO',
      'Objective (%)',
      'SLO window',
      'Attainment over the range (%)',
      'Good over the range',
      'Total over the range',
      'State now',
      'Error budget left (%)',
      'Error budget overspent',
      'Open alerts',
    ],
    rows: rows.map((row) => [
      row.automationTitle,
      row.status.title,
      row.status.objective,
      row.status.window,
      row.attainmentPercent,
      row.good,
      row.total,
      row.status.state,
      percentOf(row.status.errorBudget?.remainingFraction),
      row.status.errorBudget?.overspent ?? null,
      row.openAlerts.length,
    ]),
  };
}

function backlogTable(rows: readonly BacklogRow[], now: number): CsvTable {
  return {
    header: ['Automation', 'Waiting now (dead letters)', 'Oldest waiting since (UTC)', 'Oldest waiting (hours)', 'Arrived in the range', 'Closed in the range'],
    rows: rows.map((row) => [
      row.automationTitle,
      row.pending,
      row.oldestPendingSince === null ? null : new Date(row.oldestPendingSince).toISOString(),
      row.oldestPendingSince === null ? null : Math.round((now - new Date(row.oldestPendingSince).getTime()) / 36_000) / 100,
      row.arrivedInRange,
      row.closedInRange,
    ]),
  };
}

const CSV_MONEY_LINES = { saved: 'Money saved', recovered: 'Money recovered, more than before', at_stake: 'Money still at stake' } as const;

/**
 * Program totals: hours, then money one line per currency, unit and kind (never one sum across
 * them), each followed by its items. "Amount" is what the line says: hours saved, money saved, more
 * money recovered than before, or money still at stake now.
 */
function totalsTable(totals: ProgramTotalsData): CsvTable {
  const blank = (count: number): CsvCell[] => new Array<CsvCell>(count).fill(null);
  const rows: CsvCell[][] = [
    ['Hours saved, total', null, null, totals.hoursSaved, 'hours', null, null, null, null, null, null, totals.hoursSaved === null ? 'no data in this range' : null],
    ...totals.hoursSavedItems.map((item): CsvCell[] => [
      'Hours saved',
      item.automation,
      item.kpiTitle,
      item.hours,
      'hours',
      null,
      null,
      null,
      item.touchesAvoidedPerDay,
      item.minutesPerTouch,
      item.days,
      null,
    ]),
    ...totals.money.flatMap((line): CsvCell[][] => [
      [`${CSV_MONEY_LINES[line.kind]}, total`, null, null, moneyLineAmount(line), line.unit, line.currency, line.before, line.after, ...blank(4)],
      ...line.items.map((item): CsvCell[] => [
        CSV_MONEY_LINES[item.kind],
        item.automation,
        item.kpiTitle,
        moneyLineAmount(item),
        item.unit,
        item.currency,
        item.before,
        item.after,
        ...blank(4),
      ]),
    ]),
    ...totals.skipped.map((skipped): CsvCell[] => ['Not counted', skipped.automation, skipped.kpiTitle, ...blank(8), skipped.reason]),
  ];
  return {
    header: [
      'Line',
      'Automation',
      'KPI',
      'Amount',
      'Unit',
      'Currency',
      'Before',
      'After',
      'Manual touches avoided per day',
      'Minutes per touch',
      'Days with data',
      'Why not counted',
    ],
    rows,
  };
}

function panelTable(panel: DashboardPanelData, range: ResolvedRange, now: number): CsvTable {
  if (panel.problem !== null) {
    return { header: ['Panel', 'Problem'], rows: [[panel.title, panel.problem]] };
  }
  switch (panel.kind) {
    case 'kpi_before_after':
      return panel.kpi ? kpiTable(panel.kpi, range) : { header: ['Panel'], rows: [] };
    case 'kpi_trend':
      return panel.trend ? trendTable(panel.trend) : { header: ['Panel'], rows: [] };
    case 'slo_table':
      return sloTable(panel.slos ?? []);
    case 'dead_letter_backlog':
      return backlogTable(panel.backlog ?? [], now);
    case 'program_totals':
      return panel.totals ? totalsTable(panel.totals) : { header: ['Panel'], rows: [] };
  }
}

/**
 * One panel's data as a CSV file named `<dashboard>-<panel-title-slug>.csv`: a header row with
 * units, numbers written plainly (no separators, full precision), dates in ISO 8601, empty cells
 * where there is no data.
 */
export function panelCsv(dashboardName: string, panel: DashboardPanelData, range: ResolvedRange, now: number = Date.now()): PanelCsv {
  const table = panelTable(panel, range, now);
  return { filename: `${dashboardName}-${slugify(panel.title)}.csv`, content: toCsv(table.header, table.rows) };
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv({ filename, content }: PanelCsv): void {
  // A byte-order mark so spreadsheet programs read the file as UTF-8 (€, –, names with accents).
  const url = URL.createObjectURL(new Blob(['\uFEFF', content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
