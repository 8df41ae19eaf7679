import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { DeadLetterRowFragment } from '@/gql/graphql';
import { trailPath } from '@/runs/components/RunsTable';
import { formatInstant } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import { ErrorClass, ErrorMessageLine, ErrorSummary } from '@/shared/components/RunError';
import { NumericCell, Table } from '@/shared/ui/Table';
import { deadLetterPath } from '../deadLetterFilters';
import { DeadLetterStatusBadge } from './DeadLetterStatusBadge';
import styles from './DeadLetterTable.module.css';

/** Row checkboxes, for people who may reprocess or discard. */
export interface DeadLetterSelectionControls {
  selected: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  /** Every row shown, on or off. */
  onToggleAll: (on: boolean) => void;
}

/** Checks every row shown; half-checked when some are. */
function SelectAll({ deadLetters, selection }: { deadLetters: readonly DeadLetterRowFragment[]; selection: DeadLetterSelectionControls }) {
  const ref = useRef<HTMLInputElement>(null);
  const chosen = deadLetters.filter((deadLetter) => selection.selected.has(deadLetter.id)).length;
  const all = chosen > 0 && chosen === deadLetters.length;
  useEffect(() => {
    if (ref.current) {
      ref.current.indeterminate = chosen > 0 && !all;
    }
  }, [chosen, all]);
  return <input ref={ref} type="checkbox" aria-label="Select every dead letter shown" checked={all} onChange={(event) => selection.onToggleAll(event.target.checked)} />;
}

/** Dead letters, newest failure first; the error class opens one with its payload and runbook. With `selection`, each row can be chosen. */
export function DeadLetterTable({ deadLetters, selection }: { deadLetters: readonly DeadLetterRowFragment[]; selection?: DeadLetterSelectionControls }) {
  return (
    <Table>
      <caption className="visually-hidden">Dead letters, newest failure first</caption>
      <thead>
        <tr>
          {selection ? (
            <th scope="col" className={styles.select}>
              <SelectAll deadLetters={deadLetters} selection={selection} />
            </th>
          ) : null}
          <th scope="col">Last failed</th>
          <th scope="col">Automation</th>
          <th scope="col">Error</th>
          <th scope="col">Attempts</th>
          <th scope="col">Deliveries</th>
          <th scope="col">Status</th>
          <th scope="col">Correlation id</th>
        </tr>
      </thead>
      <tbody>
        {deadLetters.map((deadLetter) => (
          <tr key={deadLetter.id} data-dead-letter-id={deadLetter.id} className={selection?.selected.has(deadLetter.id) ? styles.selected : undefined}>
            {selection ? (
              <td className={styles.select}>
                <input
                  type="checkbox"
                  aria-label={`Select dead letter ${deadLetter.id}: ${deadLetter.errorClass}`}
                  checked={selection.selected.has(deadLetter.id)}
                  onChange={(event) => selection.onToggle(deadLetter.id, event.target.checked)}
                />
              </td>
            ) : null}
            <td className="nowrap">
              <time dateTime={deadLetter.lastFailedAt}>{formatInstant(deadLetter.lastFailedAt)}</time>
            </td>
            <td>
              <Link to={`/automations/${deadLetter.automation.slug}`}>{deadLetter.automation.title}</Link>
            </td>
            <td className={styles.error}>
              <ErrorSummary>
                <Link to={deadLetterPath(deadLetter.id)} title="Open this dead letter: payload, headers and runbook">
                  <ErrorClass>{deadLetter.errorClass}</ErrorClass>
                </Link>
                <ErrorMessageLine text={deadLetter.errorMessage} title={deadLetter.errorMessage} />
              </ErrorSummary>
            </td>
            <NumericCell>{formatNumber(deadLetter.attempts)}</NumericCell>
            <NumericCell>{formatNumber(deadLetter.deliveries)}</NumericCell>
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
    </Table>
  );
}
