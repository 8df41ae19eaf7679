import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { SloIndicator } from '@roundhouse/contracts';
import { SloIndicatorEnum } from '../../common/graphql/enums.js';
import { ALERT_SEVERITIES, type AlertSeverity } from '../burn-rate-alerts.js';
import type { SloState } from '../slos.service.js';

export const SLO_STATES = ['ok', 'burning', 'paging', 'breached', 'no_data'] as const satisfies readonly SloState[];
export const SloStateEnum = Object.fromEntries(SLO_STATES.map((s) => [s, s])) as { [K in SloState]: K };
registerEnumType(SloStateEnum, {
  name: 'SloState',
  description: 'Whether an SLO keeps its promise right now.',
  valuesMap: {
    ok: { description: 'The promise holds: no alert rule fires and the error budget is not spent.' },
    burning: {
      description:
        'At risk: the promise still holds over its window, but the error budget is being spent faster than it lasts (a ticket for working hours), or a dead-letter limit is crossed right now.',
    },
    paging: { description: 'At risk: the promise still holds over its window, but the error budget is being spent so fast that someone is paged now.' },
    breached: { description: 'Broken: over its window the objective was missed, or the whole error budget is spent.' },
    no_data: { description: 'Nothing was counted in the SLO window, so there is nothing to judge.' },
  },
});

export const AlertSeverityEnum = Object.fromEntries(ALERT_SEVERITIES.map((s) => [s, s])) as { [K in AlertSeverity]: K };
registerEnumType(AlertSeverityEnum, {
  name: 'AlertSeverity',
  description: 'How urgent an alert is.',
  valuesMap: { page: { description: 'Wake someone up.' }, ticket: { description: 'Handle it in working hours.' } },
});

@ObjectType('SloErrorBudget', { description: 'How much failure the SLO still allows over its window (for example the last 30 days).' })
export class SloErrorBudgetType {
  @Field(() => Boolean, { description: 'Nothing was counted in the window: no budget spent, nothing to show.' }) noData: boolean;
  @Field(() => Int, { description: 'Good runs (or good minutes, for freshness) in the window.' }) good: number;
  @Field(() => Int, { description: 'All runs that ended (or all minutes, for freshness) in the window.' }) total: number;
  @Field(() => Int, { description: 'Runs (or minutes) that missed the promise: total − good.' }) bad: number;
  @Field(() => Float, { description: 'How many bad ones the objective allows in the window: total × (100 % − objective).' }) allowedBad: number;
  @Field(() => Float, { description: 'Share of the budget spent: bad ÷ allowed bad. 0 is untouched, 1 is all spent, above 1 is overspent.' }) consumedFraction: number;
  @Field(() => Float, { description: 'Share of the budget left: 1 − spent. Negative when overspent.' }) remainingFraction: number;
  @Field(() => Boolean, { description: 'More bad ones than the objective allows: the promise was broken over the window.' }) overspent: boolean;
}

@ObjectType('SloBurnRate', {
  description:
    'One alert rule: how fast the error budget is being spent over a long and a short window. A burn rate of 1 spends exactly the whole budget by the end of the SLO window; 14.4 spends a 30-day budget in 50 hours. The rule fires when both windows are at or above its threshold.',
})
export class SloBurnRateType {
  @Field(() => String, { description: 'The rule, e.g. "fast-burn".' }) rule: string;
  @Field(() => AlertSeverityEnum) severity: AlertSeverity;
  @Field(() => Float, { description: 'The burn rate at or above which the rule fires, e.g. 14.4.' }) threshold: number;
  @Field(() => String, { description: 'The long window, e.g. "1h": the budget really is being spent.' }) longWindow: string;
  @Field(() => Float, { nullable: true, description: 'Burn rate over the long window; empty when nothing was counted in it.' }) longBurnRate: number | null;
  @Field(() => String, { description: 'The short window, e.g. "5m": it is still happening now.' }) shortWindow: string;
  @Field(() => Float, { nullable: true, description: 'Burn rate over the short window; empty when nothing was counted in it.' }) shortBurnRate: number | null;
  @Field(() => Boolean, { description: 'Both burn rates are at or above the threshold.' }) firing: boolean;
  @Field(() => Float, { nullable: true, description: 'Share of the whole SLO window’s budget spent during the long window.' }) budgetSpentInLongWindow: number | null;
}

