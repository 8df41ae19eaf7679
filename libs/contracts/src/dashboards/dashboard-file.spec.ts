/// <reference types="node" />
// This spec reads the shipped YAML files from disk; libs/contracts itself stays free of Node types.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseCatalogFile } from '../catalog/catalog-file.js';
import { checkDashboardReferences, parseDashboardFile, type DashboardReferences } from './dashboard-file.js';

const FILE = 'dashboards/finance-automation-program.yaml';

interface DashboardYamlOptions {
  /** Lines of `defaultRange`, indented under it. */
  range?: string[];
  /** Lines of the first panel, the first starting with "- ". */
  firstPanel?: string[];
  /** The kind of the second panel. */
  secondKind?: string;
  /** The automations of the third panel. */
  automations?: string;
  owner?: string;
}

/** A small, valid Dashboard v1 file; options change one thing at a time. */
function dashboardYaml(options: DashboardYamlOptions = {}): string {
  const {
    range = ['    last: 90d'],
    firstPanel = ['    - kind: kpi_before_after', '      title: Time from closed deal to invoice sent', '      automation: invoice-generation', '      kpi: close-to-invoice-time'],
    secondKind = 'kpi_trend',
    automations = '[invoice-generation, payout-reconciliation]',
    owner = 'finance-ops',
  } = options;
  return yamlLines(
    'apiVersion: roundhouse.dev/v1',
    'kind: Dashboard',
    'metadata:',
    '  name: finance-automation-program',
    '  title: Finance automation program',
    '  description: What the finance automations changed since they replaced work done by hand.',
    `  owner: ${owner}`,
    'spec:',
    '  defaultRange:',
    ...range,
    '  panels:',
    ...firstPanel,
    `    - kind: ${secondKind}`,
    '      title: Invoices someone had to fix by hand',
    '      automation: invoice-generation',
    '      kpi: manual-touches',
    '    - kind: slo_table',
    '      title: Are the promises kept?',
    `      automations: ${automations}`,
  );
}

