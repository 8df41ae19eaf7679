import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import chart from '@/shared/charts/Chart.module.css';
import { Panel } from '@/shared/ui/Panel';
import styles from './DashboardPage.module.css';

export function DashboardSkeleton() {
  return (
    <div className="page" aria-busy="true">
      <LoadingMessage>Loading the dashboard…</LoadingMessage>
      <SkeletonLine width="12rem" />
      <SkeletonLine width="24rem" />
      <div className={styles.grid}>
        {[1, 2, 3, 4].map((key) => (
          <Panel key={key} as="div">
            <SkeletonLine width="40%" />
            <div className={chart.placeholder} aria-hidden="true" />
          </Panel>
        ))}
      </div>
    </div>
  );
}
