import { parseDuration, type Slo } from '@roundhouse/contracts';
import type { AlertSeverity, BurnRateRuleResult } from '../slos/index.js';

/**
 * What one evaluation does to the alerts: fire a new one where a burn-rate rule fires and none is
 * open, keep (refresh) an open one whose rule still fires, resolve an open one whose rule stopped
 * firing or whose SLO or rule no longer exists. One open alert per automation, SLO and rule.
 */

/** An alert that is firing or acknowledged. */
export interface OpenAlert {
  id: string;
  automation: string;
  slo: string;
  rule: string;
}

/** One automation's SLOs as just evaluated; `rules` is every rule of the policy with its result. */
export interface EvaluatedSlo {
  automation: string;
  slo: Pick<Slo, 'name' | 'title' | 'window' | 'runbook'>;
  rules: readonly BurnRateRuleResult[];
}

export type AlertDecision =
  | { kind: 'fire'; automation: string; slo: string; rule: string; severity: AlertSeverity; summary: string; runbook: string | null }
  | { kind: 'keep'; id: string; summary: string }
  | { kind: 'resolve'; id: string; detail: string };

const keyOf = (automation: string, slo: string, rule: string) => JSON.stringify([automation, slo, rule]);

function rate(value: number | null): string {
  return value === null ? 'no data' : `${value.toFixed(1)}×`;
}

/** "2 days 2 hours", "50 minutes": how long a whole budget lasts at a burn rate. */
export function spanInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) {
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} hour${hours === 1 ? '' : 's'}`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return `${days} days${rest === 0 ? '' : ` ${rest} hour${rest === 1 ? '' : 's'}`}`;
}

/**
 * The alert in one sentence a person on call can act on, e.g. "99.5% of closed-won deals invoiced
 * without a manual touch: error budget burning 15.0× over the last 1h (20.0× over 5m). At this rate
 * the 30d budget lasts 2 days."
 */
export function alertSummary(slo: EvaluatedSlo['slo'], result: BurnRateRuleResult): string {
  const lasts =
    result.long.burnRate === null || result.long.burnRate === 0
      ? ''
      : ` At this rate the ${slo.window} budget lasts ${spanInWords(parseDuration(slo.window) / result.long.burnRate)}.`;
  return `${slo.title}: error budget burning ${rate(result.long.burnRate)} over the last ${result.long.window} (${rate(result.short.burnRate)} over ${result.short.window}).${lasts}`;
}

/**
 * Decisions for one evaluation. `evaluated` holds every automation evaluated now; open alerts of
 * automations in `skipped` (their evaluation failed) are left alone rather than resolved.
 */
export function decideAlerts(open: readonly OpenAlert[], evaluated: readonly EvaluatedSlo[], skipped: ReadonlySet<string> = new Set()): AlertDecision[] {
  const openByKey = new Map(open.map((alert) => [keyOf(alert.automation, alert.slo, alert.rule), alert]));
  const decisions: AlertDecision[] = [];
  const seen = new Set<string>();
  for (const { automation, slo, rules } of evaluated) {
    for (const result of rules) {
      const key = keyOf(automation, slo.name, result.rule.name);
      seen.add(key);
      const existing = openByKey.get(key);
      if (result.firing) {
        const summary = alertSummary(slo, result);
        decisions.push(
          existing === undefined
            ? { kind: 'fire', automation, slo: slo.name, rule: result.rule.name, severity: result.rule.severity, summary, runbook: slo.runbook ?? null }
            : { kind: 'keep', id: existing.id, summary },
        );
      } else if (existing !== undefined) {
        decisions.push({
          kind: 'resolve',
          id: existing.id,
          detail: `The burn rate fell below ${result.rule.burnRate}× (${rate(result.long.burnRate)} over ${result.long.window}, ${rate(result.short.burnRate)} over ${result.short.window}).`,
        });
      }
    }
  }
  for (const alert of open) {
    if (!seen.has(keyOf(alert.automation, alert.slo, alert.rule)) && !skipped.has(alert.automation)) {
      decisions.push({
        kind: 'resolve',
        id: alert.id,
        detail: 'The SLO or its alert rule no longer exists (changed in the catalog or the alerting settings), or the automation was archived.',
      });
    }
  }
  return decisions;
}
