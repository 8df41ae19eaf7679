import { describe, expect, it } from 'vitest';
import { aBacklogRow, aDashboard, aPanel, aResolvedRange, anSloRow, anSloStatus, someProgramTotals } from '@/test/dashboardFactories';
import type { DashboardPanelData } from './dashboardTypes';
import { panelCsv } from './panelCsv';

const dashboard = aDashboard();
const range = aResolvedRange();
const NOW = Date.parse('2026-11-27T09:00:00Z');

function panel(kind: DashboardPanelData['kind']): DashboardPanelData {
  const found = dashboard.panels.find((candidate) => candidate.kind === kind && candidate.problem === null);
  if (!found) {
    throw new Error(`no ${kind} panel in the fixture`);
  }
  return found;
}

const lines = (content: string) => content.split('\r\n').filter(Boolean);

describe(panelCsv.name, () => {
  it('names the file after the dashboard and the panel title', () => {
    expect(panelCsv('finance-automation-program', panel('slo_table'), range, NOW).filename).toBe('finance-automation-program-are-the-promises-kept.csv');
  });

  it('writes a before/after KPI with units in the headers, ISO days and the notes quoted', () => {
    const [header, row] = lines(panelCsv(dashboard.name, panel('kpi_before_after'), range, NOW).content);
    expect(header).toBe(
      [
        'Automation',
        'KPI',
        'Direction',
        'Before: agreed baseline (hours)',
        'After (hours)',
        'Target (hours)',
        'Change: after − before (hours)',
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
      ].join(','),
    );
    expect(row).toContain(
      'Invoice generation from closed-won deals,Close-to-invoice cycle time,lower is better,26,8.06,0.25,-17.94,69,69.67,no,100,no,2026-09-01,2026-11-30,2026-01-05,2026-03-27,',
    );
    expect(row).toContain('"Median hours from closed-won to invoice sent, Q1 2026, before launch."');
  });

  it('leaves a KPI without data empty rather than zero', () => {
    const empty = aPanel({
      kind: 'kpi_before_after',
      title: 'Manual touches',
      kpi: { ...panel('kpi_before_after').kpi!, after: null, delta: null, improvementPercent: null, progressPercent: null, targetReached: null, caveat: 'No data in the range.' },
    });
    const [, row] = lines(panelCsv(dashboard.name, empty, range, NOW).content);
    expect(row).toContain('lower is better,26,,0.25,,,,,100');
    expect(row?.endsWith(',No data in the range.')).toBe(true);
  });

  it('writes a trend one line per week, ISO days, gaps empty, with the target and the before in the unit', () => {
    expect(lines(panelCsv(dashboard.name, panel('kpi_trend'), range, NOW).content)).toEqual([
      'Week starting (UTC),Closed-won revenue invoiced after period close (EUR/month-end),Target (EUR/month-end),Before: agreed baseline (EUR/month-end)',
      '2026-11-09,12000,5000,182000',
      '2026-11-16,,5000,182000',
      '2026-11-23,6500,5000,182000',
    ]);
  });

  it('writes the SLO table with attainment, the budget left in percent and the open alerts', () => {
    const slos = aPanel({
      kind: 'slo_table',
      title: 'Promises',
      slos: [
        anSloRow(),
        anSloRow({
          automation: 'payout-reconciliation',
          automationTitle: 'Payout reconciliation',
          attainmentPercent: null,
          good: 0,
          total: 0,
          openAlerts: [],
          status: anSloStatus({ title: 'Oldest payout waits under 1h', state: 'breached', errorBudget: null, burnRates: [] }),
        }),
      ],
    });
    const [header, first, second] = lines(panelCsv(dashboard.name, slos, range, NOW).content);
    expect(header).toBe(
      'Automation,SLO,Objective (%),SLO window,Attainment over the range (%),Good over the range,Total over the range,State now,Error budget left (%),Error budget overspent,Open alerts',
    );
    expect(first).toBe('Invoice generation from closed-won deals,99.5% of closed-won deals invoiced without a manual touch,99.5,30d,99.41,35788,36000,burning,25,no,1');
    expect(second).toBe('Payout reconciliation,Oldest payout waits under 1h,99.5,30d,,0,0,breached,,,0');
  });

  it('writes the dead-letter backlog with the oldest wait as an ISO instant and in hours', () => {
    const backlog = aPanel({
      kind: 'dead_letter_backlog',
      title: 'Waiting',
      backlog: [aBacklogRow(), aBacklogRow({ automation: 'x', automationTitle: 'Nothing waiting', pending: 0, oldestPendingSince: null })],
    });
    expect(lines(panelCsv(dashboard.name, backlog, range, NOW).content)).toEqual([
      'Automation,Waiting now (dead letters),Oldest waiting since (UTC),Oldest waiting (hours),Arrived in the range,Closed in the range',
      'Invoice generation from closed-won deals,14,2026-11-25T06:00:00.000Z,51,212,198',
      'Nothing waiting,0,,,212,198',
    ]);
  });

  it('writes program totals: hours, money per currency, unit and kind with what each line is, and the KPIs left out', () => {
    const content = lines(panelCsv(dashboard.name, panel('program_totals'), range, NOW).content);
    expect(content[0]).toBe('Line,Automation,KPI,Amount,Unit,Currency,Before,After,Manual touches avoided per day,Minutes per touch,Days with data,Why not counted');
    expect(content).toContain('"Hours saved, total",,,1236.5,hours,,,,,,,');
    expect(content).toContain('Hours saved,invoice-generation,Invoices fixed by hand,673.4,hours,,,,37,12,91,');
    // Three units, three totals: 551,000 − 410,000 more recovered a month; 20,000 and 5,000 still at stake.
    expect(content).toContain('"Money recovered, more than before, total",,,141000,EUR/month,EUR,410000,551000,,,,');
    expect(content).toContain('"Money recovered, more than before",dunning-reminders,Overdue cash recovered,141000,EUR/month,EUR,410000,551000,,,,');
    expect(content).toContain('"Money still at stake, total",,,20000,EUR,EUR,312000,20000,,,,');
    expect(content).toContain('"Money still at stake, total",,,5000,EUR/month-end,EUR,182000,5000,,,,');
    expect(content).toContain('Money still at stake,invoice-generation,Revenue invoiced after close,5000,EUR/month-end,EUR,182000,5000,,,,');
    expect(content.filter((line) => line.includes('total'))).toHaveLength(4);
    expect(content.join('\n')).not.toContain('Money, total');
    expect(content).toContain('Not counted,refund-handling,Chargebacks for credit not processed,,,,,,,,,no data in the range');
  });

  it('leaves hours empty and says why for a range with no data', () => {
    const empty = aPanel({ kind: 'program_totals', title: 'Totals', totals: someProgramTotals({ hoursSaved: null, hoursSavedItems: [], money: [] }) });
    const content = lines(panelCsv(dashboard.name, empty, range, NOW).content);
    expect(content[1]).toBe('"Hours saved, total",,,,hours,,,,,,,no data in this range');
  });

  it('writes the problem of a panel that cannot be computed', () => {
    const broken = dashboard.panels.find((candidate) => candidate.problem !== null)!;
    expect(lines(panelCsv(dashboard.name, broken, range, NOW).content)).toEqual([
      'Panel,Problem',
      'Overdue invoices paid after a reminder,"The KPI ""overdue-cash-recovered"" is no longer in the catalog entry of dunning-reminders."',
    ]);
  });
});
