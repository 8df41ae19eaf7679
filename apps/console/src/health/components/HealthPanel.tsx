import { DataFreshnessNotice } from '@/data-freshness/components/DataFreshnessNotice';
import { ErrorState } from '@/shared/components/ErrorState';
import { formatDateTime } from '@/shared/format/dates';
import { Banner } from '@/shared/ui/Banner';
import { hasNeverReported } from '../healthSeries';
import { HEALTH_WINDOW_LABELS, HEALTH_WINDOW_PHRASES, healthWindowFrom } from '../healthWindow';
import { useAutomationHealth } from '../hooks/useAutomationHealth';
import { useHealthWindow } from '../hooks/useHealthWindow';
import { HealthCharts } from './HealthCharts';
import { HealthEmptyState } from './HealthEmptyState';
import { HealthHeadline } from './HealthHeadline';
import { HealthSkeleton } from './HealthSkeleton';
import { HealthWindowPicker } from './HealthWindowPicker';

interface HealthPanelProps {
  slug: string;
  team: string;
  teamTitle: string;
  canManageTokens: boolean;
}

type HealthQuery = ReturnType<typeof useAutomationHealth>;

/** The tab's body in each of its states: loading, failed, never reported, or the numbers and charts. */
function HealthBody({ query, ...emptyProps }: { query: HealthQuery } & Omit<HealthPanelProps, 'slug'>) {
  const health = query.data?.automationHealth;
  if (query.isPending) {
    return <HealthSkeleton />;
  }
  if (!health) {
    return <ErrorState title="Health could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  if (hasNeverReported(health)) {
    return <HealthEmptyState {...emptyProps} />;
  }
  // The numbers say which window they are for: while another loads, the last one stays, dimmed.
  const shownWindow = healthWindowFrom(health.window);
  return (
    <>
      {query.isError ? (
        <Banner tone="error" role="alert">
          Could not refresh the numbers; showing the last ones loaded.
        </Banner>
      ) : null}
      {health.throughput === 0 ? <Banner tone="info">No attempt finished {HEALTH_WINDOW_PHRASES[shownWindow]}. Try a longer window.</Banner> : null}
      <div className={query.isPlaceholderData ? 'stack is-stale' : 'stack'}>
        <HealthHeadline health={health} healthWindow={shownWindow} />
        <HealthCharts health={health} />
      </div>
    </>
  );
}

/** An automation's health over a window from the URL: headline numbers, then the charts behind them. */
export function HealthPanel({ slug, ...emptyProps }: HealthPanelProps) {
  const { healthWindow, setHealthWindow } = useHealthWindow();
  const query = useAutomationHealth(slug, healthWindow);
  const health = query.data?.automationHealth;

  return (
    <section className="stack" aria-labelledby="health-title" aria-busy={query.isFetching}>
      <div className="section-toolbar">
        <div>
          <h2 id="health-title">Health · {HEALTH_WINDOW_LABELS[healthWindow]}</h2>
          {health ? (
            <p className="muted">
              {formatDateTime(health.from)} – {formatDateTime(health.to)}, in {health.bucket} buckets. Updated every minute.
            </p>
          ) : null}
        </div>
        <HealthWindowPicker value={healthWindow} onChange={setHealthWindow} />
      </div>
      <DataFreshnessNotice />
      <HealthBody query={query} {...emptyProps} />
    </section>
  );
}
