import { Link } from 'react-router';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { REPROCESS_ACTION_LABELS } from '@/shared/format/labels';
import { Table } from '@/shared/ui/Table';
import { CANARY_STAGE_LABELS } from '../reprocessCanary';
import { reprocessPath } from '../reprocessProgress';
import { ReprocessProgressBar } from './ReprocessProgressBar';
import { ReprocessStateBadge } from './ReprocessStateBadge';
import styles from './ReprocessRequestTable.module.css';

interface ReprocessRequestTableProps {
  requests: readonly ReprocessRequestSummaryFragment[];
  /** The list of every request names each one's automations; an automation's own tab does not. */
  showAutomations: boolean;
}

/** Requests, newest first, each with a small progress bar (and where its canary is); the number opens one. */
export function ReprocessRequestTable({ requests, showAutomations }: ReprocessRequestTableProps) {
  return (
    <Table>
      <caption className="visually-hidden">Reprocess and discard requests, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">State</th>
          {showAutomations ? <th scope="col">Automations</th> : null}
          <th scope="col">Progress</th>
          <th scope="col">Requested</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id} data-request-id={request.id}>
            <td className="nowrap">
              <Link to={reprocessPath(request.id)}>#{request.id}</Link> <span className="muted">{REPROCESS_ACTION_LABELS[request.action]}</span>
            </td>
            <td>
              <ReprocessStateBadge state={request.state} />
              {request.canary ? <span className={`${styles.when} muted`}>canary: {CANARY_STAGE_LABELS[request.canary.stage]}</span> : null}
            </td>
            {showAutomations ? <td className="mono">{request.automations.join(', ')}</td> : null}
            <td>
              <ReprocessProgressBar request={request} />
            </td>
            <td className="nowrap">
              {request.requestedBy.name}
              <span className={`${styles.when} muted`}>
                <time dateTime={request.createdAt}>{formatInstant(request.createdAt)}</time>
              </span>
            </td>
            <td className={styles.reason} title={request.reason}>
              {request.reason}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
