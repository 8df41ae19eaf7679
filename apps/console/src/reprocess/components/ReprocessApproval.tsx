import { DecisionActions } from '@/approvals/components/DecisionActions';
import { useViewer } from '@/auth/hooks/useViewer';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { Banner } from '@/shared/ui/Banner';
import { useReprocessDecision } from '../hooks/useReprocessDecision';
import { messages } from '../reprocessWords';

/** Why the request waits for a second person: "Waiting for approval: 240 messages is more than …; invoice-generation touches billing." */
export function waitingSentence(reasons: readonly string[]): string {
  return `${reasons.join('; ')}.`;
}

/** Approve or reject a request waiting for approval; the requester may withdraw it. */
export function ReprocessDecisionActions({ request }: { request: ReprocessRequestSummaryFragment }) {
  const decision = useReprocessDecision(request.id);
  const viewer = useViewer();
  const verb = request.action === 'reprocess' ? 'send' : 'discard';
  return (
    <DecisionActions
      subject={`request #${request.id}`}
      approveLabel={`Approve — ${verb} ${messages(request.total)}`}
      canDecide={request.canDecide}
      decideBlockedReason={request.decideBlockedReason ?? null}
      canReject={request.canReject}
      ownRequest={viewer.data?.viewer.id === request.requestedBy.id}
      approve={decision.approve}
      reject={decision.reject}
    />
  );
}

/**
 * On a request's page: while it waits, why and the Approve / Reject buttons; once decided, who
 * approved or rejected it, when, and their note.
 */
export function ReprocessApproval({ request }: { request: ReprocessRequestSummaryFragment }) {
  if (request.state === 'awaiting_approval') {
    return (
      <Banner tone="caution" as="section" className="stack" aria-label="Approval">
        <p role="status">
          <span className="strong">Waiting for approval:</span> {waitingSentence(request.approvalReasons)} Nothing is sent until someone else on call for{' '}
          {request.automations.join(', ')} approves it.
        </p>
        <ReprocessDecisionActions request={request} />
      </Banner>
    );
  }
  if (request.decision) {
    const { decision, by, at, note } = request.decision;
    return (
      <Banner tone={decision === 'approved' ? 'info' : 'caution'} role="status">
        <span className="strong">
          {decision === 'approved' ? 'Approved' : request.requestedBy.id === by.id ? 'Withdrawn' : 'Rejected'} by {by.name}
        </span>{' '}
        <time dateTime={at}>{formatInstant(at)}</time>
        {note ? <>: “{note}”</> : '.'} It needed a second person because {waitingSentence(request.approvalReasons)}
      </Banner>
    );
  }
  return null;
}