function yamlLines(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** The 1-based line of the first line that, without its indentation, starts with `start`. */
function lineStarting(text: string, start: string): number {
  const index = text.split('\n').findIndex((line) => line.trimStart().startsWith(start));
  if (index === -1) {
    throw new Error(`no line starts with ${JSON.stringify(start)}`);
  }
  return index + 1;
}

describe(parseDashboardFile.name, () => {
  it('reads a valid dashboard, with the trend interval defaulted to a day', () => {
    const result = parseDashboardFile(dashboardYaml(), FILE);

    expect(result.problems).toEqual([]);
    expect(result.dashboards).toHaveLength(1);
    const [dashboard] = result.dashboards;
    expect(dashboard?.file).toBe(FILE);
    expect(dashboard?.line).toBe(1);
    expect(dashboard?.value.metadata).toEqual({
      name: 'finance-automation-program',
      title: 'Finance automation program',
      description: 'What the finance automations changed since they replaced work done by hand.',
      owner: 'finance-ops',
    });
    expect(dashboard?.value.spec.defaultRange).toEqual({ last: '90d' });
    expect(dashboard?.value.spec.panels.map((panel) => panel.kind)).toEqual(['kpi_before_after', 'kpi_trend', 'slo_table']);
    expect(dashboard?.value.spec.panels[1]).toMatchObject({ kind: 'kpi_trend', interval: 'day' });
  });

  it('reads a fixed date range', () => {
    const result = parseDashboardFile(dashboardYaml({ range: ['    from: 2026-07-01', '    to: 2026-09-30'] }), FILE);

    expect(result.problems).toEqual([]);
    expect(result.dashboards[0]?.value.spec.defaultRange).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('reports a wrong panel kind with its file, line, field, what was found and the kinds allowed', () => {
    const text = dashboardYaml({ secondKind: 'bar_chart' });

    const result = parseDashboardFile(text, FILE);

    expect(result.dashboards).toEqual([]);
    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, '- kind: bar_chart'),
        field: 'spec.panels[1].kind',
        found: '"bar_chart"',
        allowed: 'one of kpi_before_after, kpi_trend, slo_table, dead_letter_backlog, program_totals',
      },
    ]);
    expect(formatProblem(result.problems[0] ?? expect.fail('a problem'))).toBe(
      `${FILE}:${lineStarting(text, '- kind: bar_chart')}: spec.panels[1].kind: found "bar_chart"; allowed: one of kpi_before_after, kpi_trend, slo_table, dead_letter_backlog, program_totals`,
    );
  });

  it('reports a misspelt automation field on its own line, listing the fields of that panel kind', () => {
    const text = dashboardYaml({
      firstPanel: ['    - kind: kpi_before_after', '      title: Time from closed deal to invoice sent', '      automaton: invoice-generation', '      kpi: close-to-invoice-time'],
    });

    const result = parseDashboardFile(text, FILE);

    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, '- kind: kpi_before_after'),
        field: 'spec.panels[0].automation',
        found: 'nothing (the field is required)',
        allowed: 'a string',
      },
      {
        file: FILE,
        line: lineStarting(text, 'automaton:'),
        field: 'spec.panels[0].automaton',
        found: 'an unknown field "automaton"',
        allowed: 'the fields of a kpi_before_after panel: kind, title, description, automation, kpi',
      },
    ]);
  });

  it('reports a fixed range that ends before it starts on its "to" line', () => {
    const text = dashboardYaml({ range: ['    from: 2026-06-30', '    to: 2026-03-01'] });

    const result = parseDashboardFile(text, FILE);

    expect(result.problems).toEqual([
      { file: FILE, line: lineStarting(text, 'to: 2026-03-01'), field: 'spec.defaultRange.to', found: '"2026-03-01"', allowed: 'a date on or after from (2026-06-30)' },
    ]);
  });

  it.each([
    [
      'a rolling range that is not a duration',
      ['    last: 3 months'],
      'last:',
      { field: 'spec.defaultRange.last', found: '"3 months"', allowed: 'a number and a unit s, m, h or d, e.g. "30d"' },
    ],
    [
      'both a rolling and a fixed range',
      ['    last: 30d', '    from: 2026-07-01', '    to: 2026-09-30'],
      'last:',
      { field: 'spec.defaultRange.last', found: '"30d"', allowed: 'either last (e.g. "30d") or from and to, not both' },
    ],
    [
      'a fixed range without its last day, on the line of the range (the field is missing)',
      ['    from: 2026-07-01'],
      'defaultRange:',
      { field: 'spec.defaultRange.to', found: 'nothing', allowed: 'the last day of the range, on or after 2026-07-01' },
    ],
    ['a day that is not a date', ['    from: 2026-07-01', '    to: 30.09.2026'], 'to:', { field: 'spec.defaultRange.to', found: '"30.09.2026"', allowed: 'a valid date' }],
  ])('reports %s', (_name, range, lineStart, problem) => {
    const text = dashboardYaml({ range });

    const result = parseDashboardFile(text, FILE);

    expect(result.problems).toEqual([{ file: FILE, line: lineStarting(text, lineStart), ...problem }]);
  });

  it('reports an automation listed twice in a panel', () => {
    const text = dashboardYaml({ automations: '[invoice-generation, invoice-generation]' });

    const result = parseDashboardFile(text, FILE);

    expect(result.problems).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'automations:'),
        field: 'spec.panels[2].automations[1]',
        found: '"invoice-generation"',
        allowed: 'each automation once; "invoice-generation" appears twice',
      },
    ]);
  });

  it('names the allowed kind when a file holds something else', () => {
    const text = dashboardYaml().replace('kind: Dashboard', 'kind: Automation');

    expect(parseDashboardFile(text, FILE).problems).toEqual([
      { file: FILE, line: 2, field: 'kind', found: '"roundhouse.dev/v1" "Automation"', allowed: 'roundhouse.dev/v1 Dashboard' },
    ]);
  });

  it('names the line of invalid YAML', () => {
    const text = dashboardYaml().replace('title: Finance automation program', 'title: Finance: automation program');

    expect(parseDashboardFile(text, FILE).problems).toEqual([
      expect.objectContaining({ file: FILE, line: lineStarting(text, 'title: Finance:'), field: '(file)', allowed: 'valid YAML' }),
    ]);
  });

  it('holds nothing in an empty file', () => {
    expect(parseDashboardFile('', FILE)).toEqual({ dashboards: [], problems: [] });
  });
});

