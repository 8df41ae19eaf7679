import type { AutomationDetailFragment } from '@/gql/graphql';
import { KpiCard } from './KpiCard';

export function KpiList({ kpis }: { kpis: AutomationDetailFragment['kpis'] }) {
  if (kpis.length === 0) {
    return <p className="muted">No KPIs yet. Agree the “before” picture with the business and record it here.</p>;
  }
  return (
    <div className="kpi-grid">
      {kpis.map((kpi) => (
        <KpiCard key={kpi.name} kpi={kpi} />
      ))}
    </div>
  );
}
