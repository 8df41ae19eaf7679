import type { Slo } from '@roundhouse/contracts';
import type { GoodTotal } from './error-budget.js';
import { sloThresholdMs } from './slo-duration.js';
import { freshnessCounts, successRateCounts, withinLimitCounts, type RunOutcomes } from './slo-indicators.js';

/** What each indicator is measured from, over one window. */
export type IndicatorData =
  | { indicator: 'success_rate'; runs: RunOutcomes }
  | { indicator: 'latency'; runs: number; within: number }
  | { indicator: 'freshness'; successes: readonly number[]; from: number; to: number }
  | { indicator: 'dead_letter_backlog'; pendingSamples: readonly number[] }
  | { indicator: 'dead_letter_age'; oldestAgeSamplesMs: readonly number[] };

function requiredThresholdMs(slo: Slo): number {
  const thresholdMs = sloThresholdMs(slo);
  if (thresholdMs === null) {
    throw new RangeError(`SLO ${slo.name}: a ${slo.indicator} SLO needs a threshold`);
  }
  return thresholdMs;
}

/**
 * Good/total counts of one SLO over one window, whatever its indicator: the input to `errorBudget`
 * (over the SLO window) and to `evaluateBurnRates` (over each alert window).
 */
export function sloCounts(slo: Slo, data: IndicatorData): GoodTotal {
  if (data.indicator !== slo.indicator) {
    throw new RangeError(`SLO ${slo.name} measures ${slo.indicator}; got ${data.indicator} data`);
  }
  switch (data.indicator) {
    case 'success_rate':
      return successRateCounts(data.runs);
    case 'latency':
      // Counted at the threshold exactly when each run ended (run_latency_minute), never from the histogram.
      return { good: data.within, total: data.runs };
    case 'freshness':
      return freshnessCounts({ successes: data.successes, from: data.from, to: data.to, thresholdMs: requiredThresholdMs(slo) });
    case 'dead_letter_backlog':
      if (slo.maxBacklog === undefined) {
        throw new RangeError(`SLO ${slo.name}: a dead_letter_backlog SLO needs maxBacklog`);
      }
      return withinLimitCounts(data.pendingSamples, slo.maxBacklog);
    case 'dead_letter_age':
      return withinLimitCounts(data.oldestAgeSamplesMs, requiredThresholdMs(slo));
  }
}
