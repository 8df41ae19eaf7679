import type { AlertFieldsFragment, KpiReportFieldsFragment, SloStatusFieldsFragment } from '@/gql/graphql';
import type { BacklogRow, DashboardData, DashboardPanelData, ProgramTotalsData, ResolvedRange, SloRow } from '@/dashboards/dashboardTypes';

/** Fixed on 1 Sep – 30 Nov 2026 (91 days), the way finance reviews a quarter. */
export function aResolvedRange(overrides: Partial<ResolvedRange> = {}): ResolvedRange {
  return { start: '2026-09-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z', days: 91, label: '1 Sep 2026 – 30 Nov 2026', ...overrides };
}

/**
 * Close-to-invoice time: 26 hours before, 8.06 hours after, target 0.25 hours — lower is better.
 * Improvement (26 − 8.06) ÷ 26 = 69%; progress (26 − 8.06) ÷ (26 − 0.25) = 69.7%.
 */
export function aKpiReport(overrides: Partial<KpiReportFieldsFragment> = {}): KpiReportFieldsFragment {
  return {
    automation: 'invoice-generation',
    automationTitle: 'Invoice generation from closed-won deals',
    name: 'close-to-invoice-time',
    title: 'Close-to-invoice cycle time',
    unit: 'hours',
    direction: 'lower_is_better',
    source: 'cycle_time_p50',
    currency: null,
    target: 0.25,
    baseline: 26,
    baselineNote: 'Median hours from closed-won to invoice sent, Q1 2026, before launch.',
    baselineFrom: '2026-01-05',
    baselineTo: '2026-03-27',
    after: 8.06,
    coverage: 1,
    partial: false,
    noData: false,
    delta: -17.94,
    change: 'better',
    improvementPercent: 69,
    progressPercent: 69.67,
    progressDisplayPercent: 69.67,
    targetReached: false,
    caveat: null,
    howComputed: 'The median time from a run starting to it finishing, over all runs that ended in the range.',
    range: aResolvedRange(),
    ...overrides,
  };
}

export function anSloStatus(overrides: Partial<SloStatusFieldsFragment> = {}): SloStatusFieldsFragment {
  return {
    name: 'invoice-success',
    title: '99.5% of closed-won deals invoiced without a manual touch',
    indicator: 'success_rate',
    objective: 99.5,
    window: '30d',
    state: 'burning',
    attainedPercent: 99.32,
    runbook: { id: 'reprocess-dead-letters', title: 'Failed invoices — triage and reprocess dead letters' },
    errorBudget: { allowedBad: 60, bad: 45, good: 11_955, total: 12_000, consumedFraction: 0.75, remainingFraction: 0.25, overspent: false, noData: false },
    burnRates: [
      {
        rule: 'fast-burn',
        severity: 'page',
        threshold: 14.4,
        longWindow: '1h',
        shortWindow: '5m',
        longBurnRate: 2.1,
        shortBurnRate: 0.8,
        firing: false,
        budgetSpentInLongWindow: 0.003,
      },
      {
        rule: 'ticket',
        severity: 'ticket',
        threshold: 1,
        longWindow: '3d',
        shortWindow: '6h',
        longBurnRate: 1.3,
        shortBurnRate: 1.6,
        firing: true,
        budgetSpentInLongWindow: 0.13,
      },
    ],
    deadLetters: null,
    freshness: null,
    ...overrides,
  };
}

export function anAlert(overrides: Partial<AlertFieldsFragment> = {}): AlertFieldsFragment {
  return {
    id: 'alert-7',
    automation: 'invoice-generation',
    automationTitle: 'Invoice generation from closed-won deals',
    slo: 'invoice-success',
    sloTitle: '99.5% of closed-won deals invoiced without a manual touch',
    rule: 'ticket',
    severity: 'ticket',
    state: 'firing',
    summary: 'Invoices are generated: error budget burning 1.3× over the last 3 days',
    firedAt: '2026-11-27T08:10:00Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    acknowledgeBlockedReason: null,
    runbook: { id: 'reprocess-dead-letters', title: 'Failed invoices — triage and reprocess dead letters' },
    events: [
      { at: '2026-11-27T08:10:00Z', kind: 'fired', actor: null, detail: 'burn rate 1.3× over 3d, 1.6× over 6h' },
      { at: '2026-11-27T08:10:02Z', kind: 'notified', actor: null, detail: 'Slack #finance-ops-oncall' },
    ],
    ...overrides,
  };
}

export function anSloRow(overrides: Partial<SloRow> = {}): SloRow {
  return {
    automation: 'invoice-generation',
    automationTitle: 'Invoice generation from closed-won deals',
    status: anSloStatus(),
    attainmentPercent: 99.41,
    good: 35_788,
    total: 36_000,
    openAlerts: [{ id: 'alert-7', severity: 'ticket', state: 'firing', summary: anAlert().summary }],
    ...overrides,
  };
}

export function aBacklogRow(overrides: Partial<BacklogRow> = {}): BacklogRow {
  return {
    automation: 'invoice-generation',
    automationTitle: 'Invoice generation from closed-won deals',
    pending: 14,
    oldestPendingSince: '2026-11-25T06:00:00Z',
    arrivedInRange: 212,
    closedInRange: 198,
    ...overrides,
  };
}

