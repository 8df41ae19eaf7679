import type { SloIndicator } from '@roundhouse/contracts';
import type { AlertDecision, OpenAlert } from './alert-evaluation.js';

/**
 * Alerts about failures their source will remove within a day (see runtimes/retention-warnings.ts):
 * a ticket per automation and source queue, kept while failures there still expire soon, resolved
 * once none do. They share the alert table with SLO alerts under this pseudo-SLO name.
 */
export const RETENTION_ALERT_SLO = 'dead-letter-retention';

/** One source's failures about to vanish, in the words the console shows. */
export interface ExpiringFailures {
  automation: string;
  sourceQueue: string;
  message: string;
}

const ruleOf = (sourceQueue: string) => `expiring:${sourceQueue}`;
const keyOf = (automation: string, rule: string) => JSON.stringify([automation, rule]);

/**
 * The runbook a retention ticket links to: the one the automation's dead-letter SLOs name, else the
 * one any of its SLOs names, else none.
 */
export function retentionRunbook(slos: readonly { indicator: SloIndicator; runbook?: string | undefined }[]): string | null {
  const named = slos.filter((slo) => slo.runbook !== undefined);
  return (named.find((slo) => slo.indicator.startsWith('dead_letter_')) ?? named[0])?.runbook ?? null;
}

/**
 * Decisions for retention alerts. `expiring` null means the sources could not be read this time:
 * open retention alerts are left as they are rather than resolved.
 */
export function decideRetentionAlerts(open: readonly OpenAlert[], expiring: readonly ExpiringFailures[] | null, runbookOf: (automation: string) => string | null): AlertDecision[] {
  if (expiring === null) {
    return [];
  }
  const openByKey = new Map(open.filter((alert) => alert.slo === RETENTION_ALERT_SLO).map((alert) => [keyOf(alert.automation, alert.rule), alert]));
  const decisions: AlertDecision[] = [];
  for (const { automation, sourceQueue, message } of expiring) {
    const rule = ruleOf(sourceQueue);
    const key = keyOf(automation, rule);
    const existing = openByKey.get(key);
    openByKey.delete(key);
    decisions.push(
      existing === undefined
        ? { kind: 'fire', automation, slo: RETENTION_ALERT_SLO, rule, severity: 'ticket', summary: message, runbook: runbookOf(automation) }
        : { kind: 'keep', id: existing.id, summary: message },
    );
  }
  for (const alert of openByKey.values()) {
    decisions.push({ kind: 'resolve', id: alert.id, detail: 'No failure there expires within a day any more: reprocessed, discarded or collected.' });
  }
  return decisions;
}
