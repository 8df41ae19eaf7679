import { Link } from 'react-router';
import { useViewer } from '@/auth/hooks/useViewer';
import type { ReprocessRequestSummaryFragment } from '@/gql/graphql';
import { ReprocessDecisionActions, waitingSentence } from '@/reprocess/components/ReprocessApproval';
import { messages } from '@/reprocess/reprocessWords';
import { formatInstant } from '@/shared/format/dates';

/** A reprocess or discard request waiting for a second person: what, who asked and why, how many messages, and the decision. */
export function ReprocessApprovalCard({ request }: { request: ReprocessRequestSummaryFragment }) {
  const viewer = useViewer();
  const own = viewer.data?.viewer.id === request.requestedBy.id;
  const verb = request.action === 'reprocess' ? 'Reprocess' : 'Discard';
  return (
    <article className="panel stack" aria-label={`${verb} request #${request.id}`} data-request-id={request.id}>
      <h3 className="panel__title">
        <Link to={`/reprocess/${request.id}`}>
          {verb} {messages(request.total)} of {request.automations.join(', ')}
        </Link>
      </h3>
      <p>
        {own ? (
          'You asked'
        ) : (
          <>
            Asked by <span className="strong">{request.requestedBy.name}</span>
          </>
        )}{' '}
        <time dateTime={request.createdAt}>{formatInstant(request.createdAt)}</time>: “{request.reason}”
        {own ? ' Waiting for someone else on call.' : null}
      </p>
      <p className="muted">
        Which dead letters: {request.selection}. Needs a second person: {waitingSentence(request.approvalReasons)}
      </p>
      <ReprocessDecisionActions request={request} />
    </article>
  );
}
