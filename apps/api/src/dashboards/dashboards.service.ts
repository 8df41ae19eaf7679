import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { CatalogProblem, DashboardPanel, DashboardReferences, Slo } from '@roundhouse/contracts';
import { SYSTEM_ACTOR, AuditService, type AuditActor } from '../audit/index.js';
import { InputError } from '../errors/domain-errors.js';
import {
  rangeOrDefault,
  resolveRange,
  trendPlan,
  KpisService,
  type DateRangeArgs,
  type ResolvedRange,
  type AutomationKpis,
  type KpiAsk,
  type KpiBatch,
  type KpiReportResult,
  type KpiTrendResult,
  type ProgramTotalsResult,
} from '../kpis/index.js';
import { sloCounts, sloThresholdMs, SlosService, type GoodTotal, type SloStatusResult } from '../slos/index.js';
import { loadDashboards } from './dashboard-loader.js';
import { DashboardsInvalidError } from './dashboards.errors.js';
import { DashboardsRepository, type BacklogRecord, type DashboardApplySummary, type DashboardRecord, type SuccessMinutes } from './dashboards.repository.js';

export interface SloRowResult {
  automation: AutomationKpis;
  status: SloStatusResult;
  /** Over the dashboard's range; 0/0 for dead-letter SLOs (no per-minute history yet). */
  counts: GoodTotal;
}

export interface BacklogRowResult extends BacklogRecord {
  automationTitle: string;
}

/** One panel as computed: what its kind shows, or a problem in words. */
export interface PanelResult {
  panel: DashboardPanel;
  kpi: KpiReportResult | null;
  trend: KpiTrendResult | null;
  slos: SloRowResult[] | null;
  backlog: BacklogRowResult[] | null;
  totals: ProgramTotalsResult | null;
  problem: string | null;
}

export interface DashboardResult {
  record: DashboardRecord;
  range: ResolvedRange;
  panels: PanelResult[];
}

const EMPTY: Omit<PanelResult, 'panel'> = { kpi: null, trend: null, slos: null, backlog: null, totals: null, problem: null };

function automationsOf(panel: DashboardPanel): string[] {
  return 'automations' in panel ? panel.automations : [panel.automation];
}

/** Why a panel cannot be computed, in plain words; null when it can. */
function panelProblem(panel: DashboardPanel, automations: ReadonlyMap<string, AutomationKpis>, range: ResolvedRange): string | null {
  const missing = automationsOf(panel).filter((slug) => !automations.has(slug));
  if (missing.length > 0) {
    const names = missing.map((slug) => `"${slug}"`).join(', ');
    return `${missing.length === 1 ? 'The automation' : 'The automations'} ${names} ${missing.length === 1 ? 'is' : 'are'} no longer in the catalog, so this panel cannot be shown.`;
  }
  if (panel.kind === 'kpi_before_after' || panel.kind === 'kpi_trend') {
    if (!(automations.get(panel.automation)?.kpis.some((kpi) => kpi.name === panel.kpi) ?? false)) {
      return `The automation "${panel.automation}" no longer has the KPI "${panel.kpi}", so this panel cannot be shown.`;
    }
  }
  if (panel.kind === 'kpi_trend') {
    try {
      trendPlan(range, panel.interval);
    } catch (error) {
      if (error instanceof InputError) {
        return `A trend by ${panel.interval} over ${range.label.toLowerCase()} has too many points; choose a shorter range.`;
      }
      throw error;
    }
  }
  return null;
}

/** What an SLO table's counts over the range are read from. */
interface RangeCounted {
  batch: KpiBatch;
  successes: SuccessMinutes | undefined;
  gauge: ReadonlyMap<string, GoodTotal> | undefined;
  latencyCounts: ReadonlyMap<string, { within: number; runs: number }>;
}

const hasRunCountedSlo = (automation: AutomationKpis) => automation.slos.some((slo) => slo.indicator === 'success_rate' || slo.indicator === 'latency');
const freshnessThresholds = (automation: AutomationKpis) => automation.slos.filter((slo) => slo.indicator === 'freshness').map((slo) => sloThresholdMs(slo) ?? 0);

