import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { folderWith, kpiCatalog, seedKpiData } from '../../test/kpi-catalog.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { DashboardsInvalidError } from './dashboards.errors.js';
import { DashboardsService } from './dashboards.service.js';

function dashboardYaml(name: string, panels: string): string {
  return `apiVersion: roundhouse.dev/v1
kind: Dashboard
metadata:
  name: ${name}
  title: Dashboard ${name}
  description: What the finance automations changed.
  owner: finance-ops
spec:
  defaultRange: { from: 2026-09-01, to: 2026-09-10 }
  panels:
${panels}`;
}

const EVERY_PANEL = `    - kind: program_totals
      title: Hours and money won back
      automations: [invoicing, payouts]
    - kind: kpi_before_after
      title: Invoices fixed by hand
      automation: invoicing
      kpi: touches
    - kind: kpi_trend
      title: Hours to invoice
      automation: invoicing
      kpi: hours-to-invoice
      interval: week
    - kind: slo_table
      title: Are the promises kept?
      automations: [invoicing]
    - kind: dead_letter_backlog
      title: Failed items waiting
      automations: [invoicing, payouts]
    - kind: kpi_before_after
      title: Payout lines matched by hand
      automation: payouts
      kpi: unmatched-lines
`;

const DASHBOARD = `query Dashboard($name: String!, $range: DateRangeInput) {
  dashboard(name: $name, range: $range) {
    name title path defaultRange { last from to }
    range { start end days label }
    panels {
      kind title problem
      kpi { name after baseline change }
      trend { interval points { at value } }
      slos { automation automationTitle attainmentPercent good total status { name indicator } }
      backlog { automation automationTitle pending oldestPendingSince arrivedInRange closedInRange }
      totals { hoursSaved hoursSavedItems { automation kpi kpiTitle touchesAvoidedPerDay minutesPerTouch days hours } money { currency unit kind before after change items { automation kpi kpiTitle unit kind change } } skipped { automation kpi reason } }
    }
  }
}`;

interface PanelGql {
  kind: string;
  title: string;
  problem: string | null;
  kpi: { name: string; after: number | null; baseline: number | null; change: string | null } | null;
  trend: { interval: string; points: { at: string; value: number | null }[] } | null;
  slos: { automation: string; attainmentPercent: number | null; good: number; total: number; status: { name: string } }[] | null;
  backlog: { automation: string; pending: number; oldestPendingSince: string | null; arrivedInRange: number; closedInRange: number }[] | null;
  totals: { hoursSaved: number | null; hoursSavedItems: { hours: number }[]; money: { currency: string; unit: string; kind: string; change: number }[]; skipped: unknown[] } | null;
}

interface DashboardGql {
  dashboard: { name: string; path: string; defaultRange: { from: string | null }; range: { label: string }; panels: PanelGql[] } | null;
}

