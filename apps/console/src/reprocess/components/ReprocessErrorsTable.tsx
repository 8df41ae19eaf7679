import { Link } from 'react-router';
import { deadLetterPath } from '@/dead-letters/deadLetterFilters';
import type { ReprocessRequestDetailFragment } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';
import { ReprocessItemStateBadge } from './ReprocessStateBadge';
import styles from './ReprocessErrorsTable.module.css';

type ItemError = ReprocessRequestDetailFragment['recentErrors'][number];

/** The latest messages that failed or wait to be tried again, each linking to its dead letter. */
export function ReprocessErrorsTable({ errors }: { errors: readonly ItemError[] }) {
  if (errors.length === 0) {
    return (
      <p className="muted" role="status">
        No failures or retries so far.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Latest failures and retries</caption>
        <thead>
          <tr>
            <th scope="col">Dead letter</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Tries
            </th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((item) => (
            <tr key={item.deadLetterId} data-dead-letter-id={item.deadLetterId}>
              <td>
                <Link className="mono" to={deadLetterPath(item.deadLetterId)} title={`Dead letter #${item.deadLetterId}`}>
                  {item.messageId}
                </Link>
              </td>
              <td>
                <ReprocessItemStateBadge state={item.state} />
              </td>
              <td className="numeric">{formatNumber(item.attempts)}</td>
              <td className={styles.error}>{item.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
