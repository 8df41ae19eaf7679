import { Suspense, lazy } from 'react';
import { LoadingMessage } from '@/shared/components/Skeleton';
import type { AutomationHealth } from '../healthSeries';

// recharts is heavy; it loads with the first health tab opened, not with the catalog.
const HealthChartsRenderer = lazy(() => import('./HealthChartsRenderer'));

export function HealthCharts({ health }: { health: AutomationHealth }) {
  return (
    <Suspense
      fallback={
        <div className="chart chart--skeleton" aria-busy="true">
          <LoadingMessage>Loading the charts…</LoadingMessage>
          <div className="chart__placeholder" aria-hidden="true" />
        </div>
      }
    >
      <HealthChartsRenderer health={health} />
    </Suspense>
  );
}
