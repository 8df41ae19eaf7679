import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { runbookAnchor } from '@/automation/components/runbookAnchor';
import type { AlertFieldsFragment } from '@/gql/graphql';
import { formatDateTime, formatTimeAgo } from '@/shared/format/dates';
import { Timeline, TimelineItem } from '@/shared/components/Timeline';
import { alertEventLabel } from '../alertWords';
import { AcknowledgeAlertButton } from './AcknowledgeAlertButton';
import { AlertSeverityBadge, AlertStateBadge } from './AlertBadges';
import cards from '@/shared/components/CardList.module.css';
import styles from './Alerts.module.css';

export type AlertData = AlertFieldsFragment;

function AlertHistory({ alert }: { alert: AlertData }) {
  return (
    <details className={styles.history}>
      <summary>History ({alert.events.length === 1 ? '1 event' : `${alert.events.length} events`})</summary>
      <Timeline>
        {alert.events.map((event, index) => (
          <TimelineItem key={`${event.at}-${index}`}>
            <span className="strong">{alertEventLabel(event.kind)}</span> · {formatDateTime(event.at)}
            {event.actor ? ` · by ${event.actor}` : ''}
            {event.detail ? <span className="muted"> — {event.detail}</span> : null}
          </TimelineItem>
        ))}
      </Timeline>
    </details>
  );
}

function AlertCard({ alert, showAutomation }: { alert: AlertData; showAutomation: boolean }) {
  const automationPath = `/automations/${encodeURIComponent(alert.automation)}`;
  return (
    <li className={cards.card} aria-label={`${alert.sloTitle}: ${alert.summary}`}>
      <div className={cards.header}>
        <div className="badges">
          <AlertSeverityBadge severity={alert.severity} />
          <AlertStateBadge state={alert.state} />
        </div>
        {alert.state === 'firing' ? <AcknowledgeAlertButton id={alert.id} sloTitle={alert.sloTitle} blockedReason={alert.acknowledgeBlockedReason ?? null} /> : null}
      </div>
      <p className="strong">{alert.summary}</p>
      <dl className="facts facts--grid">
        {showAutomation ? (
          <div>
            <dt>Automation</dt>
            <dd>
              <Link to={automationPath}>{alert.automationTitle}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Promise (SLO)</dt>
          <dd>
            <Link to={`${automationPath}/slos`}>{alert.sloTitle}</Link> <span className="muted">· rule {alert.rule}</span>
          </dd>
        </div>
        <div>
          <dt>Fired</dt>
          <dd title={formatDateTime(alert.firedAt)}>
            {formatTimeAgo(alert.firedAt)} <span className="muted">({formatDateTime(alert.firedAt)})</span>
          </dd>
        </div>
        {alert.acknowledgedAt ? (
          <div>
            <dt>Acknowledged</dt>
            <dd>
              {alert.acknowledgedBy ? `${alert.acknowledgedBy}, ` : ''}
              {formatDateTime(alert.acknowledgedAt)}
            </dd>
          </div>
        ) : null}
        {alert.resolvedAt ? (
          <div>
            <dt>Resolved</dt>
            <dd>{formatDateTime(alert.resolvedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>What to do</dt>
          <dd>
            {alert.runbook ? (
              <Link to={`${automationPath}#${runbookAnchor(alert.runbook.id)}`}>Runbook: {alert.runbook.title}</Link>
            ) : (
              <span className="muted">No runbook named</span>
            )}
          </dd>
        </div>
      </dl>
      <AlertHistory alert={alert} />
    </li>
  );
}

interface AlertListProps {
  alerts: readonly AlertData[];
  /** On an automation's own page the automation goes without saying. */
  showAutomation?: boolean;
  emptyState: ReactNode;
  label: string;
}

export function AlertList({ alerts, showAutomation = true, emptyState, label }: AlertListProps) {
  if (alerts.length === 0) {
    return <>{emptyState}</>;
  }
  return (
    <ul className={cards.list} aria-label={label}>
      {alerts.map((alert) => (
        <AlertCard key={alert.id} alert={alert} showAutomation={showAutomation} />
      ))}
    </ul>
  );
}
