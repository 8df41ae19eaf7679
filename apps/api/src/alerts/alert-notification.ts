import type { AlertSeverity } from '../slos/index.js';

export const ALERT_TRANSITIONS = ['fired', 'resolved'] as const;
/** The changes that are announced: an alert fires, an alert resolves. */
export type AlertTransition = (typeof ALERT_TRANSITIONS)[number];

/** Everything a notification says about an alert. */
export interface AlertNotice {
  id: string;
  transition: AlertTransition;
  automation: string;
  automationTitle: string;
  slo: string;
  sloTitle: string;
  rule: string;
  severity: AlertSeverity;
  summary: string;
  firedAt: Date;
  resolvedAt: Date | null;
  runbook: { id: string; title: string } | null;
  /** The owning team's chat channel, e.g. "#finance-ops", when the catalog names one. */
  channel: string | null;
}

/** Sent with every notification: the same key for the same alert and transition, however often it is retried. */
export const NOTIFICATION_ID_HEADER = 'x-roundhouse-notification-id';

export function notificationId(alertId: string, transition: AlertTransition): string {
  return `roundhouse-alert-${alertId}-${transition}`;
}

/** Escapes text for Slack's mrkdwn, where &, < and > are control characters. */
function mrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function link(url: string, label: string): string {
  return `<${url}|${mrkdwn(label).replaceAll('|', '¦')}>`;
}

/**
 * A Slack-compatible incoming-webhook payload (`text` for notifications and other chat tools,
 * `blocks` for Slack), plus a `roundhouse` object with the alert as data for any other receiver.
 * `consoleUrl` is where people reach the console, without a trailing slash.
 */
export function notificationPayload(notice: AlertNotice, consoleUrl: string): Record<string, unknown> {
  const automationUrl = `${consoleUrl}/automations/${encodeURIComponent(notice.automation)}`;
  const alertsUrl = `${consoleUrl}/alerts`;
  const runbookUrl = notice.runbook === null ? null : `${automationUrl}#runbook-${encodeURIComponent(notice.runbook.id)}`;
  const level = notice.severity === 'page' ? 'PAGE' : 'TICKET';
  const headline = notice.transition === 'fired' ? `[${level}] ${notice.automationTitle}: ${notice.sloTitle}` : `[RESOLVED] ${notice.automationTitle}: ${notice.sloTitle}`;
  const runbookLine = notice.runbook === null || runbookUrl === null ? 'No runbook is linked to this SLO.' : `Runbook: ${link(runbookUrl, notice.runbook.title)}`;
  const body = notice.transition === 'fired' ? notice.summary : `Resolved: the error budget is no longer burning fast enough to alert (${notice.rule}).`;
  const text = `${mrkdwn(headline)}\n${mrkdwn(body)}\n${runbookLine}`;
  return {
    text,
    ...(notice.channel === null ? {} : { channel: notice.channel }),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: headline.slice(0, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: `${mrkdwn(body)}\n${runbookLine}` } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `${link(automationUrl, notice.automationTitle)} · rule ${mrkdwn(notice.rule)} · ${link(alertsUrl, 'open alerts')}` }],
      },
    ],
    roundhouse: {
      notificationId: notificationId(notice.id, notice.transition),
      alertId: notice.id,
      transition: notice.transition,
      automation: notice.automation,
      slo: notice.slo,
      rule: notice.rule,
      severity: notice.severity,
      summary: notice.summary,
      firedAt: notice.firedAt.toISOString(),
      resolvedAt: notice.resolvedAt?.toISOString() ?? null,
      runbook: notice.runbook === null ? null : { ...notice.runbook, url: runbookUrl },
      url: automationUrl,
    },
  };
}