@ObjectType('SloRunbook', { description: 'The runbook that says what to do when this SLO alerts.' })
export class SloRunbookType {
  @Field(() => String) id: string;
  @Field(() => String) title: string;
}

@ObjectType('SloFreshness', { description: 'For a freshness SLO: how long ago the automation last succeeded.' })
export class SloFreshnessType {
  @Field(() => Date, { nullable: true, description: 'The last successful run; empty when it never succeeded.' }) lastSuccessAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'How old the last success is, in milliseconds.' }) ageMs: number | null;
  @Field(() => Float, { description: 'The most the last success may be old, in milliseconds.' }) thresholdMs: number;
  @Field(() => Boolean, { description: 'The last success is within the threshold. Never succeeded is not fresh.' }) fresh: boolean;
}

@ObjectType('SloDeadLetters', {
  description: 'For a dead-letter SLO, as it stands now. Its error budget and burn rates count the minutes the per-minute gauge found within the limit.',
})
export class SloDeadLettersType {
  @Field(() => Int, { description: 'Dead letters waiting for a decision (pending, or failed again after a reprocess).' }) pending: number;
  @Field(() => Int, { nullable: true, description: 'Backlog SLO: the most that may wait.' }) maxBacklog: number | null;
  @Field(() => Int, { nullable: true, description: 'Backlog SLO: how many more may pile up before the limit is crossed; negative when over.' }) headroom: number | null;
  @Field(() => Date, { nullable: true, description: 'Age SLO: first failure of the oldest waiting dead letter; empty when none waits.' }) oldestPendingSince: Date | null;
  @Field(() => Float, { nullable: true, description: 'Age SLO: how long the oldest waiting dead letter has waited, in milliseconds.' }) oldestAgeMs: number | null;
  @Field(() => Float, { nullable: true, description: 'Age SLO: the longest a dead letter may wait, in milliseconds.' }) thresholdMs: number | null;
  @Field(() => Boolean, { description: 'The limit holds right now.' }) withinLimit: boolean;
}

@ObjectType('SloStatus', { description: 'One promise an automation makes (a service level objective), and whether it is kept.' })
export class SloStatusType {
  @Field(() => String) name: string;
  @Field(() => String, { description: 'The promise in plain words, e.g. "99.5% of closed-won deals invoiced without a manual touch".' }) title: string;
  @Field(() => SloIndicatorEnum, { description: 'What is measured: success rate, latency, freshness of the last success, dead-letter backlog or age.' }) indicator: SloIndicator;
  @Field(() => Float, { description: 'The promise in percent: of runs (success rate, latency) or of minutes (freshness, dead letters) that must be good.' }) objective: number;
  @Field(() => String, { description: 'The rolling period the promise is judged over, e.g. "30d" for the last 30 days.' }) window: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Share of runs (or minutes) that were good over the window, in percent, to compare with the objective; empty when nothing was counted.',
  })
  attainedPercent: number | null;
  @Field(() => SloStateEnum) state: SloState;
  @Field(() => SloErrorBudgetType, { nullable: true, description: 'The error budget over the window: of runs, or of minutes for freshness and dead-letter SLOs.' })
  errorBudget: SloErrorBudgetType | null;
  @Field(() => [SloBurnRateType], { description: 'Each alert rule with its burn rates.' }) burnRates: SloBurnRateType[];
  @Field(() => SloRunbookType, { nullable: true, description: 'The runbook the SLO names, or empty when it names none.' }) runbook: SloRunbookType | null;
  @Field(() => SloFreshnessType, { nullable: true, description: 'For freshness SLOs only.' }) freshness: SloFreshnessType | null;
  @Field(() => SloDeadLettersType, { nullable: true, description: 'For dead-letter backlog and age SLOs only.' }) deadLetters: SloDeadLettersType | null;
}
