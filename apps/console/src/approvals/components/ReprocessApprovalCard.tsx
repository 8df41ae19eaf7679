import { Link } from 'react-router';
import { useViewer } from '@/auth/hooks/useViewer';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { deadLetterPath } from '@/dead-letters/deadLetterFilters';
import { ReprocessDecisionActions, waitingSentence } from '@/reprocess/components/ReprocessApproval';
import { canaryPlanSentence } from '@/reprocess/reprocessCanary';
import { messages } from '@/reprocess/reprocessWords';
import { formatInstant } from '@/shared/format/dates';
import { Panel, PanelTitle } from '@/shared/ui/Panel';

/**
 * Which dead letters, as an approver recognises them: by error, automation and a sample message (the
 * request's words for its filter stay on its page). Falls back to those words while the api gives no groups.
 */
function SelectionGroups({ request }: { request: ReprocessRequestSummaryFragment }) {
  const groups = request.errorGroups;
  if (groups.length === 0) {
    return <p className="muted">Which dead letters: {request.selection}.</p>;
  }
  const shown = groups.reduce((sum, group) => sum + group.count, 0);
  const rest = request.total - shown;
  return (
    <div>
      <p className="muted">Which dead letters:</p>
      <ul className="plain-list" aria-label="Which dead letters">
        {groups.map((group) => (
          <li key={`${group.automation} ${group.errorClass} ${group.sampleDeadLetterId}`}>
            <span className="strong">{group.errorClass}</span> in {group.automation}: {messages(group.count)}, such as{' '}
            <Link to={deadLetterPath(group.sampleDeadLetterId)}>{group.sampleMessageId}</Link> — “{group.sampleError}”
          </li>
        ))}
        {rest > 0 ? <li className="muted">and {messages(rest)} failing in other ways</li> : null}
      </ul>
    </div>
  );
}

/** A reprocess or discard request waiting for a second person: what, who asked and why, how many messages, and the decision. */
export function ReprocessApprovalCard({ request }: { request: ReprocessRequestSummaryFragment }) {
  const viewer = useViewer();
  const own = viewer.data?.viewer.id === request.requestedBy.id;
  const verb = request.action === 'reprocess' ? 'Reprocess' : 'Discard';
  return (
    <Panel as="article" className="stack" aria-label={`${verb} request #${request.id}`} data-request-id={request.id}>
      <PanelTitle level={3}>
        <Link to={`/reprocess/${request.id}`}>
          {verb} {messages(request.total)} of {request.automations.join(', ')}
        </Link>
      </PanelTitle>
      <p>
        {own ? (
          'You asked'
        ) : (
          <>
            Asked by <span className="strong">{request.requestedBy.name}</span>
          </>
        )}{' '}
        <time dateTime={request.createdAt}>{formatInstant(request.createdAt)}</time>: “{request.reason}”{own ? ' Waiting for someone else on call.' : null}
      </p>
      <SelectionGroups request={request} />
      {request.canary ? (
        <p data-testid="approval-canary">
          <span className="strong">Starts with a canary.</span> {canaryPlanSentence(request.canary.size, request.total, request.canary.maxFailureRate)} Your approval covers the
          whole request.
        </p>
      ) : null}
      <p className="muted">Needs a second person: {waitingSentence(request.approvalReasons)}</p>
      <ReprocessDecisionActions request={request} />
    </Panel>
  );
}
