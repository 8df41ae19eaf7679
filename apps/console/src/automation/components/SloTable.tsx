import type { AutomationDetailFragment } from '@/gql/graphql';
import { Slug } from '@/shared/components/Slug';
import { describeSloObjective } from '@/shared/format/describeSlo';
import { SLO_INDICATOR_LABELS } from '@/shared/format/labels';
import { Table } from '@/shared/ui/Table';
import { runbookAnchor } from './runbookAnchor';

interface SloTableProps {
  slos: AutomationDetailFragment['slos'];
  runbookIds: ReadonlySet<string>;
}

export function SloTable({ slos, runbookIds }: SloTableProps) {
  if (slos.length === 0) {
    return <p className="muted">No service-level objectives yet. Without one, nobody knows when this automation is failing its users.</p>;
  }
  return (
    <Table>
      <caption className="visually-hidden">Service-level objectives</caption>
      <thead>
        <tr>
          <th scope="col">Objective</th>
          <th scope="col">In plain words</th>
          <th scope="col">Indicator</th>
          <th scope="col">Alerts answered by</th>
        </tr>
      </thead>
      <tbody>
        {slos.map((slo) => (
          <tr key={slo.name}>
            <td>
              <span className="strong">{slo.title}</span>
              <Slug>{slo.name}</Slug>
            </td>
            <td>{describeSloObjective(slo)}</td>
            <td>{SLO_INDICATOR_LABELS[slo.indicator]}</td>
            <td>
              {slo.runbook === null ? (
                <span className="muted">No runbook</span>
              ) : runbookIds.has(slo.runbook) ? (
                <a href={`#${runbookAnchor(slo.runbook)}`}>{slo.runbook}</a>
              ) : (
                slo.runbook
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
