import { Inject, Injectable } from '@nestjs/common';
import { parseDuration, type Slo } from '@roundhouse/contracts';
import { AutomationNotFoundError } from '../automations/index.js';
import { alertWindowsMs, evaluateBurnRates, type BurnRatePolicy, type BurnRateRuleResult } from './burn-rate-alerts.js';
import { BURN_RATE_POLICY } from './burn-rate-policy.js';
import { errorBudget, type ErrorBudget, type GoodTotal } from './error-budget.js';
import { stateOf, type SloState } from './slo-state.js';
import { sloCounts, type IndicatorData } from './slo-counts.js';
import { sloThresholdMs } from './slo-duration.js';
import { backlogStatus, freshnessStatus, oldestDeadLetterStatus, type BacklogStatus, type FreshnessStatus, type OldestDeadLetterStatus } from './slo-indicators.js';
export type { SloState } from './slo-state.js';
import { SlosRepository, type RunbookLink, type SloSnapshot, type WindowRollup } from './slos.repository.js';

export interface SloStatusResult {
  slo: Slo;
  state: SloState;
  /**
   * Over the SLO window: of runs (success rate, latency) or of minutes (freshness; dead-letter SLOs,
   * from the per-minute gauge). Null only for a result built without counts.
   */
  budget: ErrorBudget | null;
  /** One per rule of the burn-rate policy, in policy order. */
  burnRates: BurnRateRuleResult[];
  runbook: RunbookLink | null;
  freshness: FreshnessStatus | null;
  backlog: BacklogStatus | null;
  oldestDeadLetter: OldestDeadLetterStatus | null;
  /** Pending dead letters (pending or failed again), for the two dead-letter SLOs. */
  pendingDeadLetters: number | null;
}

const MINUTE_MS = 60_000;

/** How one SLO's indicator is measured over the last `windowMs` before `to`. */
function indicatorData(slo: Slo, snapshot: SloSnapshot, windows: ReadonlyMap<number, WindowRollup>, to: number, windowMs: number): IndicatorData {
  const rollup = windows.get(windowMs);
  if (rollup === undefined) {
    throw new RangeError(`No rollup counts were read for a ${windowMs} ms window`);
  }
  switch (slo.indicator) {
    case 'success_rate':
      return { indicator: 'success_rate', runs: rollup };
    case 'latency': {
      const thresholdMs = sloThresholdMs(slo);
      const counted = snapshot.latencyWindows.find((w) => w.windowMs === windowMs && w.thresholdMs === thresholdMs);
      if (counted === undefined) {
        throw new RangeError(`No latency counts were read for SLO ${slo.name} over ${windowMs} ms`);
      }
      return { indicator: 'latency', runs: counted.runs, within: counted.within };
    }
    case 'freshness': {
      // Minutes before the automation first reported are not held against it.
      const firstReported = snapshot.firstReportedMinute?.getTime() ?? to;
      return { indicator: 'freshness', successes: snapshot.successMinutes, from: Math.max(to - windowMs, firstReported), to };
    }
    case 'dead_letter_backlog':
    case 'dead_letter_age':
      throw new RangeError(`SLO ${slo.name}: ${slo.indicator} is counted from the dead-letter gauge, not the run rollups`);
  }
}

/**
 * Good/total minutes of a dead-letter SLO over the last `windowMs`, from the per-minute gauge, with
 * the limit applied in SQL (the same rule as `withinLimitCounts`: at or under the limit is good).
 */
function gaugeCounts(slo: Slo, snapshot: SloSnapshot, windowMs: number): GoodTotal {
  const sampled = snapshot.deadLetterWindows.find((w) => w.slo === slo.name && w.windowMs === windowMs);
  if (sampled === undefined) {
    throw new RangeError(`No dead-letter gauge counts were read for SLO ${slo.name} over ${windowMs} ms`);
  }
  return { good: sampled.goodMinutes, total: sampled.sampledMinutes };
}

const DEAD_LETTER_INDICATORS: readonly string[] = ['dead_letter_backlog', 'dead_letter_age'];

@Injectable()
export class SlosService {
  constructor(
    @Inject(SlosRepository) private readonly slos: SlosRepository,
    @Inject(BURN_RATE_POLICY) private readonly policy: BurnRatePolicy,
  ) {}

  /** The burn-rate rules every SLO is evaluated with. */
  get burnRatePolicy(): BurnRatePolicy {
    return this.policy;
  }

