import { Suspense, lazy } from 'react';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { LoadingMessage } from '@/shared/components/Skeleton';
import styles from './ReprocessProgressChart.module.css';

// recharts is heavy; it loads with the first request page opened.
const ReprocessProgressChartRenderer = lazy(() => import('./ReprocessProgressChartRenderer'));

export function ReprocessProgressChart({ request }: { request: Pick<ReprocessRequestSummaryFragment, 'progress' | 'total'> }) {
  return (
    <Suspense
      fallback={
        <div aria-busy="true">
          <LoadingMessage>Loading the chart…</LoadingMessage>
          <div className={styles.placeholder} aria-hidden="true" />
        </div>
      }
    >
      <ReprocessProgressChartRenderer request={request} />
    </Suspense>
  );
}
