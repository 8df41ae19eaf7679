import type { AlertSeverity, AlertState } from '@/gql/graphql';
import type { BadgeTone } from '@/shared/components/Badge';

export const ALERT_STATE_LABELS: Record<AlertState, string> = {
  firing: 'Firing',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

export const ALERT_STATE_TONES: Record<AlertState, BadgeTone> = {
  firing: 'danger',
  acknowledged: 'caution',
  resolved: 'good',
};

export const ALERT_SEVERITY_LABELS: Record<AlertSeverity, string> = {
  page: 'Page',
  ticket: 'Ticket',
};

export const ALERT_SEVERITY_DESCRIPTIONS: Record<AlertSeverity, string> = {
  page: 'Wake someone up: the error budget is going fast.',
  ticket: 'Handle it in working hours.',
};

export const ALERT_SEVERITY_TONES: Record<AlertSeverity, BadgeTone> = {
  page: 'danger',
  ticket: 'info',
};

const EVENT_KIND_LABELS: Record<string, string> = {
  fired: 'Fired',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  notified: 'Notification sent',
  notification_failed: 'Notification failed',
};

/** An alert event's kind in words; kinds the console does not know yet are shown as sent. */
export function alertEventLabel(kind: string): string {
  return EVENT_KIND_LABELS[kind] ?? kind.replaceAll('_', ' ');
}
