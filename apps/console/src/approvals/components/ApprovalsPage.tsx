import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useApprovals } from '../hooks/useApprovals';
import { AutomationChangeCard } from './AutomationChangeCard';
import { ReprocessApprovalCard } from './ReprocessApprovalCard';

/**
 * /approvals: what waits for the viewer's approval — large or risky reprocesses and discards, and
 * SLO changes of production automations — and what the viewer asked for that waits for someone else.
 */
export function ApprovalsPage() {
  useDocumentTitle('Approvals');
  const approvals = useApprovals();

  if (approvals.isPending) {
    return (
      <div className="page" aria-busy="true">
        <LoadingMessage>Loading what waits for approval…</LoadingMessage>
        <SkeletonLine width="50%" />
        <SkeletonLine width="70%" />
      </div>
    );
  }
  if (approvals.isError) {
    return (
      <div className="page">
        <ErrorState title="The approvals could not be loaded" error={approvals.error} onRetry={() => void approvals.refetch()} retrying={approvals.isFetching} />
      </div>
    );
  }

  const { reprocessRequests, automationChanges, waitingForYou } = approvals.data.approvals;
  const empty = reprocessRequests.length === 0 && automationChanges.length === 0;
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Approvals</h1>
          <p className="muted">
            Money-moving work needs two people: a large or risky reprocess or discard waits for someone else on call, and a change to a production automation’s SLOs waits for
            another owner of its team.
          </p>
        </div>
      </header>
      {empty ? (
        <State role="status">
          <StateTitle>Nothing waits for your approval</StateTitle>
          <StateText>Requests you may approve, and the ones you asked for, appear here until someone decides.</StateText>
        </State>
      ) : (
        <div className="stack">
          <p role="status">
            {waitingForYou === 0 ? 'Nothing waits for your decision.' : `${waitingForYou} ${waitingForYou === 1 ? 'item waits' : 'items wait'} for your decision.`}
          </p>
          {reprocessRequests.length > 0 ? (
            <section className="stack" aria-labelledby="approvals-reprocess-title">
              <h2 id="approvals-reprocess-title">Reprocess and discard requests</h2>
              {reprocessRequests.map((request) => (
                <ReprocessApprovalCard key={request.id} request={request} />
              ))}
            </section>
          ) : null}
          {automationChanges.length > 0 ? (
            <section className="stack" aria-labelledby="approvals-changes-title">
              <h2 id="approvals-changes-title">SLO changes to production automations</h2>
              {automationChanges.map((change) => (
                <AutomationChangeCard key={change.id} change={change} />
              ))}
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}
