import { Link } from 'react-router';
import type { DeadLetterQuery } from '@/gql/graphql';
import { reprocessPath } from '@/reprocess/reprocessProgress';
import { ReprocessItemStateBadge, ReprocessStateBadge } from '@/reprocess/components/ReprocessStateBadge';
import { formatInstant } from '@/shared/format/dates';
import { REPROCESS_ACTION_LABELS, REPROCESS_ROUTE_LABELS } from '@/shared/format/labels';
import { formatNumber } from '@/shared/format/numbers';
import { ErrorClass } from '@/shared/components/RunError';
import { Table } from '@/shared/ui/Table';
import { deadLetterPath } from '../deadLetterFilters';
import styles from './DeadLetterHistory.module.css';

type DeadLetterAction = DeadLetterQuery['deadLetter']['actions'][number];

function Outcome({ action }: { action: DeadLetterAction }) {
  return (
    <div>
      <ReprocessItemStateBadge state={action.state} />{' '}
      <span className="muted">
        {formatNumber(action.attempts)} {action.attempts === 1 ? 'try' : 'tries'}
      </span>
      {action.finishedAt ? (
        <span className="muted">
          {' '}
          · <time dateTime={action.finishedAt}>{formatInstant(action.finishedAt)}</time>
        </span>
      ) : null}
      {action.lastError ? <p className={styles.error}>{action.lastError}</p> : null}
      {action.newDeadLetterId ? (
        <p className={styles.again}>
          Failed again as <Link to={deadLetterPath(action.newDeadLetterId)}>dead letter #{action.newDeadLetterId}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** Every reprocess and discard that included this message, newest first, and what became of it each time. */
export function DeadLetterHistory({ actions }: { actions: readonly DeadLetterAction[] }) {
  if (actions.length === 0) {
    return (
      <p className="muted" role="status">
        Never reprocessed or discarded.
      </p>
    );
  }
  return (
    <Table>
      <caption className="visually-hidden">Reprocesses and discards of this message, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">Who and why</th>
          <th scope="col">Route</th>
          <th scope="col">Outcome</th>
          <th scope="col">Idempotency key</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={`${action.requestId}:${action.reprocessId}`} data-request-id={action.requestId}>
            <td className="nowrap">
              <Link to={reprocessPath(action.requestId)}>
                {REPROCESS_ACTION_LABELS[action.action]} #{action.requestId}
              </Link>{' '}
              <ReprocessStateBadge state={action.requestState} />
            </td>
            <td>
              {action.requestedBy}, <time dateTime={action.requestedAt}>{formatInstant(action.requestedAt)}</time>
              <p className={styles.reason}>{action.reason}</p>
            </td>
            <td>{REPROCESS_ROUTE_LABELS[action.route]}</td>
            <td>
              <Outcome action={action} />
            </td>
            <td>
              <code className={styles.key} title="Sent as x-roundhouse-reprocess-id; the runtime dedupes on it">
                {action.reprocessId}
              </code>
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

type EarlierError = DeadLetterQuery['deadLetter']['earlierErrors'][number];

/** The errors the message failed with before its newest one (it moved to the group of each new error), newest first. */
export function DeadLetterEarlierErrors({ errors }: { errors: readonly EarlierError[] }) {
  if (errors.length === 0) {
    return null;
  }
  return (
    <div>
      <h3>Earlier errors</h3>
      <ul aria-label="Earlier errors, newest first">
        {[...errors].reverse().map((error) => (
          <li key={`${error.until}:${error.errorClass}`}>
            <ErrorClass>{error.errorClass}</ErrorClass> <span className={styles.error}>{error.errorMessage}</span>{' '}
            <span className="muted">
              until it failed again <time dateTime={error.until}>{formatInstant(error.until)}</time>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
