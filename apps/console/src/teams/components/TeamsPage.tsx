import { Link } from 'react-router';
import type { TeamTreeQuery } from '@/gql/graphql';
import { Badge } from '@/shared/components/Badge';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Panel, PanelTitle } from '@/shared/ui/Panel';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useTeamTree } from '../hooks/useTeamTree';
import { teamTree, type TeamTreeNode } from '../teamTree';
import styles from './TeamsPage.module.css';

type Team = TeamTreeQuery['teams'][number];

function EmptyState() {
  return (
    <State as="section" role="status" aria-labelledby="teams-empty-title">
      <StateTitle id="teams-empty-title">No teams yet</StateTitle>
      <StateText as="div">
        <p>
          Teams come from the catalog: a <code>roundhouse.dev/v1 Team</code>, or a Backstage org folder copied unchanged under <code>catalog/</code>. Each Backstage{' '}
          <code>Group</code> becomes a team in this tree (<code>spec.parent</code> and <code>spec.children</code>), and each <code>User</code> a member of the teams its{' '}
          <code>spec.memberOf</code> names.
        </p>
        <p>
          Check the files with <code>npm run catalog -- validate</code>, then apply them with <code>npm run catalog -- apply</code>.
        </p>
      </StateText>
    </State>
  );
}

function Members({ team }: { team: Team }) {
  if (team.people.length === 0) {
    return <p className="muted">No members in the catalog.</p>;
  }
  return (
    <ul className={styles.members} aria-label={`Members of ${team.title}`}>
      {team.people.map((person) => (
        <li key={person.name}>
          {person.displayName ?? person.name}
          {person.email === null ? null : (
            <>
              {' '}
              <a className="muted" href={`mailto:${person.email}`}>
                {person.email}
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function TeamBranch({ node }: { node: TeamTreeNode<Team> }) {
  const { team } = node;
  const headingId = `team-${team.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  return (
    <li aria-labelledby={headingId}>
      <Panel as="div">
        <PanelTitle id={headingId}>
          {team.title}
          {team.namespace === 'default' ? null : (
            <>
              {' '}
              <Badge tone="info" title="Backstage namespace">
                namespace {team.namespace}
              </Badge>
            </>
          )}
        </PanelTitle>
        {team.description === null ? null : <p>{team.description}</p>}
        <p className="muted">
          <code>{team.name}</code> ·{' '}
          {team.automationCount === 0 ? (
            'no automations'
          ) : (
            <Link to={`/?owner=${encodeURIComponent(team.name)}`}>{team.automationCount === 1 ? '1 automation' : `${team.automationCount} automations`}</Link>
          )}
        </p>
        <Members team={team} />
      </Panel>
      {node.children.length === 0 ? null : (
        <ul className={styles.tree} aria-label={`Teams under ${team.title}`}>
          {node.children.map((child) => (
            <TeamBranch key={child.team.name} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The teams as Backstage's Group hierarchy: parents above children, each with its members. */
export function TeamsPage() {
  useDocumentTitle('Teams');
  const query = useTeamTree();
  return (
    <div className="page stack">
      <header className="page-header">
        <div>
          <h1>Teams</h1>
          <p className="description">Who owns the automations: each team under its parent, with the people on it.</p>
        </div>
      </header>
      {query.isPending ? (
        <div aria-busy="true">
          <LoadingMessage>Loading the teams…</LoadingMessage>
          <SkeletonLine />
          <SkeletonLine width="80%" />
        </div>
      ) : query.isError ? (
        <ErrorState title="The teams could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.data.teams.length === 0 ? (
        <EmptyState />
      ) : (
        <ul className={styles.tree} aria-label="Team tree">
          {teamTree(query.data.teams).map((node) => (
            <TeamBranch key={node.team.name} node={node} />
          ))}
        </ul>
      )}
    </div>
  );
}
