import { useTeamsScope } from '@/auth/hooks/useTeamsScope';
import { TeamsScopeToggle } from '@/shared/components/TeamsScopeToggle';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { useUrlState } from '@/shared/hooks/useUrlState';
import { useAlerts } from '../hooks/useAlerts';
import { AlertList } from './AlertList';
import styles from './Alerts.module.css';

const OPEN_ONLY = { resolved: false };
const readResolved = (params: URLSearchParams) => ({ resolved: params.get('resolved') === '1' });

/** Alerts newest first: open ones, or with the resolved ones too (`?resolved=1`); the viewer's teams' first, every team's one click away (`?teams=all`). */
export function AlertsPage() {
  useDocumentTitle('Alerts');
  const { values, set } = useUrlState(readResolved, OPEN_ONLY);
  const includeResolved = values.resolved;
  const scope = useTeamsScope();
  const query = useAlerts({ includeResolved, ...(scope.teams === null ? {} : { teams: scope.teams }) });
  const toggle = (checked: boolean) => set({ resolved: checked });

  return (
    <div className="page stack">
      <header className="page-header">
        <div>
          <h1>Alerts</h1>
          <p className="description">Promises (SLOs) whose error budget is burning too fast, or whose dead-letter limit is crossed. Each names the runbook that answers it.</p>
        </div>
      </header>
      <TeamsScopeToggle scope={scope} label="Whose alerts" />
      <label className={styles.includeResolved}>
        <input type="checkbox" checked={includeResolved} onChange={(event) => toggle(event.target.checked)} /> Include resolved alerts
      </label>
      {query.isPending ? (
        <div aria-busy="true">
          <LoadingMessage>Loading the alerts…</LoadingMessage>
          <SkeletonLine />
          <SkeletonLine width="70%" />
        </div>
      ) : query.isError ? (
        <ErrorState title="The alerts could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : (
        <AlertList
          alerts={query.data.alerts}
          label={includeResolved ? 'Alerts, newest first' : 'Open alerts, newest first'}
          emptyState={
            <p className="muted" role="status">
              {includeResolved ? 'No alerts have fired yet.' : 'No open alerts: every promise holds, or someone has resolved what fired.'}
              {scope.teams === null ? null : ' Only your teams’ alerts are shown: the others are under “All teams”.'}
            </p>
          }
        />
      )}
    </div>
  );
}
