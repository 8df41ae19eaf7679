import type { BurnRateRuleResult } from '../burn-rate-alerts.js';
import type { ErrorBudget } from '../error-budget.js';
import type { SloStatusResult } from '../slos.service.js';
import type { SloBurnRateType, SloDeadLettersType, SloErrorBudgetType, SloStatusType } from './slo-status.type.js';

function toErrorBudget(budget: ErrorBudget): SloErrorBudgetType {
  const { noData, good, total, bad, allowedBad, consumedFraction, remainingFraction, overspent } = budget;
  return { noData, good, total, bad, allowedBad, consumedFraction, remainingFraction, overspent };
}

function toBurnRate(result: BurnRateRuleResult): SloBurnRateType {
  return {
    rule: result.rule.name,
    severity: result.rule.severity,
    threshold: result.rule.burnRate,
    longWindow: result.long.window,
    longBurnRate: result.long.burnRate,
    shortWindow: result.short.window,
    shortBurnRate: result.short.burnRate,
    firing: result.firing,
    budgetSpentInLongWindow: result.budgetSpentInLongWindow,
  };
}

function toDeadLetters(status: SloStatusResult): SloDeadLettersType | null {
  const { backlog, oldestDeadLetter } = status;
  if (status.pendingDeadLetters === null || (backlog === null && oldestDeadLetter === null)) {
    return null;
  }
  return {
    pending: status.pendingDeadLetters,
    maxBacklog: backlog?.maxBacklog ?? null,
    headroom: backlog?.headroom ?? null,
    oldestPendingSince: oldestDeadLetter?.oldestPendingSince ?? null,
    oldestAgeMs: oldestDeadLetter?.ageMs ?? null,
    thresholdMs: oldestDeadLetter?.thresholdMs ?? null,
    withinLimit: (backlog ?? oldestDeadLetter)?.withinLimit ?? true,
  };
}

export function toSloStatus(status: SloStatusResult): SloStatusType {
  const { slo, budget, freshness } = status;
  return {
    name: slo.name,
    title: slo.title,
    indicator: slo.indicator,
    objective: slo.objective,
    window: slo.window,
    attainedPercent: budget?.attainedPercent ?? null,
    state: status.state,
    errorBudget: budget === null ? null : toErrorBudget(budget),
    burnRates: status.burnRates.map(toBurnRate),
    runbook: status.runbook === null ? null : { id: status.runbook.id, title: status.runbook.title },
    freshness: freshness === null ? null : { lastSuccessAt: freshness.lastSuccessAt, ageMs: freshness.ageMs, thresholdMs: freshness.thresholdMs, fresh: freshness.fresh },
    deadLetters: toDeadLetters(status),
  };
}