  /**
   * Every SLO of an automation as it stands at `now`. Runs (success rate, latency) are counted over
   * (now − W, now] exactly, as the SRE workbook defines a window: whole minutes from the per-minute
   * rollups, the partial minutes at its edges from the raw runs. Minutes (freshness, dead-letter
   * SLOs) are counted whole, up to the end of the current minute.
   */
  async status(automation: string, now: Date = new Date()): Promise<SloStatusResult[]> {
    const found = (await this.statuses([automation], now)).get(automation);
    if (found === undefined) {
      throw new AutomationNotFoundError(automation);
    }
    return found;
  }

  /** `status` of each of `automations` there is, by slug, read in one statement. */
  async statuses(automations: readonly string[], now: Date = new Date()): Promise<Map<string, SloStatusResult[]>> {
    const to = Math.ceil(now.getTime() / MINUTE_MS) * MINUTE_MS;
    const snapshots = await this.slos.snapshots(automations, alertWindowsMs(this.policy), new Date(to), now);
    return new Map([...snapshots].map(([automation, snapshot]) => [automation, this.judge(snapshot, to, now)]));
  }

  private judge(snapshot: SloSnapshot, to: number, now: Date): SloStatusResult[] {
    const windows = new Map(snapshot.windows.map((w) => [w.windowMs, w]));
    const runbooks = new Map(snapshot.runbooks.map((r) => [r.id, r]));
    return snapshot.slos.map((slo) => {
      const runbook = slo.runbook === undefined ? null : (runbooks.get(slo.runbook) ?? null);
      const countsInLast = (windowMs: number): GoodTotal =>
        DEAD_LETTER_INDICATORS.includes(slo.indicator) ? gaugeCounts(slo, snapshot, windowMs) : sloCounts(slo, indicatorData(slo, snapshot, windows, to, windowMs));
      const budget = errorBudget(slo.objective, countsInLast(parseDuration(slo.window)));
      const evaluation = evaluateBurnRates(slo.objective, countsInLast, { policy: this.policy, sloWindow: slo.window });
      const current = this.currentStatus(slo, snapshot, now);
      return {
        slo,
        state: stateOf(budget, evaluation.severity, current.overLimitNow),
        budget,
        burnRates: evaluation.results,
        runbook,
        ...current.status,
      };
    });
  }

  /** Per dead-letter SLO of an automation (by name): minutes the gauge sampled in [from, to), and how many were within the limit. */
  deadLetterCounts(automation: string, from: Date, to: Date): Promise<Map<string, GoodTotal>> {
    return this.slos.deadLetterGaugeCounts(automation, from, to);
  }

  /** Slugs of active automations that declare SLOs: the ones the evaluator judges every minute. */
  automationsWithSlos(): Promise<string[]> {
    return this.slos.automationsWithSlos();
  }

  /**
   * Samples every active automation's dead-letter backlog for the minute of `now` (the time series
   * dead-letter SLOs are judged on) and drops samples older than `keepDays`.
   */
  async sampleDeadLetters(now: Date, keepDays: number): Promise<number> {
    const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const sampled = await this.slos.recordDeadLetterGauge(minute);
    await this.slos.pruneDeadLetterGauge(new Date(minute.getTime() - keepDays * 86_400_000));
    return sampled;
  }

  /** What an SLO's indicator shows at this moment, beside its budget: the last success, the backlog or the oldest dead letter. */
  private currentStatus(
    slo: Slo,
    snapshot: SloSnapshot,
    now: Date,
  ): { status: Pick<SloStatusResult, 'freshness' | 'backlog' | 'oldestDeadLetter' | 'pendingDeadLetters'>; overLimitNow: boolean | null } {
    const freshness = slo.indicator === 'freshness' ? freshnessStatus(snapshot.lastSuccessAt, now, sloThresholdMs(slo) ?? 0) : null;
    const backlog = slo.indicator === 'dead_letter_backlog' ? backlogStatus(snapshot.pendingDeadLetters, slo.maxBacklog ?? 0) : null;
    const oldestDeadLetter = slo.indicator === 'dead_letter_age' ? oldestDeadLetterStatus(snapshot.oldestPendingSince, now, sloThresholdMs(slo) ?? 0) : null;
    const deadLetterLimit = backlog ?? oldestDeadLetter;
    return {
      status: { freshness, backlog, oldestDeadLetter, pendingDeadLetters: deadLetterLimit === null ? null : snapshot.pendingDeadLetters },
      overLimitNow: deadLetterLimit === null ? null : !deadLetterLimit.withinLimit,
    };
  }
}
