import { ButtonLink } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';

interface HealthEmptyStateProps {
  /** The owning team, whose runtime tokens the runtime needs. */
  team: string;
  teamTitle: string;
  /** Whether the viewer may create the team's tokens (owners of the team, admins). */
  canManageTokens: boolean;
}

/** Nothing reported yet: say how reports arrive and where to get the token that sends them. */
export function HealthEmptyState({ team, teamTitle, canManageTokens }: HealthEmptyStateProps) {
  return (
    <State role="status" aria-labelledby="health-empty-title">
      <StateTitle id="health-empty-title">No runs reported yet</StateTitle>
      <StateText>
        Runtimes report through the SDK with a runtime token: each run start, finish and failure, and a heartbeat while they are up. The first report shows here within a minute.
      </StateText>
      {canManageTokens ? (
        <ButtonLink variant="primary" to={`/teams/${encodeURIComponent(team)}/tokens`}>
          Create a runtime token
        </ButtonLink>
      ) : (
        <StateText>The owning team, {teamTitle}, creates the runtime token.</StateText>
      )}
    </State>
  );
}
