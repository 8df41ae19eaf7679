import { Link } from 'react-router';
import type { RunFieldsFragment } from '@/gql/graphql';
import { Badge, RunStatusBadge } from '@/shared/components/Badge';
import { formatInstant } from '@/shared/format/dates';
import { formatDuration } from '@/shared/format/durations';
import { RunError } from '@/shared/components/RunError';
import { NumericCell, Table } from '@/shared/ui/Table';
import styles from './RunsTable.module.css';

export function trailPath(correlationId: string): string {
  return `/trail/${encodeURIComponent(correlationId)}`;
}

export function RunDuration({ run }: { run: Pick<RunFieldsFragment, 'durationMs' | 'status'> }) {
  if (run.durationMs !== null) {
    return <>{formatDuration(run.durationMs)}</>;
  }
  return <span className="muted">{run.status === 'running' ? 'still running' : '—'}</span>;
}

interface RunsTableProps {
  runs: readonly RunFieldsFragment[];
  /** The global runs page names each run's automation; an automation's own tab does not. */
  showAutomation: boolean;
}

export function RunsTable({ runs, showAutomation }: RunsTableProps) {
  return (
    <Table>
      <caption className="visually-hidden">Runs, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Started</th>
          {showAutomation ? <th scope="col">Automation</th> : null}
          <th scope="col">Status</th>
          <th scope="col">Attempt</th>
          <th scope="col">Duration</th>
          <th scope="col">Correlation id</th>
          <th scope="col">Error</th>
          <th scope="col">Manual touch</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={`${run.automation.slug}/${run.runId}/${run.attempt}`} data-run-id={run.runId}>
            <td className="nowrap">
              <time dateTime={run.startedAt}>{formatInstant(run.startedAt)}</time>
              <span className={styles.runId} title="Run id">
                {run.runId}
              </span>
            </td>
            {showAutomation ? (
              <td>
                <Link to={`/automations/${run.automation.slug}/runs`}>{run.automation.title}</Link>
              </td>
            ) : null}
            <td>
              <RunStatusBadge status={run.status} />
            </td>
            <NumericCell>{run.attempt}</NumericCell>
            <td className="nowrap">
              <RunDuration run={run} />
            </td>
            <td>
              {run.correlationId ? (
                <Link className="mono" to={trailPath(run.correlationId)} title="Every run in this transaction">
                  {run.correlationId}
                </Link>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td className={styles.error}>
              <RunError errorClass={run.errorClass} errorMessage={run.errorMessage} />
            </td>
            <td>{run.manualTouch ? <Badge tone="caution">Manual touch</Badge> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
