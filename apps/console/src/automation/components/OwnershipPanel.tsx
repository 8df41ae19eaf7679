import type { AutomationDetailFragment } from '@/gql/graphql';

type OwnershipProps = Pick<AutomationDetailFragment, 'owner' | 'onCall'>;

export function OwnershipPanel({ owner, onCall }: OwnershipProps) {
  return (
    <dl className="facts">
      <div>
        <dt>Owner</dt>
        <dd>
          {owner.title} <span className="muted">({owner.name})</span>
        </dd>
      </div>
      <div>
        <dt>On call</dt>
        <dd>
          <span className="strong">{onCall.name}</span>
          <ul className="plain-list">
            {onCall.email ? (
              <li>
                <a href={`mailto:${onCall.email}`}>{onCall.email}</a>
              </li>
            ) : null}
            {onCall.slack ? <li>Slack {onCall.slack}</li> : null}
            {onCall.schedule ? (
              <li>
                <a href={onCall.schedule} target="_blank" rel="noopener noreferrer">
                  On-call schedule
                </a>
              </li>
            ) : (
              <li className="muted">No on-call schedule linked</li>
            )}
          </ul>
        </dd>
      </div>
    </dl>
  );
}
