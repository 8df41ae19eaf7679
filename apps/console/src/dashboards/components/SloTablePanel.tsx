import { Link } from 'react-router';
import { Table } from '@/shared/ui/Table';
import { ErrorBudgetBar } from '@/slos/components/ErrorBudgetBar';
import { SloStateBadge } from '@/slos/components/SloStateBadge';
import { formatPercentValue } from '@/slos/sloWords';
import { InfoTip } from '@/shared/components/InfoTip';
import { formatNumber } from '@/shared/format/numbers';
import type { SloRow } from '../dashboardTypes';
import { NO_DATA_IN_RANGE } from '../kpiWords';
import stat from '@/shared/components/Stat.module.css';

function attainment(row: SloRow): string {
  if (row.attainmentPercent === null) {
    return NO_DATA_IN_RANGE;
  }
  return formatPercentValue(row.attainmentPercent);
}

/** Each automation's promises: kept or not over the range, and how much room for failures each has left. */
export function SloTablePanel({ rows, rangeLabel }: { rows: readonly SloRow[]; rangeLabel: string }) {
  if (rows.length === 0) {
    return <p className="muted">None of these automations has a service-level objective yet.</p>;
  }
  return (
    <Table>
      <caption className="visually-hidden">Service-level objectives, {rangeLabel}</caption>
      <thead>
        <tr>
          <th scope="col">Automation</th>
          <th scope="col">Promise</th>
          <th scope="col">
            Objective <InfoTip label="What the objective means">The share of runs (or minutes) that must be good over the SLO window.</InfoTip>
          </th>
          <th scope="col">
            Achieved, {rangeLabel.toLowerCase()}{' '}
            <InfoTip label="How achieved is computed">Good runs (or minutes) divided by all counted over the selected dates, in percent.</InfoTip>
          </th>
          <th scope="col">
            State now <InfoTip label="What the state means">Whether the promise holds right now, judged over the SLO's own window (for example the last 30 days).</InfoTip>
          </th>
          <th scope="col">
            Room for failures left{' '}
            <InfoTip label="How the error budget is computed">
              The error budget: how many misses (bad runs, or bad minutes for freshness and dead-letter SLOs) the objective allows over the SLO window, total × (100% − objective),
              and how much of it is still unused. Overspent means more misses than allowed: the promise was broken.
            </InfoTip>
          </th>
          <th scope="col">Open alerts</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.automation}/${row.status.name}`}>
            <td>
              <Link to={`/automations/${encodeURIComponent(row.automation)}/slos`}>{row.automationTitle}</Link>
            </td>
            <td>{row.status.title}</td>
            <td className="nowrap">
              {formatPercentValue(row.status.objective)} over {row.status.window}
            </td>
            <td className="nowrap">
              {attainment(row)}
              {row.total > 0 ? (
                <span className={stat.detail}>
                  {' '}
                  ({formatNumber(row.good)} of {formatNumber(row.total)} good)
                </span>
              ) : null}
            </td>
            <td>
              <SloStateBadge state={row.status.state} />
            </td>
            <td>
              <ErrorBudgetBar budget={row.status.errorBudget} label={`Error budget left: ${row.status.title}`} objective={row.status.objective} indicator={row.status.indicator} />
            </td>
            <td>
              {row.openAlerts.length === 0 ? (
                <span className="muted">None</span>
              ) : (
                <Link to={`/automations/${encodeURIComponent(row.automation)}/slos`}>
                  {row.openAlerts.length === 1 ? '1 open alert' : `${formatNumber(row.openAlerts.length)} open alerts`}
                </Link>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
