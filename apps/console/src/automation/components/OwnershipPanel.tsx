import { Link } from 'react-router';
import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import type { AutomationDetailFragment } from '@/gql/graphql';
import styles from './AutomationOverview.module.css';

type OwnershipProps = Pick<AutomationDetailFragment, 'owner' | 'onCall'>;

export function OwnershipPanel({ owner, onCall }: OwnershipProps) {
  const access = useTeamAccess();
  return (
    <dl className="facts">
      <div>
        <dt>Owner</dt>
        <dd>
          {owner.title} <span className="muted">({owner.name})</span>
          {access.canManageTeam(owner.name) ? (
            <p className={styles.factAction}>
              <Link to={`/teams/${encodeURIComponent(owner.name)}/tokens`}>Runtime tokens of {owner.title}</Link>
            </p>
          ) : null}
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
