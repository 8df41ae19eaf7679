import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApi } from '../../test/harness.js';
import { kpiCatalog, seedKpiData } from '../../test/kpi-catalog.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { resolveRange } from './kpi-range.js';
import { KpisService } from './kpis.service.js';

interface KpiReportGql {
  name: string;
  baseline: number | null;
  baselineFrom: string | null;
  after: number | null;
  coverage: number;
  partial: boolean;
  noData: boolean;
  delta: number | null;
  change: string | null;
  improvementPercent: number | null;
  progressPercent: number | null;
  progressDisplayPercent: number | null;
  targetReached: boolean | null;
  caveat: string | null;
  howComputed: string;
  range: { start: string; end: string; days: number; label: string };
}

const REPORT_FIELDS = `name baseline baselineFrom after coverage partial noData delta change improvementPercent progressPercent progressDisplayPercent targetReached caveat howComputed
  range { start end days label }`;

const KPIS = `query Kpis($slug: String!, $range: DateRangeInput) { automationKpis(slug: $slug, range: $range) { ${REPORT_FIELDS} } }`;
const TREND = `query Trend($slug: String!, $kpi: String!, $range: DateRangeInput, $interval: TrendInterval) {
  kpiTrend(slug: $slug, kpi: $kpi, range: $range, interval: $interval) { interval kpi { name after } points { at value } }
}`;

const SEPTEMBER_1_TO_10 = { from: '2026-09-01', to: '2026-09-10' };

