import type { AutomationDetailFragment } from '@/gql/graphql';
import { KpiCard } from './KpiCard';
import styles from './KpiCard.module.css';

export function KpiList({ kpis }: { kpis: AutomationDetailFragment['kpis'] }) {
  if (kpis.length === 0) {
    return <p className="muted">No KPIs yet. Agree the “before” picture with the business and record it here.</p>;
  }
  return (
    <div className={styles.grid}>
      {kpis.map((kpi) => (
        <KpiCard key={kpi.name} kpi={kpi} />
      ))}
    </div>
  );
}
