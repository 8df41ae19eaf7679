import { DataFreshnessNotice } from '@/data-freshness/components/DataFreshnessNotice';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { InfoTip } from '@/shared/components/InfoTip';
import { NotFoundState } from '@/shared/components/NotFoundState';
import { formatDateTime } from '@/shared/format/dates';
import { hasErrorCode } from '@/shared/graphql/ApiError';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Button } from '@/shared/ui/Button';
import type { DashboardData } from '../dashboardTypes';
import { rangeKey, withRange } from '../dateRange';
import { useDashboard } from '../hooks/useDashboard';
import { useDashboardRange } from '../hooks/useDashboardRange';
import { DashboardPanel } from './DashboardPanel';
import { DashboardSkeleton } from './DashboardSkeleton';
import { DateRangePicker } from './DateRangePicker';
import { ShareLinkButton } from './ShareLinkButton';
import styles from './DashboardPage.module.css';

function Header({ dashboard }: { dashboard: DashboardData }) {
  return (
    <header className="page-header">
      <div>
        <p className="eyebrow">
          <Link to="/dashboards">Dashboards</Link> · owned by {dashboard.owner}
        </p>
        <h1>{dashboard.title}</h1>
        <p className="description">{dashboard.description}</p>
        <p className="muted">
          Defined in <code>{dashboard.path}</code>
        </p>
      </div>
    </header>
  );
}

/** A stakeholder dashboard over a range: every panel, the range picker and a link to share the view. */
export function DashboardPage() {
  const { name = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { range, setRange } = useDashboardRange();
  const query = useDashboard(name, range);
  const dashboard = query.data?.dashboard;
  useDocumentTitle(dashboard?.title ?? name);

  if (query.isPending) {
    return <DashboardSkeleton />;
  }
  if (query.isError && hasErrorCode(query.error, 'BAD_USER_INPUT')) {
    return (
      <div className="page stack">
        <header className="page-header">
          <div>
            <p className="eyebrow">
              <Link to="/dashboards">Dashboards</Link>
            </p>
            <h1>{name}</h1>
          </div>
        </header>
        <DateRangePicker key={rangeKey(range)} value={range} defaultRange={undefined} resolved={undefined} onChange={setRange} />
        <ErrorState title="These dates cannot be shown" error={query.error} />
        <p>
          <Button onClick={() => setRange({})}>Show the dashboard’s usual dates</Button>
        </p>
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="page">
        <ErrorState title="This dashboard could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      </div>
    );
  }
  if (!dashboard) {
    return (
      <NotFoundState title={`No dashboard called “${name}”`}>
        <p>
          Dashboards are YAML files in <code>dashboards/</code> in Git; it may have been renamed or removed. See <Link to="/dashboards">all dashboards</Link>.
        </p>
      </NotFoundState>
    );
  }

  const sharePath = `/dashboards/${encodeURIComponent(dashboard.name)}?${withRange(searchParams, range ?? dashboard.defaultRange).toString()}`;
  const stale = query.isPlaceholderData;
  return (
    <article className="page stack" aria-labelledby="dashboard-title">
      <Header dashboard={dashboard} />
      <DataFreshnessNotice />
      <div className={`section-toolbar ${styles.toolbar}`}>
        <DateRangePicker
          key={`${rangeKey(range)}:${String(query.isPlaceholderData)}`}
          value={range}
          defaultRange={dashboard.defaultRange}
          resolved={dashboard.range}
          onChange={setRange}
        />
        <ShareLinkButton path={sharePath} />
      </div>
      <p className={styles.range} data-testid="dashboard-range">
        Showing <span className="strong">{dashboard.range.label}</span>{' '}
        <InfoTip label="Which dates the figures cover">
          {`Every "after" figure, trend and total covers ${formatDateTime(dashboard.range.start)} up to ${formatDateTime(dashboard.range.end)} (${Math.round(dashboard.range.days * 10) / 10} days). "Before" is always the baseline agreed for each KPI, whatever the dates. SLO states and error budgets are judged over each SLO's own window.`}
        </InfoTip>
        {stale ? (
          <span role="status" className="muted">
            {' '}
            · Updating…
          </span>
        ) : null}
      </p>
      <div className={stale ? `${styles.grid} is-stale` : styles.grid}>
        {dashboard.panels.map((panel, index) => (
          <DashboardPanel key={`${index}-${panel.title}`} dashboardName={dashboard.name} panel={panel} range={dashboard.range} />
        ))}
      </div>
    </article>
  );
}
