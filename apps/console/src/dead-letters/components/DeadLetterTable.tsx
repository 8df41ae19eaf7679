import { Link } from 'react-router';
import type { DeadLetterRowFragment } from '@/gql/graphql';
import { trailPath } from '@/runs/components/RunsTable';
import { formatInstant } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import { deadLetterPath } from '../deadLetterFilters';
import { DeadLetterStatusBadge } from './DeadLetterStatusBadge';

/** Dead letters, newest failure first; the error class opens one with its payload and runbook. */
export function DeadLetterTable({ deadLetters }: { deadLetters: readonly DeadLetterRowFragment[] }) {
  return (
    <div className="table-scroll">
      <table className="table dead-letter-table">
        <caption className="visually-hidden">Dead letters, newest failure first</caption>
        <thead>
          <tr>
            <th scope="col">Last failed</th>
            <th scope="col">Automation</th>
            <th scope="col">Error</th>
            <th scope="col" className="numeric">
              Attempts
            </th>
            <th scope="col" className="numeric">
              Deliveries
            </th>
            <th scope="col">Status</th>
            <th scope="col">Correlation id</th>
          </tr>
        </thead>
        <tbody>
          {deadLetters.map((deadLetter) => (
            <tr key={deadLetter.id} data-dead-letter-id={deadLetter.id}>
              <td className="nowrap">
                <time dateTime={deadLetter.lastFailedAt}>{formatInstant(deadLetter.lastFailedAt)}</time>
              </td>
              <td>
                <Link to={`/automations/${deadLetter.automation.slug}`}>{deadLetter.automation.title}</Link>
              </td>
              <td className="dead-letter-table__error">
                <div className="run-error">
                  <Link to={deadLetterPath(deadLetter.id)} title="Open this dead letter: payload, headers and runbook">
                    <code className="run-error__class">{deadLetter.errorClass}</code>
                  </Link>
                  <p className="run-error__message" title={deadLetter.errorMessage}>
                    {deadLetter.errorMessage}
                  </p>
                </div>
              </td>
              <td className="numeric">{formatNumber(deadLetter.attempts)}</td>
              <td className="numeric">{formatNumber(deadLetter.deliveries)}</td>
              <td>
                <DeadLetterStatusBadge status={deadLetter.status} />
              </td>
              <td>
                {deadLetter.correlationId ? (
                  <Link className="mono" to={trailPath(deadLetter.correlationId)} title="Every run in this transaction">
                    {deadLetter.correlationId}
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
