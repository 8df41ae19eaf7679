import { Link } from 'react-router';
import { useViewer } from '@/auth/hooks/useViewer';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { useAutomationChangeDecision } from '../hooks/useAutomationChangeDecision';
import { DecisionActions } from './DecisionActions';

/** The SLO changes in words, one line each: "invoices-succeed: objective 99.5% → 99%". */
export function SloChangeList({ changes }: { changes: readonly string[] }) {
  return (
    <ul className="plain-list">
      {changes.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** A change to a production automation's SLOs waiting for its owner team: what, who asked, the diff, and the decision. */
export function AutomationChangeCard({ change }: { change: AutomationChangeItemFragment }) {
  const decision = useAutomationChangeDecision(change.id, change.automation.slug);
  const viewer = useViewer();
  const own = viewer.data?.viewer.id === change.requestedBy.id;
  return (
    <article className="panel stack" aria-label={`SLO change to ${change.automation.title}`} data-change-id={change.id}>
      <h3 className="panel__title">
        SLO change to <Link to={`/automations/${encodeURIComponent(change.automation.slug)}/slos`}>{change.automation.title}</Link>
      </h3>
      <p>
        {own ? (
          'You asked'
        ) : (
          <>
            Asked by <span className="strong">{change.requestedBy.name}</span>
          </>
        )}{' '}
        <time dateTime={change.requestedAt}>{formatInstant(change.requestedAt)}</time>.{' '}
        {own ? `Waiting for another owner on the ${change.ownerTeam} team.` : `A production automation: an owner on the ${change.ownerTeam} team approves changes to its SLOs.`}
      </p>
      <SloChangeList changes={change.sloChanges} />
      <DecisionActions
        subject={`the SLO change to ${change.automation.title}`}
        approveLabel="Approve — apply the new SLOs"
        canDecide={change.canDecide}
        decideBlockedReason={change.decideBlockedReason ?? null}
        canReject={change.canReject}
        ownRequest={own}
        approve={decision.approve}
        reject={decision.reject}
      />
    </article>
  );
}
