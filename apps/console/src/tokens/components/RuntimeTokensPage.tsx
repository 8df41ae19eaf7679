import { useMemo, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useTeamAccess } from '@/auth/hooks/useTeamAccess';
import { useAutomationOptions } from '@/catalog/hooks/useAutomationOptions';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { Actions } from '@/shared/ui/Actions';
import { Button, ButtonLink } from '@/shared/ui/Button';
import { Field } from '@/shared/ui/Field';
import { Panel } from '@/shared/ui/Panel';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { useTeams } from '@/teams/hooks/useTeams';
import { useRuntimeTokens } from '../hooks/useRuntimeTokens';
import { type RuntimeToken, inListOrder } from '../tokenScope';
import { CreateTokenForm } from './CreateTokenForm';
import { RevokeTokenDialog } from './RevokeTokenDialog';
import { RotateTokenDialog } from './RotateTokenDialog';
import { SecretOnce } from './SecretOnce';
import { TokenTable } from './TokenTable';

function PageLoading() {
  return (
    <div className="page" aria-busy="true">
      <LoadingMessage>Loading runtime tokens…</LoadingMessage>
      <SkeletonLine width="40%" />
      <SkeletonLine width="70%" />
    </div>
  );
}

/** The teams this person may switch between: all for admins, their own for owners. */
function useManageableTeams() {
  const access = useTeamAccess();
  const teams = useTeams();
  const all = teams.data?.teams ?? [];
  return access.isAdmin ? all : all.filter((team) => access.canManageTeam(team.name));
}

/** /tokens: the first team the person manages, or why there is none. */
export function TokensIndexPage() {
  useDocumentTitle('Runtime tokens');
  const access = useTeamAccess();
  const teams = useTeams();
  const manageable = useManageableTeams();
  if (access.isPending || teams.isPending) {
    return <PageLoading />;
  }
  const first = access.isAdmin ? manageable[0]?.name : access.viewer?.teams.find((team) => access.canManageTeam(team));
  if (first) {
    return <Navigate to={`/teams/${encodeURIComponent(first)}/tokens`} replace />;
  }
  return (
    <div className="page">
      <State role="status">
        <StateTitle level={1}>No team whose tokens you manage</StateTitle>
        <StateText>Runtime tokens are created by the owners of a team, and by admins.</StateText>
        <ButtonLink to="/">Back to the catalog</ButtonLink>
      </State>
    </div>
  );
}

/** /teams/:team/tokens — the team's runtime tokens: list, create and rotate (secret shown once), revoke. */
export function RuntimeTokensPage() {
  const { team = '' } = useParams();
  useDocumentTitle(`Runtime tokens · ${team}`);
  const access = useTeamAccess();
  if (access.isPending) {
    return <PageLoading />;
  }
  if (!access.canManageTeam(team)) {
    return (
      <div className="page">
        <State role="status">
          <StateTitle level={1}>Runtime tokens of {team} are managed by its owners</StateTitle>
          <StateText>Ask an owner of the team, or an admin, for a token. Each one lets a runtime report for the team’s automations.</StateText>
          <ButtonLink to="/">Back to the catalog</ButtonLink>
        </State>
      </div>
    );
  }
  // A fresh page per team: a secret shown for one team never lingers on another's.
  return <TeamTokens key={team} team={team} />;
}

function TeamSwitcher({ team }: { team: string }) {
  const manageable = useManageableTeams();
  const navigate = useNavigate();
  if (manageable.length < 2) {
    return null;
  }
  return (
    <Field id="tokens-team" label="Team" compact>
      {(control) => (
        <select {...control} value={team} onChange={(event) => void navigate(`/teams/${encodeURIComponent(event.target.value)}/tokens`)}>
          {manageable.map((option) => (
            <option key={option.name} value={option.name}>
              {option.title}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type TokenPanel = { kind: 'closed' } | { kind: 'form' } | { kind: 'secret'; name: string; secret: string; replaced?: { prefix: string; expiresAt: string } };

function TeamTokens({ team }: { team: string }) {
  const tokens = useRuntimeTokens(team);
  const teams = useTeams();
  const automations = useAutomationOptions({ owner: team });
  const [panel, setPanel] = useState<TokenPanel>({ kind: 'closed' });
  const [revoking, setRevoking] = useState<RuntimeToken | null>(null);
  const [rotating, setRotating] = useState<RuntimeToken | null>(null);

  const teamTitle = teams.data?.teams.find((candidate) => candidate.name === team)?.title ?? team;
  const titles = useMemo(() => new Map((automations.data ?? []).map((automation) => [automation.slug, automation.title])), [automations.data]);
  const rows = useMemo(() => inListOrder(tokens.data?.runtimeTokens ?? []), [tokens.data]);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">{teamTitle}</p>
          <h1>Runtime tokens</h1>
          <p className="muted">
            A runtime reports runs, heartbeats and dead letters to Roundhouse with one of these, through the SDK or the ingest API. Give each deployment its own token, scoped to
            what it runs.
          </p>
        </div>
        <Actions>
          <TeamSwitcher team={team} />
          {panel.kind === 'closed' ? (
            <Button variant="primary" onClick={() => setPanel({ kind: 'form' })}>
              New token
            </Button>
          ) : null}
        </Actions>
      </header>

      {panel.kind === 'form' ? (
        <Panel as="div">
          <CreateTokenForm
            team={team}
            teamTitle={teamTitle}
            automations={automations.data ?? []}
            onCreated={({ name, secret }) => setPanel({ kind: 'secret', name, secret })}
            onCancel={() => setPanel({ kind: 'closed' })}
          />
        </Panel>
      ) : null}
      {panel.kind === 'secret' ? (
        <Panel as="div">
          <SecretOnce name={panel.name} secret={panel.secret} replaced={panel.replaced} onDone={() => setPanel({ kind: 'closed' })} />
        </Panel>
      ) : null}

      <section className="stack token-list" aria-labelledby="token-list-title">
        <h2 id="token-list-title" className="visually-hidden">
          Tokens of {teamTitle}
        </h2>
        {tokens.isPending ? (
          <div className="stack" aria-busy="true">
            <LoadingMessage>Loading tokens…</LoadingMessage>
            <SkeletonLine width="80%" />
            <SkeletonLine width="60%" />
          </div>
        ) : tokens.isError ? (
          <ErrorState title="The tokens could not be loaded" error={tokens.error} onRetry={() => void tokens.refetch()} retrying={tokens.isFetching} />
        ) : rows.length === 0 ? (
          <State role="status" aria-labelledby="tokens-empty-title">
            <StateTitle id="tokens-empty-title">No runtime tokens yet</StateTitle>
            <StateText>Until a runtime has one, {teamTitle}’s automations cannot report runs, so their health stays empty.</StateText>
          </State>
        ) : (
          <TokenTable tokens={rows} titles={titles} onRotate={setRotating} onRevoke={setRevoking} />
        )}
      </section>

      {rotating ? (
        <RotateTokenDialog
          token={rotating}
          teamTitle={teamTitle}
          titles={titles}
          onRotated={({ name, secret, old }) => {
            setRotating(null);
            setPanel({ kind: 'secret', name, secret, replaced: old });
          }}
          onClose={() => setRotating(null)}
        />
      ) : null}
      {revoking ? <RevokeTokenDialog token={revoking} teamTitle={teamTitle} titles={titles} onClose={() => setRevoking(null)} /> : null}
    </div>
  );
}
