import { Link, useParams } from 'react-router';
import { AuditTrail } from '@/audit/components/AuditTrail';
import type { ReprocessRequestDetailFragment } from '@/gql/graphql';
import { detailPageFallback } from '@/shared/components/DetailPageFallback';
import { formatInstant } from '@/shared/format/dates';
import { formatNumber } from '@/shared/format/numbers';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Banner } from '@/shared/ui/Banner';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { useReprocessRequest } from '../hooks/useReprocessRequest';
import { isMoving } from '../reprocessProgress';
import { messages } from '../reprocessWords';
import { ReprocessApproval } from './ReprocessApproval';
import { ReprocessCanaryStages } from './ReprocessCanaryStages';
import { ReprocessControls } from './ReprocessControls';
import { FailedAgainLink } from './FailedAgainLink';
import { ReprocessErrorsTable } from './ReprocessErrorsTable';
import { ReprocessProgressPanel } from './ReprocessProgressPanel';
import { ReprocessStateBadge } from './ReprocessStateBadge';
import styles from './ReprocessRequestPage.module.css';

function Facts({ request }: { request: ReprocessRequestDetailFragment }) {
  return (
    <dl className="facts facts--grid">
      <div>
        <dt>Requested by</dt>
        <dd>{request.requestedBy.name}</dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>
          <time dateTime={request.createdAt}>{formatInstant(request.createdAt)}</time>
        </dd>
      </div>
      <div className="facts__wide">
        <dt>Why</dt>
        <dd className={styles.reason}>{request.reason}</dd>
      </div>
      <div className="facts__wide">
        <dt>Which dead letters</dt>
        <dd>
          {request.selection} — {messages(request.total)} in the snapshot
        </dd>
      </div>
      <div>
        <dt>Automations</dt>
        <dd>
          <ul className="plain-list">
            {request.automations.map((slug) => (
              <li key={slug}>
                <Link to={`/automations/${encodeURIComponent(slug)}/reprocessing`}>{slug}</Link>
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>Velocity</dt>
        <dd>At most {formatNumber(request.velocity)} a second</dd>
      </div>
      <div>
        <dt>{request.state === 'cancelled' ? 'Cancelled' : 'Finished sending'}</dt>
        <dd>{request.finishedAt ? <time dateTime={request.finishedAt}>{formatInstant(request.finishedAt)}</time> : <span className="muted">not yet</span>}</dd>
      </div>
    </dl>
  );
}

/** One reprocess or discard request: who, why and what; its progress live while it runs; pause, resume, cancel; its failures and its record. */
export function ReprocessRequestPage() {
  const { id = '' } = useParams();
  const query = useReprocessRequest(id);
  useDocumentTitle(`Reprocess request ${id}`);

  const fallback = detailPageFallback(query, {
    loading: 'Loading the reprocess request…',
    notFound: {
      what: 'reprocess request',
      id,
      text: 'The link may be mistyped. Every request, newest first, is in the list.',
      back: { to: '/reprocess', label: 'All reprocess requests' },
    },
    errorTitle: 'This reprocess request could not be loaded',
    keepLoadedOnError: true,
  });
  if (fallback !== null || query.data === undefined) {
    return fallback;
  }

  const request = query.data.reprocessRequest;
  const verb = request.action === 'reprocess' ? 'Reprocess' : 'Discard';
  return (
    <div className="page" data-request-id={request.id} data-state={request.state}>
      <header className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/reprocess">Reprocessing</Link> · request #{request.id}
          </p>
          <h1>
            {verb} {formatNumber(request.total)} {request.total === 1 ? 'dead letter' : 'dead letters'} <ReprocessStateBadge state={request.state} />
          </h1>
        </div>
        <ReprocessControls request={request} />
      </header>
      <ReprocessApproval request={request} />
      {request.waitingReason ? (
        <Banner tone="caution" role="status">
          <span className="strong">Waiting.</span> {request.waitingReason}
        </Banner>
      ) : null}
      {query.isRefetchError ? (
        <Banner tone="error" role="alert">
          The latest progress could not be loaded; the numbers below may be behind. Trying again.
        </Banner>
      ) : null}
      <div className="stack">
        <ReprocessCanaryStages request={request} />
        <ReprocessProgressPanel request={request} observedAt={query.dataUpdatedAt} />
        <FailedAgainLink request={request} />
        <Panel aria-labelledby="reprocess-facts-title">
          <PanelTitle id="reprocess-facts-title">Request</PanelTitle>
          <Facts request={request} />
        </Panel>
        <Panel aria-labelledby="reprocess-errors-title">
          <PanelTitle id="reprocess-errors-title">Latest failures and retries</PanelTitle>
          <ReprocessErrorsTable errors={request.recentErrors} />
        </Panel>
        <Panel aria-labelledby="reprocess-audit-title">
          <PanelTitle id="reprocess-audit-title">Audit trail</PanelTitle>
          <AuditTrail scope={{ requestId: request.id }} live={isMoving(request)} version={request.state} emptyText="Nothing recorded for this request yet." />
        </Panel>
      </div>
    </div>
  );
}
