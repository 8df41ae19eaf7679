import { Link } from 'react-router';
import { deadLetterPath } from '@/dead-letters/deadLetterFilters';
import type { ReprocessRequestDetailFragment } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';
import { NumericCell, Table } from '@/shared/ui/Table';
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
    <Table>
      <caption className="visually-hidden">Latest failures and retries</caption>
      <thead>
        <tr>
          <th scope="col">Dead letter</th>
          <th scope="col">State</th>
          <th scope="col">Tries</th>
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
            <NumericCell>{formatNumber(item.attempts)}</NumericCell>
            <td className={styles.error}>{item.error}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
