import type { AlertSeverity, AlertState } from '@/gql/graphql';
import { Badge } from '@/shared/components/Badge';
import { ALERT_SEVERITY_DESCRIPTIONS, ALERT_SEVERITY_LABELS, ALERT_SEVERITY_TONES, ALERT_STATE_LABELS, ALERT_STATE_TONES } from '../alertWords';

export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  return (
    <Badge tone={ALERT_SEVERITY_TONES[severity]} title={ALERT_SEVERITY_DESCRIPTIONS[severity]}>
      {ALERT_SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function AlertStateBadge({ state }: { state: AlertState }) {
  return <Badge tone={ALERT_STATE_TONES[state]}>{ALERT_STATE_LABELS[state]}</Badge>;
}