describe(KpisService.name, () => {
  const t = useTestApi();
  let cookie: string;
  let catalogDir: string;

  beforeAll(async () => {
    catalogDir = await kpiCatalog();
    await t.api.app.get(CatalogService).apply(catalogDir, catalogDir);
    await seedKpiData(t.db);
    cookie = await t.api.signIn('omar');
  });

  afterAll(async () => {
    await rm(catalogDir, { recursive: true, force: true });
  });

  async function reports(range: Record<string, string>): Promise<Map<string, KpiReportGql>> {
    const result = await t.api.graphql<{ automationKpis: KpiReportGql[] }>(KPIS, { slug: 'invoicing', range }, cookie);
    expect(result.errors).toBeUndefined();
    return new Map((result.data?.automationKpis ?? []).map((report) => [report.name, report]));
  }

  it('compares a measurement KPI where lower is better with its agreed baseline, over the part of the range it covers', async () => {
    const kpi = (await reports(SEPTEMBER_1_TO_10)).get('hours-to-invoice');

    // Mean of 4 and 6 (the 100 of 20 September is outside the range); first measured 2 Sep 09:00,
    // so 8 days 15 hours of the 10 days are covered.
    expect(kpi).toMatchObject({
      baseline: 26,
      after: 5,
      delta: -21,
      change: 'better',
      progressPercent: 87.5,
      progressDisplayPercent: 87.5,
      targetReached: false,
      coverage: 0.8625,
      partial: true,
      caveat: null,
    });
    expect(kpi?.improvementPercent).toBeCloseTo((21 / 26) * 100, 10);
    expect(kpi?.howComputed).toContain('average (mean) of the 2 values');
    expect(kpi?.range).toEqual({ start: '2026-09-01T00:00:00.000Z', end: '2026-09-11T00:00:00.000Z', days: 10, label: '1 Sep 2026 – 10 Sep 2026' });
  });

  it('measures a higher-is-better baseline over its period: the mean of the August measurements', async () => {
    const kpi = (await reports(SEPTEMBER_1_TO_10)).get('paid-share');

    expect(kpi).toMatchObject({ baseline: 65, baselineFrom: '2026-08-01', after: 80, delta: 15, change: 'better', progressPercent: 60, coverage: 1, partial: false });
    expect(kpi?.improvementPercent).toBeCloseTo((15 / 65) * 100, 10);
  });

  it('derives manual touches per day and the error rate (lower is better) from the rollups', async () => {
    const all = await reports(SEPTEMBER_1_TO_10);

    // 20 + 10 touches over 10 days; 40 before, target 0.
    expect(all.get('touches')).toMatchObject({ baseline: 40, after: 3, delta: -37, change: 'better', improvementPercent: 92.5, progressPercent: 92.5, coverage: 1 });
    // 1 failed of 20 ended runs = 5 %; 10 % before, target 1 %: (10 − 5) ÷ (10 − 1).
    const errors = all.get('errors');
    expect(errors).toMatchObject({ baseline: 10, after: 5, change: 'better', improvementPercent: 50 });
    expect(errors?.progressPercent).toBeCloseTo((5 / 9) * 100, 10);
  });

  it('derives throughput (higher is better) and measures its baseline period from the rollups: worse than before', async () => {
    const kpi = (await reports(SEPTEMBER_1_TO_10)).get('throughput');

    // 20 runs ÷ 10 days = 2 a day; 1–10 August: 40 runs ÷ 10 days = 4 a day; target 10.
    expect(kpi).toMatchObject({ baseline: 4, after: 2, delta: -2, change: 'worse', improvementPercent: -50, progressDisplayPercent: 0, targetReached: false });
    expect(kpi?.progressPercent).toBeCloseTo((-2 / 6) * 100, 10);
  });

  it('reads a cycle-time percentile from the merged duration histograms, over the range and by day', async () => {
    const kpi = (await reports(SEPTEMBER_1_TO_10)).get('slowest-invoices');
    // The 95th percentile of 20 runs is the 19th: one of the two 60 s runs, reported as the
    // geometric middle of its histogram bucket [2^15.75, 2^16) ms.
    const middleOfBucket = 2 ** (63 / 4 + 1 / 8) / 1000;

    expect(kpi?.after).toBeCloseTo(middleOfBucket, 10);
    expect(kpi).toMatchObject({ baseline: 120, change: 'better' });
    const trend = await t.api.graphql<{ kpiTrend: { points: { value: number | null }[] } }>(
      TREND,
      { slug: 'invoicing', kpi: 'slowest-invoices', range: { from: '2026-09-01', to: '2026-09-03' } },
      cookie,
    );
    expect(trend.data?.kpiTrend.points.map((p) => p.value)).toEqual([middleOfBucket, null, null]);
  });

  it('counts only the covered days of a range that starts before the automation reported', async () => {
    // 27 July – 5 August: reporting began 1 August, so 5 of the 10 days; 40 runs ÷ 5 days.
    const kpi = (await reports({ from: '2026-07-27', to: '2026-08-05' })).get('throughput');

    expect(kpi).toMatchObject({ after: 8, coverage: 0.5, partial: true });
  });

  it('says there is no data, in words, for a range before anything was measured', async () => {
    const kpi = (await reports({ from: '2026-06-01', to: '2026-06-30' })).get('hours-to-invoice');

    expect(kpi).toMatchObject({
      after: null,
      noData: true,
      coverage: 0,
      delta: null,
      change: null,
      improvementPercent: null,
      caveat: 'Nothing was measured in the selected dates.',
    });
  });

  it('draws a trend by day with gaps for days without data, for a measurement and a derived KPI', async () => {
    const measured = await t.api.graphql<{ kpiTrend: { interval: string; kpi: { after: number }; points: { at: string; value: number | null }[] } }>(
      TREND,
      { slug: 'invoicing', kpi: 'hours-to-invoice', range: { from: '2026-09-01', to: '2026-09-05' } },
      cookie,
    );
    expect(measured.errors).toBeUndefined();
    expect(measured.data?.kpiTrend.interval).toBe('day');
    expect(measured.data?.kpiTrend.points).toEqual([
      { at: '2026-09-01T00:00:00.000Z', value: null },
      { at: '2026-09-02T00:00:00.000Z', value: 4 },
      { at: '2026-09-03T00:00:00.000Z', value: 6 },
      { at: '2026-09-04T00:00:00.000Z', value: null },
      { at: '2026-09-05T00:00:00.000Z', value: null },
    ]);
    const touches = await t.api.graphql<{ kpiTrend: { points: { value: number | null }[] } }>(
      TREND,
      { slug: 'invoicing', kpi: 'touches', range: { from: '2026-09-01', to: '2026-09-05' } },
      cookie,
    );
    expect(touches.data?.kpiTrend.points.map((p) => p.value)).toEqual([20, null, null, null, 10]);
  });

  it('draws a weekly trend from Monday, the first week clipped to the range', async () => {
    const result = await t.api.graphql<{ kpiTrend: { points: { at: string; value: number | null }[] } }>(
      TREND,
      { slug: 'invoicing', kpi: 'touches', range: SEPTEMBER_1_TO_10, interval: 'week' },
      cookie,
    );

    // Week of 31 Aug, counted from 1 Sep: 30 touches over 6 days. Week of 7 Sep: nothing.
    expect(result.data?.kpiTrend.points).toEqual([
      { at: '2026-08-31T00:00:00.000Z', value: 5 },
      { at: '2026-09-07T00:00:00.000Z', value: null },
    ]);
  });

  it('adds up hours saved and money for a program', async () => {
    const service = t.api.app.get(KpisService);
    const automations = await service.automations(['invoicing', 'payouts']);
    const range = resolveRange(SEPTEMBER_1_TO_10, new Date());
    const all = [...automations.values()];
    const ask = { reports: all.flatMap((a) => a.kpis.map((k) => ({ automation: a.slug, kpi: k.name }))), trends: [], runTotals: [] };
    const totals = service.programTotals(all, await service.evaluate(automations, ask, range, new Date()));

    // (40 − 3) touches a day × 12 minutes × 10 days ÷ 60 = 74 hours; 3,000 − 1,000 EUR a month recovered.
    expect(totals.hoursSaved).toBe(74);
    expect(totals.money).toEqual([
      {
        currency: 'EUR',
        unit: 'EUR/month',
        kind: 'recovered',
        before: 1000,
        after: 3000,
        change: 2000,
        items: [
          {
            automation: 'invoicing',
            kpi: 'cash-recovered',
            currency: 'EUR',
            unit: 'EUR/month',
            direction: 'higher_is_better',
            kind: 'recovered',
            before: 1000,
            after: 3000,
            change: 2000,
          },
        ],
      },
    ]);
    expect(totals.skipped).toEqual([]);
  });

  it('refuses a bad range naming the field, an hourly trend over more than 31 days, and unknown names', async () => {
    const badRange = await t.api.graphql(KPIS, { slug: 'invoicing', range: { from: '2026-09-10', to: '2026-09-01' } }, cookie);
    expect(badRange.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(badRange.errors?.[0]?.extensions?.fields?.[0]).toMatchObject({ path: 'range.to', allowed: 'a date on or after from (2026-09-10)' });

    const tooMany = await t.api.graphql(TREND, { slug: 'invoicing', kpi: 'touches', range: { last: '60d' }, interval: 'hour' }, cookie);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.extensions?.fields?.[0]?.path).toBe('interval');

    const unknownKpi = await t.api.graphql(TREND, { slug: 'invoicing', kpi: 'nope' }, cookie);
    expect(unknownKpi.errors?.[0]).toMatchObject({ message: expect.stringContaining('has no KPI "nope"') as string, extensions: { code: 'NOT_FOUND' } });
    const unknownAutomation = await t.api.graphql(KPIS, { slug: 'nope' }, cookie);
    expect(unknownAutomation.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a request without a signed-in person', async () => {
    const result = await t.api.graphql(KPIS, { slug: 'invoicing' });

    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });
});
