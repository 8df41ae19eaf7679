import { Link } from 'react-router';
import { useViewer } from '@/auth/hooks/useViewer';
import type { AutomationChangeItemFragment } from '@/gql/graphql';
import { formatInstant } from '@/shared/format/dates';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { useAutomationChangeDecision } from '../hooks/useAutomationChangeDecision';
import { DecisionActions } from './DecisionActions';

/** What changes, in words, one line each: "owner team: finance-ops → order-ops", "invoices-succeed: objective 99.5% → 99%". */
export function ChangeList({ changes }: { changes: readonly string[] }) {
  return (
    <ul className="plain-list">
      {changes.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** Whether the change touches only SLOs (not the owner team, risk domains or lifecycle). */
export function onlySlos(change: Pick<AutomationChangeItemFragment, 'changes' | 'sloChanges'>): boolean {
  return change.changes.every((line) => change.sloChanges.includes(line));
}

/**
 * A change waiting for the automation's owner team — the SLOs of a production automation, leaving
 * production, or moving or taking a risk domain from a risk-domain automation: what, who asked, the
 * diff, and the decision.
 */
export function AutomationChangeCard({ change }: { change: AutomationChangeItemFragment }) {
  const decision = useAutomationChangeDecision(change.id, change.automation.slug);
  const viewer = useViewer();
  const own = viewer.data?.viewer.id === change.requestedBy.id;
  const slos = onlySlos(change);
  const kind = slos ? 'SLO change' : 'Change';
  return (
    <Panel as="article" className="stack" aria-label={`${kind} to ${change.automation.title}`} data-change-id={change.id}>
      <PanelTitle level={3}>
        {kind} to <Link to={`/automations/${encodeURIComponent(change.automation.slug)}${slos ? '/slos' : ''}`}>{change.automation.title}</Link>
      </PanelTitle>
      <p>
        {own ? (
          'You asked'
        ) : (
          <>
            Asked by <span className="strong">{change.requestedBy.name}</span>
          </>
        )}{' '}
        <time dateTime={change.requestedAt}>{formatInstant(change.requestedAt)}</time>.{' '}
        {own
          ? `Waiting for another owner on the ${change.ownerTeam} team.`
          : slos
            ? `A production automation: an owner on the ${change.ownerTeam} team approves changes to its SLOs.`
            : `Separation of duties: an owner on the ${change.ownerTeam} team approves moving it, taking a risk domain away or taking it out of production.`}
      </p>
      <ChangeList changes={change.changes} />
      <DecisionActions
        subject={`the ${slos ? 'SLO change' : 'change'} to ${change.automation.title}`}
        approveLabel={slos ? 'Approve — apply the new SLOs' : 'Approve — apply the change'}
        canDecide={change.canDecide}
        decideBlockedReason={change.decideBlockedReason ?? null}
        canReject={change.canReject}
        ownRequest={own}
        approve={decision.approve}
        reject={decision.reject}
      />
    </Panel>
  );
}