/** Dashboards as code: validate and apply `dashboards/*.yaml` whole or not at all, and compute every panel. */
@Injectable()
export class DashboardsService {
  constructor(
    @Inject(DashboardsRepository) private readonly dashboards: DashboardsRepository,
    @Inject(KpisService) private readonly kpis: KpisService,
    @Inject(SlosService) private readonly slos: SlosService,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** Problems in the files, checked against `references` (e.g. the catalog files); needs no database. */
  static async validate(dir: string, root: string, references: DashboardReferences): Promise<{ problems: CatalogProblem[]; dashboards: number; files: number }> {
    const loaded = await loadDashboards(dir, root, references);
    return { problems: loaded.problems, dashboards: loaded.dashboards.length, files: loaded.fileCount };
  }

  /**
   * Applies every dashboard in `dir` in one transaction, checked against the catalog in the
   * database; dashboards no longer in the folder are deleted. With any problem, throws
   * DashboardsInvalidError and changes nothing. An apply that changed something leaves one
   * `dashboards.applied` entry by `actor` (Roundhouse at start-up, or the command line).
   */
  async apply(dir: string, root: string, actor: AuditActor = SYSTEM_ACTOR): Promise<DashboardApplySummary> {
    const loaded = await loadDashboards(dir, root, await this.dashboards.references());
    if (loaded.problems.length > 0) {
      throw new DashboardsInvalidError(loaded.problems);
    }
    return this.dashboards.apply(loaded.dashboards, (tx, { teams, ...names }) =>
      this.audit.record({ actor, action: 'dashboards.applied', target: { kind: 'dashboards', id: path.relative(root, dir) || '.' }, teams, detail: names }, tx),
    );
  }

  list(): Promise<DashboardRecord[]> {
    return this.dashboards.list();
  }

  /**
   * A dashboard with every panel computed over `range` (default: the dashboard's own), or null when
   * no dashboard has the name. A panel whose automation or KPI is gone gets a problem instead.
   */
  async dashboard(name: string, range: DateRangeArgs | null | undefined, now: Date = new Date()): Promise<DashboardResult | null> {
    const record = await this.dashboards.find(name);
    if (record === null) {
      return null;
    }
    const resolved = resolveRange(rangeOrDefault(range, record.spec.defaultRange), now);
    const automations = await this.kpis.automations(record.spec.panels.flatMap(automationsOf));
    const problems = record.spec.panels.map((panel) => panelProblem(panel, automations, resolved));
    const computable = record.spec.panels.filter((_panel, index) => problems[index] === null);
    const exist = (slugs: string[]) => [...new Set(slugs)].map((slug) => automations.get(slug)).filter((a) => a !== undefined);
    const sloAutomations = exist(computable.flatMap((p) => (p.kind === 'slo_table' ? p.automations : [])));
    const backlogSlugs = [...new Set(computable.flatMap((p) => (p.kind === 'dead_letter_backlog' ? p.automations : [])))];
    const ask: KpiAsk = {
      reports: computable.flatMap((p) => {
        if (p.kind === 'kpi_before_after' || p.kind === 'kpi_trend') {
          return [{ automation: p.automation, kpi: p.kpi }];
        }
        return p.kind === 'program_totals' ? exist(p.automations).flatMap((a) => a.kpis.map((kpi) => ({ automation: a.slug, kpi: kpi.name }))) : [];
      }),
      trends: computable.flatMap((p) => (p.kind === 'kpi_trend' ? [{ automation: p.automation, kpi: p.kpi, interval: p.interval }] : [])),
      runTotals: sloAutomations.filter(hasRunCountedSlo).map((a) => ({ automation: a.slug, histogram: false })),
    };
    const freshness = sloAutomations
      .map((a) => ({ automation: a.slug, thresholds: freshnessThresholds(a) }))
      .filter((f) => f.thresholds.length > 0)
      .map((f) => ({ automation: f.automation, since: new Date(resolved.from.getTime() - Math.max(...f.thresholds)) }));
    const latency = sloAutomations.flatMap((a) =>
      a.slos.filter((slo) => slo.indicator === 'latency').map((slo) => ({ automation: a.slug, thresholdMs: sloThresholdMs(slo) ?? 0 })),
    );
    const [batch, backlog, successes, statuses, gauges, latencyCounts] = await Promise.all([
      this.kpis.evaluate(automations, ask, resolved, now),
      this.dashboards.backlog(backlogSlugs, resolved.from, resolved.to),
      this.dashboards.successMinutes(freshness, resolved.to),
      this.slos.statuses(
        sloAutomations.map((a) => a.slug),
        now,
      ),
      Promise.all(sloAutomations.map(async (a) => [a.slug, await this.slos.deadLetterCounts(a.slug, resolved.from, resolved.to)] as const)),
      this.dashboards.latencyCounts(latency, resolved.from, resolved.to),
    ]);
    const gaugeBySlug = new Map(gauges);
    const panels = record.spec.panels.map((panel, index): PanelResult => {
      const problem = problems[index] ?? null;
      if (problem !== null) {
        return { panel, ...EMPTY, problem };
      }
      switch (panel.kind) {
        case 'kpi_before_after':
          return { panel, ...EMPTY, kpi: batch.report(panel.automation, panel.kpi) };
        case 'kpi_trend':
          return { panel, ...EMPTY, kpi: batch.report(panel.automation, panel.kpi), trend: batch.trend(panel.automation, panel.kpi, panel.interval) };
        case 'slo_table':
          return {
            panel,
            ...EMPTY,
            slos: exist(panel.automations).flatMap((a) =>
              this.sloRows(a, statuses.get(a.slug) ?? [], { batch, successes: successes.get(a.slug), gauge: gaugeBySlug.get(a.slug), latencyCounts }, resolved, now),
            ),
          };
        case 'dead_letter_backlog':
          return {
            panel,
            ...EMPTY,
            backlog: exist(panel.automations).map((a) => ({
              ...(backlog.get(a.slug) ?? { automation: a.slug, pending: 0, oldestPendingSince: null, arrivedInRange: 0, closedInRange: 0 }),
              automationTitle: a.title,
            })),
          };
        case 'program_totals':
          return { panel, ...EMPTY, totals: this.kpis.programTotals(exist(panel.automations), batch) };
      }
    });
    return { record, range: resolved, panels };
  }

  private sloRows(automation: AutomationKpis, statuses: SloStatusResult[], counted: RangeCounted, range: ResolvedRange, now: Date): SloRowResult[] {
    return statuses.map((status) => ({ automation, status, counts: this.rangeCounts(status.slo, automation.slug, counted, range, now) }));
  }

  /** Good/total of one SLO over the dashboard's range, from the same rollups as its status. */
  private rangeCounts(slo: Slo, slug: string, { batch, successes, gauge, latencyCounts }: RangeCounted, range: ResolvedRange, now: Date): GoodTotal {
    switch (slo.indicator) {
      case 'success_rate': {
        const totals = batch.runTotals(slug);
        return totals === null ? { good: 0, total: 0 } : sloCounts(slo, { indicator: 'success_rate', runs: totals.runs });
      }
      case 'latency': {
        // Counted at the threshold exactly, when each run ended.
        const counted = latencyCounts.get(`${slug}|${sloThresholdMs(slo) ?? 0}`) ?? { within: 0, runs: 0 };
        return sloCounts(slo, { indicator: 'latency', ...counted });
      }
      case 'freshness': {
        if (successes === undefined || successes.firstReportedMinute === null) {
          return { good: 0, total: 0 };
        }
        // Minutes before the automation first reported, and minutes still to come, are not counted.
        const from = Math.max(range.from.getTime(), successes.firstReportedMinute.getTime());
        const to = Math.min(range.to.getTime(), now.getTime());
        return sloCounts(slo, { indicator: 'freshness', successes: successes.minutes, from, to });
      }
      case 'dead_letter_backlog':
      case 'dead_letter_age':
        // Minutes the per-minute dead-letter gauge sampled in the range, and how many were within the limit.
        return gauge?.get(slo.name) ?? { good: 0, total: 0 };
    }
  }
}
