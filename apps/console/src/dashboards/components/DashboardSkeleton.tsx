import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';

export function DashboardSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <LoadingMessage>Loading the dashboard…</LoadingMessage>
      <SkeletonLine width="12rem" />
      <SkeletonLine width="24rem" />
      <div className="dashboard-grid">
        {[1, 2, 3, 4].map((key) => (
          <div key={key} className="panel">
            <SkeletonLine width="40%" />
            <div className="chart__placeholder" aria-hidden="true" />
          </div>
        ))}
      </div>
    </div>
  );
}
