import { Inject, Injectable } from '@nestjs/common';
import type { Slo } from '@roundhouse/contracts';
import { emptyHistogram } from '../runs/duration-histogram.js';
import { AutomationNotFoundError } from '../automations/automations.errors.js';
import { alertWindowsMs, DEFAULT_BURN_RATE_POLICY, evaluateBurnRates, type BurnRateRuleResult } from './burn-rate-alerts.js';
import { errorBudget, type ErrorBudget, type GoodTotal } from './error-budget.js';
import { sloCounts, type IndicatorData } from './slo-counts.js';
import { parseDuration, sloThresholdMs } from './slo-duration.js';
import {
  backlogStatus,
  freshnessStatus,
  oldestDeadLetterStatus,
  type BacklogStatus,
  type FreshnessStatus,
  type OldestDeadLetterStatus,
} from './slo-indicators.js';
import { SlosRepository, type RunbookLink, type SloSnapshot, type WindowRollup } from './slos.repository.js';

/**
 * ok: no burn-rate rule fires. burning: a ticket rule fires (the budget is being spent faster than
 * it lasts). paging: a page rule fires. breached: a dead-letter SLO's limit is exceeded right now
 * (those SLOs have no time series, so no burn rates). no_data: nothing was counted in the SLO window.
 */
export type SloState = 'ok' | 'burning' | 'paging' | 'breached' | 'no_data';

export interface SloStatusResult {
  slo: Slo;
  state: SloState;
  /** Over the SLO window; null for dead-letter SLOs, which are judged only as they stand now. */
  budget: ErrorBudget | null;
  /** One per rule of the burn-rate policy, in policy order; empty for dead-letter SLOs. */
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
    case 'latency':
      return { indicator: 'latency', histogram: rollup.histogram ?? emptyHistogram() };
    case 'freshness': {
      // Minutes before the automation first reported are not held against it.
      const firstReported = snapshot.firstReportedMinute?.getTime() ?? to;
      return { indicator: 'freshness', successes: snapshot.successMinutes, from: Math.max(to - windowMs, firstReported), to };
    }
    case 'dead_letter_backlog':
    case 'dead_letter_age':
      throw new RangeError(`SLO ${slo.name}: ${slo.indicator} has no time series to count`);
  }
}

function stateOf(budget: ErrorBudget, firing: 'page' | 'ticket' | null): SloState {
  if (budget.noData) {
    return 'no_data';
  }
  if (firing === 'page') {
    return 'paging';
  }
  return firing === 'ticket' ? 'burning' : 'ok';
}

@Injectable()
export class SlosService {
  constructor(@Inject(SlosRepository) private readonly slos: SlosRepository) {}

  /**
   * Every SLO of an automation as it stands at `now`, from the per-minute rollups. Windows end at
   * the end of the current minute, like the automation's health page.
   */
  async status(automation: string, now: Date = new Date()): Promise<SloStatusResult[]> {
    const to = Math.ceil(now.getTime() / MINUTE_MS) * MINUTE_MS;
    const snapshot = await this.slos.snapshot(automation, alertWindowsMs(DEFAULT_BURN_RATE_POLICY), new Date(to));
    if (snapshot === null) {
      throw new AutomationNotFoundError(automation);
    }
    const windows = new Map(snapshot.windows.map((w) => [w.windowMs, w]));
    const runbooks = new Map(snapshot.runbooks.map((r) => [r.id, r]));
    return snapshot.slos.map((slo) => {
      const runbook = slo.runbook === undefined ? null : (runbooks.get(slo.runbook) ?? null);
      if (slo.indicator === 'dead_letter_backlog' || slo.indicator === 'dead_letter_age') {
        return { ...this.deadLetterStatus(slo, snapshot, now), runbook };
      }
      const window = slo.window;
      const countsInLast = (windowMs: number): GoodTotal => sloCounts(slo, indicatorData(slo, snapshot, windows, to, windowMs));
      const budget = errorBudget(slo.objective, countsInLast(parseDuration(window)));
      const evaluation = evaluateBurnRates(slo.objective, countsInLast, { policy: DEFAULT_BURN_RATE_POLICY, sloWindow: window });
      const freshness = slo.indicator === 'freshness' ? freshnessStatus(snapshot.lastSuccessAt, now, sloThresholdMs(slo) ?? 0) : null;
      return {
        slo,
        state: stateOf(budget, evaluation.severity),
        budget,
        burnRates: evaluation.results,
        runbook,
        freshness,
        backlog: null,
        oldestDeadLetter: null,
        pendingDeadLetters: null,
      };
    });
  }

  private deadLetterStatus(slo: Slo, snapshot: SloSnapshot, now: Date): Omit<SloStatusResult, 'runbook'> {
    const backlog = slo.indicator === 'dead_letter_backlog' ? backlogStatus(snapshot.pendingDeadLetters, slo.maxBacklog ?? 0) : null;
    const oldestDeadLetter = slo.indicator === 'dead_letter_age' ? oldestDeadLetterStatus(snapshot.oldestPendingSince, now, sloThresholdMs(slo) ?? 0) : null;
    const withinLimit = (backlog ?? oldestDeadLetter)?.withinLimit ?? true;
    return {
      slo,
      state: withinLimit ? 'ok' : 'breached',
      budget: null,
      burnRates: [],
      freshness: null,
      backlog,
      oldestDeadLetter,
      pendingDeadLetters: snapshot.pendingDeadLetters,
    };
  }
}