describe(checkDashboardReferences.name, () => {
  const references: DashboardReferences = {
    automations: new Map([
      ['invoice-generation', ['close-to-invoice-time', 'manual-touches', 'revenue-slipped-at-close']],
      ['payout-reconciliation', ['unmatched-lines']],
    ]),
    teams: new Set(['finance-ops', 'order-ops']),
  };

  function located(text: string) {
    const [dashboard] = parseDashboardFile(text, FILE).dashboards;
    return dashboard ?? expect.fail('the dashboard should parse');
  }

  it('accepts automations, KPIs and an owner the catalog has', () => {
    expect(checkDashboardReferences(located(dashboardYaml()), references)).toEqual([]);
  });

  it('names an unknown automation, a KPI the automation does not have, and an unknown owner, each on its line', () => {
    const text = dashboardYaml({
      owner: 'finance',
      firstPanel: ['    - kind: kpi_before_after', '      title: Time to invoice', '      automation: invoice-generation', '      kpi: time-to-invoice'],
      automations: '[invoice-generation, payouts]',
    });

    expect(checkDashboardReferences(located(text), references)).toEqual([
      { file: FILE, line: lineStarting(text, 'owner:'), field: 'metadata.owner', found: '"finance"', allowed: 'a team defined in the catalog (finance-ops, order-ops)' },
      {
        file: FILE,
        line: lineStarting(text, 'kpi: time-to-invoice'),
        field: 'spec.panels[0].kpi',
        found: '"time-to-invoice"',
        allowed: 'a KPI of invoice-generation (close-to-invoice-time, manual-touches, revenue-slipped-at-close)',
      },
      {
        file: FILE,
        line: lineStarting(text, 'automations:'),
        field: 'spec.panels[2].automations[1]',
        found: '"payouts"',
        allowed: 'an automation in the catalog (invoice-generation, payout-reconciliation)',
      },
    ]);
  });

  it('names an unknown automation of a KPI panel', () => {
    const text = dashboardYaml({
      firstPanel: ['    - kind: kpi_trend', '      title: Time to invoice', '      automation: invoicing', '      kpi: close-to-invoice-time'],
    });

    expect(checkDashboardReferences(located(text), references)).toEqual([
      {
        file: FILE,
        line: lineStarting(text, 'automation: invoicing'),
        field: 'spec.panels[0].automation',
        found: '"invoicing"',
        allowed: 'an automation in the catalog (invoice-generation, payout-reconciliation)',
      },
    ]);
  });
});

describe('the shipped dashboards', () => {
  const root = new URL('../../../../', import.meta.url);
  const yamlIn = (folder: string) =>
    readdirSync(new URL(folder, root))
      .filter((name) => name.endsWith('.yaml'))
      .sort()
      .map((name) => ({ file: `${folder}${name}`, text: readFileSync(new URL(`${folder}${name}`, root), 'utf8') }));

  const catalog = [...yamlIn('catalog/automations/'), ...yamlIn('catalog/teams/')].map(({ file, text }) => parseCatalogFile(text, file));
  const references: DashboardReferences = {
    automations: new Map(catalog.flatMap((parsed) => parsed.automations.map((a) => [a.value.metadata.name, a.value.spec.kpis.map((k) => k.name)]))),
    teams: new Set(catalog.flatMap((parsed) => parsed.teams.map((t) => t.value.name))),
  };
  const shipped = yamlIn('dashboards/').map(({ file, text }) => parseDashboardFile(text, file));

  it('are the finance program and order operations, and parse without problems', () => {
    expect(catalog.flatMap((parsed) => parsed.problems).map(formatProblem)).toEqual([]);
    expect(shipped.flatMap((parsed) => parsed.problems).map(formatProblem)).toEqual([]);
    expect(shipped.flatMap((parsed) => parsed.dashboards.map((d) => d.value.metadata.title))).toEqual(['Finance automation program', 'Order operations']);
  });

  it('name only automations, KPIs and teams of the catalog', () => {
    const problems = shipped.flatMap((parsed) => parsed.dashboards.flatMap((dashboard) => checkDashboardReferences(dashboard, references)));

    expect(problems.map(formatProblem)).toEqual([]);
  });

  it.each([
    ['finance-automation-program', ['dunning-reminders', 'invoice-generation', 'payout-reconciliation']],
    ['order-operations', ['inventory-sync', 'order-fulfillment', 'refund-handling']],
  ])('%s covers its automations in every panel kind', (name, automations) => {
    const dashboard = shipped.flatMap((parsed) => parsed.dashboards).find((d) => d.value.metadata.name === name)?.value;
    const panels = dashboard?.spec.panels ?? [];
    const named = new Set(panels.flatMap((panel) => ('automations' in panel ? panel.automations : [panel.automation])));

    expect([...named].sort()).toEqual(automations);
    expect(new Set(panels.map((panel) => panel.kind))).toEqual(new Set(['program_totals', 'kpi_before_after', 'kpi_trend', 'slo_table', 'dead_letter_backlog']));
  });
});
