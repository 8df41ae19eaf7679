import { Badge } from '@/shared/components/Badge';
import { InfoTip } from '@/shared/components/InfoTip';
import { Table } from '@/shared/ui/Table';
import { type KpiReport, describeVerdict, kpiValue } from '../kpiWords';

/** A compact before/after table of KPIs (no chart), for the automation page. */
export function KpiReportList({ kpis }: { kpis: readonly KpiReport[] }) {
  if (kpis.length === 0) {
    return <p className="muted">No KPIs yet: nothing says what this automation was built to improve.</p>;
  }
  const range = kpis[0]?.range.label ?? '';
  return (
    <Table>
      <caption className="visually-hidden">KPIs before and after, {range}</caption>
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">Before (agreed baseline)</th>
          <th scope="col">After: {range}</th>
          <th scope="col">Target</th>
          <th scope="col">So far</th>
        </tr>
      </thead>
      <tbody>
        {kpis.map((kpi) => (
          <tr key={kpi.name}>
            <td>{kpi.title}</td>
            <td>
              {kpi.baseline === null ? 'Not measured' : kpiValue(kpi, kpi.baseline)} <InfoTip label={`How the before of ${kpi.title} was measured`}>{kpi.baselineNote}</InfoTip>
            </td>
            <td>
              {kpi.after === null ? 'No data' : kpiValue(kpi, kpi.after)} <InfoTip label={`How the after of ${kpi.title} is computed`}>{kpi.howComputed}</InfoTip>
              {kpi.partial ? (
                <>
                  {' '}
                  <Badge tone="caution">Partial data</Badge>
                </>
              ) : null}
            </td>
            <td>{kpiValue(kpi, kpi.target)}</td>
            <td>{describeVerdict(kpi) ?? <span className="muted">{kpi.caveat ?? '—'}</span>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
