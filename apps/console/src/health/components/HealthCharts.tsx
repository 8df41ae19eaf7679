import { Suspense, lazy } from 'react';
import { LoadingMessage } from '@/shared/components/Skeleton';
import type { AutomationHealth } from '../healthSeries';
import chart from '@/shared/charts/Chart.module.css';

// recharts is heavy; it loads with the first health tab opened, not with the catalog.
const HealthChartsRenderer = lazy(() => import('./HealthChartsRenderer'));

export function HealthCharts({ health }: { health: AutomationHealth }) {
  return (
    <Suspense
      fallback={
        <div className={chart.chart} aria-busy="true">
          <LoadingMessage>Loading the charts…</LoadingMessage>
          <div className={chart.placeholder} aria-hidden="true" />
        </div>
      }
    >
      <HealthChartsRenderer health={health} />
    </Suspense>
  );
}
