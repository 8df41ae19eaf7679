import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import chart from '@/shared/charts/Chart.module.css';
import stat from '@/shared/components/Stat.module.css';

const STATS = 7;
const CHARTS = 3;

export function HealthSkeleton() {
  return (
    <div className="stack" aria-busy="true">
      <LoadingMessage>Loading the automation’s health…</LoadingMessage>
      <div className={stat.grid}>
        {Array.from({ length: STATS }, (_, index) => (
          <div className={stat.stat} key={index}>
            <SkeletonLine width="60%" />
            <SkeletonLine width="40%" />
          </div>
        ))}
      </div>
      {Array.from({ length: CHARTS }, (_, index) => (
        <div className={chart.chart} key={index}>
          <SkeletonLine width="30%" />
          <div className={chart.placeholder} aria-hidden="true" />
        </div>
      ))}
    </div>
  );
}
