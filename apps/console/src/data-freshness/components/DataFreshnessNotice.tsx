import { formatInstant } from '@/shared/format/dates';
import { formatDuration } from '@/shared/format/durations';
import { Banner } from '@/shared/ui/Banner';
import { useDataFreshness } from '../hooks/useDataFreshness';

/**
 * Beside figures a read replica serves (dashboards, health charts, KPIs, SLOs): when the replica
 * lags, how old they are, so that nobody reads a quiet chart as a quiet automation. Nothing when
 * they are current, when there is no replica, or when the question fails (the figures speak for
 * themselves then).
 */
export function DataFreshnessNotice() {
  const freshness = useDataFreshness().data?.dataFreshness;
  if (!freshness?.lagging) {
    return null;
  }
  const behind = freshness.behindSeconds > 0 ? ` (${formatDuration(freshness.behindSeconds * 1000)} behind)` : '';
  return (
    <Banner tone="caution" role="status">
      {freshness.asOf ? (
        <>
          These figures are as of <time dateTime={freshness.asOf}>{formatInstant(freshness.asOf)}</time>
          {behind}: the read replica they come from is catching up.
        </>
      ) : (
        <>These figures come from a read replica that has not caught up yet.</>
      )}{' '}
      Changes since then, yours included, show once it has.
    </Banner>
  );
}
