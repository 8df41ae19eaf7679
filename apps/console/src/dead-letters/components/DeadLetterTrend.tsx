import { Suspense, lazy } from 'react';
import { formatNumber } from '@/shared/format/numbers';
import styles from './DeadLetterTrend.module.css';

// recharts is heavy; it loads with the first workbench opened, not with the catalog.
const DeadLetterTrendRenderer = lazy(() => import('./DeadLetterTrendRenderer'));

/** "31 in the last 24 hours, at most 9 an hour, 4 in the last hour". */
export function describeTrend(trend: readonly number[]): string {
  const total = trend.reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return 'None in the last 24 hours';
  }
  const peak = Math.max(...trend);
  const last = trend.at(-1) ?? 0;
  return `${formatNumber(total)} in the last 24 hours, at most ${formatNumber(peak)} an hour, ${formatNumber(last)} in the last hour`;
}

/** A sparkline of dead letters per hour over the last 24 hours, oldest first. */
export function DeadLetterTrend({ trend }: { trend: readonly number[] }) {
  const summary = describeTrend(trend);
  return (
    <span className={styles.trend} role="img" aria-label={summary} title={summary}>
      <Suspense fallback={<span className={styles.placeholder} aria-hidden="true" />}>
        <DeadLetterTrendRenderer trend={trend} />
      </Suspense>
    </span>
  );
}
