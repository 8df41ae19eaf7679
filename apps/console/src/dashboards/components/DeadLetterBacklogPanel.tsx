import { Link } from 'react-router';
import { automationDeadLettersPath } from '@/dead-letters/deadLetterFilters';
import { Table } from '@/shared/ui/Table';
import { formatAge } from '@/slos/sloWords';
import { InfoTip } from '@/shared/components/InfoTip';
import { formatDateTime } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import type { BacklogRow } from '../dashboardTypes';
import styles from './DeadLetterBacklogPanel.module.css';

/** Per automation: failed items waiting for a decision now, how long the oldest has waited, and what came and went in the range. */
export function DeadLetterBacklogPanel({ rows, rangeLabel }: { rows: readonly BacklogRow[]; rangeLabel: string }) {
  if (rows.length === 0) {
    return <p className="muted">No automations on this panel.</p>;
  }
  const most = Math.max(1, ...rows.map((row) => row.pending));
  return (
    <Table>
      <caption className="visually-hidden">Failed items waiting for a decision, {rangeLabel}</caption>
      <thead>
        <tr>
          <th scope="col">Automation</th>
          <th scope="col">
            Waiting now{' '}
            <InfoTip label="How waiting now is counted">
              Failed items (dead letters) waiting for someone to retry or close them right now: pending, or failed again after a retry.
            </InfoTip>
          </th>
          <th scope="col">
            Oldest has waited <InfoTip label="How the oldest wait is computed">Time since the oldest waiting item first failed.</InfoTip>
          </th>
          <th scope="col">
            Arrived, {rangeLabel.toLowerCase()} <InfoTip label="How arrived is counted">Failed items that arrived during the selected dates.</InfoTip>
          </th>
          <th scope="col">
            Closed, {rangeLabel.toLowerCase()} <InfoTip label="How closed is counted">Items of the selected dates that were retried successfully, resolved or discarded.</InfoTip>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.automation}>
            <td>
              <Link to={automationDeadLettersPath(row.automation)}>{row.automationTitle}</Link>
            </td>
            <td>
              <span className={styles.bar}>
                <span className={styles.track} aria-hidden="true">
                  <span className={styles.fill} style={{ width: `${(row.pending / most) * 100}%` }} />
                </span>
                <span className="strong">{formatNumber(row.pending)}</span>
              </span>
            </td>
            <td>
              {row.oldestPendingSince === null ? (
                <span className="muted">Nothing waiting</span>
              ) : (
                <span title={`Since ${formatDateTime(row.oldestPendingSince)}`}>{formatAge(row.oldestPendingSince)}</span>
              )}
            </td>
            <td>{formatNumber(row.arrivedInRange)}</td>
            <td>{formatNumber(row.closedInRange)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