export function someProgramTotals(overrides: Partial<ProgramTotalsData> = {}): ProgramTotalsData {
  return {
    hoursSaved: 1_236.5,
    hoursSavedItems: [
      { automation: 'invoice-generation', kpi: 'manual-touches', kpiTitle: 'Invoices fixed by hand', touchesAvoidedPerDay: 37, minutesPerTouch: 12, days: 91, hours: 673.4 },
      {
        automation: 'payout-reconciliation',
        kpi: 'unmatched-lines',
        kpiTitle: 'Payout lines matched by hand',
        touchesAvoidedPerDay: 55.7,
        minutesPerTouch: 6.67,
        days: 91,
        hours: 563.1,
      },
    ],
    // Money of three units: a rate per month, a balance at one date, a balance at each month-end.
    money: [
      {
        currency: 'EUR',
        unit: 'EUR/month',
        kind: 'recovered',
        before: 410_000,
        after: 551_000,
        change: 141_000,
        items: [
          {
            automation: 'dunning-reminders',
            kpi: 'overdue-cash-recovered',
            kpiTitle: 'Overdue cash recovered',
            currency: 'EUR',
            unit: 'EUR/month',
            kind: 'recovered',
            before: 410_000,
            after: 551_000,
            change: 141_000,
          },
        ],
      },
      {
        currency: 'EUR',
        unit: 'EUR',
        kind: 'at_stake',
        before: 312_000,
        after: 20_000,
        change: 292_000,
        items: [
          {
            automation: 'payout-reconciliation',
            kpi: 'unreconciled-cash-at-close',
            kpiTitle: 'Cash not reconciled at month-end',
            currency: 'EUR',
            unit: 'EUR',
            kind: 'at_stake',
            before: 312_000,
            after: 20_000,
            change: 292_000,
          },
        ],
      },
      {
        currency: 'EUR',
        unit: 'EUR/month-end',
        kind: 'at_stake',
        before: 182_000,
        after: 5_000,
        change: 177_000,
        items: [
          {
            automation: 'invoice-generation',
            kpi: 'revenue-slipped-at-close',
            kpiTitle: 'Revenue invoiced after close',
            currency: 'EUR',
            unit: 'EUR/month-end',
            kind: 'at_stake',
            before: 182_000,
            after: 5_000,
            change: 177_000,
          },
        ],
      },
    ],
    skipped: [{ automation: 'refund-handling', kpi: 'credit-not-processed-chargebacks', kpiTitle: 'Chargebacks for credit not processed', reason: 'no data in the range' }],
    ...overrides,
  };
}

const EMPTY_PANEL = { description: null, problem: null, kpi: null, trend: null, slos: null, backlog: null, totals: null } as const;

export function aPanel(overrides: Partial<DashboardPanelData> & Pick<DashboardPanelData, 'kind' | 'title'>): DashboardPanelData {
  return { ...EMPTY_PANEL, ...overrides };
}

/** The finance program dashboard with one panel of each kind, and one that cannot be computed. */
export function aDashboard(overrides: Partial<DashboardData> = {}): DashboardData {
  const kpi = aKpiReport();
  return {
    name: 'finance-automation-program',
    title: 'Finance automation program',
    description: 'What the three finance automations changed since they replaced work done by hand.',
    owner: 'finance-ops',
    path: 'dashboards/finance-automation-program.yaml',
    defaultRange: { last: '90d', from: null, to: null },
    range: aResolvedRange(),
    panels: [
      aPanel({ kind: 'program_totals', title: 'Hours and money won back', totals: someProgramTotals() }),
      aPanel({ kind: 'kpi_before_after', title: 'Time from closed deal to invoice sent', description: 'Typical (median) hours.', kpi }),
      aPanel({
        kind: 'kpi_trend',
        title: 'Revenue invoiced too late for the month-end close',
        trend: {
          interval: 'week',
          kpi: aKpiReport({
            name: 'revenue-slipped-at-close',
            title: 'Closed-won revenue invoiced after period close',
            unit: 'EUR/month-end',
            currency: 'EUR',
            baseline: 182_000,
            target: 5_000,
            after: 9_000,
          }),
          points: [
            { at: '2026-11-09T00:00:00.000Z', value: 12_000 },
            { at: '2026-11-16T00:00:00.000Z', value: null },
            { at: '2026-11-23T00:00:00.000Z', value: 6_500 },
          ],
        },
      }),
      aPanel({ kind: 'slo_table', title: 'Are the promises kept?', slos: [anSloRow()] }),
      aPanel({ kind: 'dead_letter_backlog', title: 'Failed items waiting for a decision', backlog: [aBacklogRow()] }),
      aPanel({
        kind: 'kpi_before_after',
        title: 'Overdue invoices paid after a reminder',
        problem: 'The KPI "overdue-cash-recovered" is no longer in the catalog entry of dunning-reminders.',
      }),
    ],
    ...overrides,
  };
}
