import { Link } from 'react-router';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { formatNumber } from '@/shared/format/numbers';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useDashboards } from '../hooks/useDashboards';
import styles from './DashboardsPage.module.css';

function EmptyState() {
  return (
    <State as="section" aria-labelledby="dashboards-empty-title">
      <StateTitle id="dashboards-empty-title">No dashboards yet</StateTitle>
      <StateText as="div">
        <p>
          Dashboards are written as code: one YAML file per dashboard in the <code>dashboards/</code> folder of the repository (schema <code>roundhouse.dev/v1</code>, kind{' '}
          <code>Dashboard</code>), listing the automations, KPIs and panels to show. They appear here once the api has synced them.
        </p>
        <p>
          Check the files before you push them with <code>npm run dashboards -- validate</code>: each problem names the file, the line and the field, and every automation and KPI
          it names is checked against the catalog.
        </p>
      </StateText>
    </State>
  );
}

/** Every stakeholder dashboard, with where it is defined. */
export function DashboardsPage() {
  useDocumentTitle('Dashboards');
  const query = useDashboards();
  return (
    <div className="page stack">
      <header className="page-header">
        <div>
          <h1>Dashboards</h1>
          <p className="description">What each automation program changed compared with the agreed “before”, and whether its promises hold.</p>
        </div>
      </header>
      {query.isPending ? (
        <div aria-busy="true">
          <LoadingMessage>Loading the dashboards…</LoadingMessage>
          <SkeletonLine />
          <SkeletonLine width="80%" />
        </div>
      ) : query.isError ? (
        <ErrorState title="The dashboards could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data.dashboards.length === 0 ? (
        <EmptyState />
      ) : (
        <ul className={styles.list}>
          {query.data.dashboards.map((dashboard) => (
            <Panel as="li" key={dashboard.name} className={styles.card}>
              <PanelTitle>
                <Link to={`/dashboards/${encodeURIComponent(dashboard.name)}`}>{dashboard.title}</Link>
              </PanelTitle>
              <p>{dashboard.description}</p>
              <p className="muted">
                Owned by {dashboard.owner} · {dashboard.panelCount === 1 ? '1 panel' : `${formatNumber(dashboard.panelCount)} panels`} · defined in <code>{dashboard.path}</code>
              </p>
            </Panel>
          ))}
        </ul>
      )}
    </div>
  );
}