describe(DashboardsService.name, () => {
  const t = useTestApi();
  let cookie: string;
  let service: DashboardsService;
  const dirs: string[] = [];

  async function folder(files: Record<string, string>): Promise<string> {
    const dir = await folderWith('roundhouse-dashboards-', files);
    dirs.push(dir);
    return dir;
  }

  async function query(name: string, range?: Record<string, string>) {
    return t.api.graphql<DashboardGql>(DASHBOARD, { name, range }, cookie);
  }

  beforeAll(async () => {
    const catalogDir = await kpiCatalog();
    dirs.push(catalogDir);
    await t.api.app.get(CatalogService).apply(catalogDir, catalogDir);
    await seedKpiData(t.db);
    cookie = await t.api.signIn('omar');
    service = t.api.app.get(DashboardsService);
  });

  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('applies a dashboard from YAML and computes every panel kind over its default range', async () => {
    const dir = await folder({ 'finance.yaml': dashboardYaml('finance', EVERY_PANEL) });
    expect(await service.apply(dir, dir)).toEqual({ created: 1, updated: 0, unchanged: 0, deleted: 0 });
    expect(await service.apply(dir, dir)).toEqual({ created: 0, updated: 0, unchanged: 1, deleted: 0 });

    const list = await t.api.graphql<{ dashboards: { name: string; path: string; panelCount: number; defaultRange: { from: string } }[] }>(
      `{ dashboards { name path panelCount defaultRange { from } } }`,
      {},
      cookie,
    );
    expect(list.data?.dashboards).toEqual([{ name: 'finance', path: 'finance.yaml', panelCount: 6, defaultRange: { from: '2026-09-01' } }]);

    // Ten minutes the dead-letter gauge sampled on 3 Sep: 12 waiting in the first two (over the limit of 10), 5 after.
    for (let k = 0; k < 10; k += 1) {
      await t.db.query(`INSERT INTO dead_letter_backlog_minute (automation_slug, minute, pending) VALUES ('invoicing', $1, $2)`, [
        new Date(Date.UTC(2026, 8, 3, 0, k)),
        k < 2 ? 12 : 5,
      ]);
    }
    const result = await query('finance');
    expect(result.errors).toBeUndefined();
    const dashboard = result.data?.dashboard;
    expect(dashboard?.range.label).toBe('1 Sep 2026 – 10 Sep 2026');
    const [totals, touches, trend, slos, backlog, payouts] = dashboard?.panels ?? [];

    // (40 − 3) touches a day × 12 minutes × 10 days ÷ 60; 3,000 − 1,000 EUR a month.
    expect(totals?.totals).toMatchObject({
      hoursSaved: 74,
      hoursSavedItems: [{ hours: 74 }],
      money: [{ currency: 'EUR', unit: 'EUR/month', kind: 'recovered', before: 1000, after: 3000, change: 2000 }],
      skipped: [],
    });
    expect(touches?.kpi).toEqual({ name: 'touches', after: 3, baseline: 40, change: 'better' });
    expect(trend?.trend).toEqual({
      interval: 'week',
      points: [
        { at: '2026-08-31T00:00:00.000Z', value: 5 },
        { at: '2026-09-07T00:00:00.000Z', value: null },
      ],
    });
    // 19 of 20 runs succeeded; 18 of 20 took under 10 s; the successes of 1 Sep 10:00 and 5 Sep 12:00
    // each keep 1,441 sampled minutes (both ends included) of the 14,400 fresh; 8 of the 10 minutes
    // the dead-letter gauge sampled were within the backlog limit.
    expect(slos?.slos?.map((row) => [row.status.name, row.good, row.total, row.attainmentPercent])).toEqual([
      ['invoices-succeed', 19, 20, 95],
      ['invoices-fast', 18, 20, 90],
      ['invoices-fresh', 2882, 14_400, (2882 * 100) / 14_400],
      ['few-failed-invoices', 8, 10, 80],
    ]);
    expect(backlog?.backlog).toEqual([
      { automation: 'invoicing', automationTitle: 'Invoicing', pending: 2, oldestPendingSince: '2026-09-02T00:00:00.000Z', arrivedInRange: 3, closedInRange: 1 },
      { automation: 'payouts', automationTitle: 'Payout reconciliation', pending: 0, oldestPendingSince: null, arrivedInRange: 0, closedInRange: 0 },
    ]);
    expect(payouts).toMatchObject({ problem: null, kpi: { name: 'unmatched-lines', after: null, baseline: 63 } });
    expect(dashboard?.panels.every((panel) => panel.problem === null)).toBe(true);
  });

  it('computes the panels over the range asked, and refuses a bad range naming the field', async () => {
    const other = await query('finance', { from: '2026-09-05', to: '2026-09-05' });
    expect(other.data?.dashboard?.panels[1]?.kpi).toMatchObject({ after: 10 });

    const bad = await query('finance', { from: '2026-09-05', to: '2026-09-01' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'range.to' }] });
    expect(await query('no-such-dashboard')).toMatchObject({ data: { dashboard: null } });
  });

  it('answers a past range with no data as no data, never as 0, and refuses a future range with a sentence', async () => {
    // The seeded runs and measurements are all in September 2026; June has none.
    const june = await query('finance', { from: '2026-06-01', to: '2026-06-30' });
    expect(june.errors).toBeUndefined();
    const [totals, touches, trend, slos] = june.data?.dashboard?.panels ?? [];
    expect(totals?.totals).toMatchObject({ hoursSaved: null, hoursSavedItems: [], money: [] });
    expect(totals?.totals?.skipped).toEqual(expect.arrayContaining([{ automation: 'invoicing', kpi: 'touches', reason: 'no data in the range' }]));
    expect(touches?.kpi).toMatchObject({ after: null, change: null });
    expect(trend?.trend?.points.every((point) => point.value === null)).toBe(true);
    expect(slos?.slos?.every((row) => row.total === 0 && row.attainmentPercent === null)).toBe(true);

    const future = await query('finance', { from: '2099-01-01', to: '2099-01-31' });
    expect(future.data?.dashboard ?? null).toBeNull();
    expect(future.errors?.[0]?.message).toMatch(/^The range 1 Jan 2099 – 31 Jan 2099 is in the future: nothing has been measured in it yet, so it cannot be shown\./);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'range.from' }] });
  });

  it('refuses the whole apply when one file has problems, naming file, line and field, and applies nothing', async () => {
    const dir = await folder({
      'a-good.yaml': dashboardYaml('good-one', EVERY_PANEL),
      'b-bad.yaml': dashboardYaml(
        'bad-one',
        `    - kind: kpi_before_after
      title: A KPI nobody has
      automation: invoicing
      kpi: time-to-cash
    - kind: bar_chart
      title: Not a panel
`,
      ),
    });

    const error = await service.apply(dir, dir).then(
      () => expect.fail('the apply should be refused'),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DashboardsInvalidError);
    expect((error as DashboardsInvalidError).problems).toEqual([expect.objectContaining({ file: 'b-bad.yaml', line: 15, field: 'spec.panels[1].kind', found: '"bar_chart"' })]);
    const unknownKpi = await folder({
      'c.yaml': dashboardYaml('bad-two', `    - kind: kpi_before_after\n      title: A KPI nobody has\n      automation: invoicing\n      kpi: time-to-cash\n`),
    });
    await expect(service.apply(unknownKpi, unknownKpi)).rejects.toMatchObject({
      problems: [expect.objectContaining({ file: 'c.yaml', line: 14, field: 'spec.panels[0].kpi', found: '"time-to-cash"' })],
    });
    expect((await service.list()).map((d) => d.name)).toEqual(['finance']);
  });

  it('shows a problem in words for a panel whose KPI left the catalog, and computes the others', async () => {
    const catalogDir = await kpiCatalog(`    - name: matched-lines
      title: Payout lines matched automatically
      unit: lines/day
      direction: higher_is_better
      source: measurement
      baseline: { value: 10, note: AR tally }
      target: 60
`);
    dirs.push(catalogDir);
    await t.api.app.get(CatalogService).apply(catalogDir, catalogDir);

    const result = await query('finance');
    expect(result.errors).toBeUndefined();
    const panels = result.data?.dashboard?.panels ?? [];
    expect(panels[5]).toMatchObject({
      kind: 'kpi_before_after',
      problem: 'The automation "payouts" no longer has the KPI "unmatched-lines", so this panel cannot be shown.',
      kpi: null,
    });
    expect(panels.slice(0, 5).every((panel) => panel.problem === null)).toBe(true);
  });

  it('deletes dashboards that left the folder', async () => {
    const dir = await folder({ 'ops.yaml': dashboardYaml('ops', `    - kind: dead_letter_backlog\n      title: Failed items\n      automations: [invoicing]\n`) });

    expect(await service.apply(dir, dir)).toEqual({ created: 1, updated: 0, unchanged: 0, deleted: 1 });
    expect((await service.list()).map((d) => d.name)).toEqual(['ops']);
  });

  it('applies the shipped dashboards over the shipped catalog, and every panel answers', async () => {
    const root = t.api.config.repositoryRoot;
    await t.api.app.get(CatalogService).apply(path.join(root, 'catalog'), root);

    expect(await service.apply(path.join(root, 'dashboards'), root)).toMatchObject({ created: 2, deleted: 1 });
    for (const name of ['finance-automation-program', 'order-operations']) {
      const result = await query(name);
      expect(result.errors).toBeUndefined();
      expect(result.data?.dashboard?.path).toBe(`dashboards/${name}.yaml`);
      expect(result.data?.dashboard?.panels.filter((panel) => panel.problem !== null)).toEqual([]);
    }
  });

  it('refuses a request without a signed-in person', async () => {
    const result = await t.api.graphql(`{ dashboards { name } }`);

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
