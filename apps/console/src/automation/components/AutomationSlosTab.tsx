import { DataFreshnessNotice } from '@/data-freshness/components/DataFreshnessNotice';
import { Link } from 'react-router';
import { AlertList } from '@/alerts/components/AlertList';
import { useAlerts } from '@/alerts/hooks/useAlerts';
import { ChangeList } from '@/approvals/components/AutomationChangeCard';
import { useViewer } from '@/auth/hooks/useViewer';
import { useAutomationPendingChange } from '@/automation-editor/hooks/useAutomationPendingChange';
import { KpiReportList } from '@/dashboards/components/KpiReportList';
import { useAutomationKpis } from '@/dashboards/hooks/useAutomationKpis';
import { Banner } from '@/shared/ui/Banner';
import { SloStatusList } from '@/slos/components/SloStatusList';
import { useAutomationSlos } from '@/slos/hooks/useAutomationSlos';
import { ErrorState } from '@/shared/components/ErrorState';
import { formatInstant } from '@/shared/format/dates';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useAutomationOutlet } from '../hooks/useAutomationOutlet';
import { PageSection as Section } from './PageSection';

const KPI_RANGE = '30d';

function Loading({ children }: { children: string }) {
  return (
    <div aria-busy="true">
      <LoadingMessage>{children}</LoadingMessage>
      <SkeletonLine />
      <SkeletonLine width="60%" />
    </div>
  );
}

function Slos({ slug }: { slug: string }) {
  const query = useAutomationSlos(slug);
  if (query.isPending) {
    return <Loading>Loading the SLOs…</Loading>;
  }
  if (query.isError) {
    return <ErrorState title="The SLOs could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return <SloStatusList slos={query.data.automationSlos} slug={slug} />;
}

/** A change to the SLOs that waits for the owner team: what it would change, who asked, and that the SLOs shown are the ones in force. */
function PendingSloChange({ slug }: { slug: string }) {
  const query = useAutomationPendingChange(slug);
  const viewer = useViewer();
  if (query.isError) {
    return <p className="muted">Whether a change to these SLOs waits for approval could not be loaded.</p>;
  }
  const change = query.data?.automation.pendingChange;
  // A change that waits touches no SLO (a move to another team): nothing to say beside the SLOs.
  if (!change || change.sloChanges.length === 0) {
    return null;
  }
  const who = viewer.data?.viewer.id === change.requestedBy.id ? 'You' : change.requestedBy.name;
  return (
    <Banner tone="caution" as="section" className="stack" role="status" aria-label="SLO change waiting for approval">
      <p>
        <span className="strong">An SLO change waits for approval:</span> {who} asked for it <time dateTime={change.requestedAt}>{formatInstant(change.requestedAt)}</time>; the{' '}
        {change.ownerTeam} owners decide. The SLOs below are the ones in force until then.
      </p>
      <ChangeList changes={change.sloChanges} />
      {viewer.data !== undefined && viewer.data.viewer.role !== 'viewer' ? (
        <p>
          <Link to="/approvals">Open approvals</Link>
        </p>
      ) : null}
    </Banner>
  );
}

function OpenAlerts({ slug }: { slug: string }) {
  const query = useAlerts({ automation: slug, includeResolved: false });
  if (query.isPending) {
    return <Loading>Loading the open alerts…</Loading>;
  }
  if (query.isError) {
    return <ErrorState title="The alerts could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return (
    <AlertList
      alerts={query.data.alerts}
      showAutomation={false}
      label="Open alerts of this automation"
      emptyState={
        <p className="muted" role="status">
          No open alerts.
        </p>
      }
    />
  );
}

function Kpis({ slug }: { slug: string }) {
  const query = useAutomationKpis(slug, KPI_RANGE);
  if (query.isPending) {
    return <Loading>Loading the KPIs…</Loading>;
  }
  if (query.isError) {
    return <ErrorState title="The KPIs could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return <KpiReportList kpis={query.data.automationKpis} />;
}

/** The SLOs tab: each promise with its budget and burn rates, the open alerts (to acknowledge), and the KPIs before and after. */
export function AutomationSlosTab() {
  const { automation } = useAutomationOutlet();
  const slug = automation.slug;
  return (
    <div className="stack">
      <Section id="slo-status-title" title="Service-level objectives">
        <DataFreshnessNotice />
        <PendingSloChange slug={slug} />
        <Slos slug={slug} />
      </Section>
      <Section id="slo-alerts-title" title="Open alerts" actions={<Link to="/alerts">All alerts</Link>}>
        <OpenAlerts slug={slug} />
      </Section>
      <Section id="slo-kpis-title" title="KPIs, last 30 days" actions={<Link to="/dashboards">Dashboards</Link>}>
        <Kpis slug={slug} />
      </Section>
    </div>
  );
}
